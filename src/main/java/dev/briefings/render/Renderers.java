package dev.briefings.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.briefings.render.pdf.PdfBriefingRenderer;
import dev.briefings.render.workbook.WorkbookBriefingRenderer;

/**
 * The renderers of each template folder, made once and kept while the template's files stay the same.
 * <p>
 * Most of a small briefing's time is the first use of the rendering stack in the JVM (template parsing, the
 * bundled font, layout, charts and POI classes), none of which depends on the records. {@link #prepare} (for the
 * server) does all of that on a second thread, rendering a made-up briefing to a scratch file, while the caller
 * goes on; {@link #prepareForOneRun} (for a command) does the cheaper part of it. {@link #pdf} and
 * {@link #workbook} then wait for it, if it is not done.
 */
public final class Renderers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Renderers.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "render-warm-up");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, Prepared> prepared = new ConcurrentHashMap<>();

    /** What a template folder's files were when its renderers were made, and the renderers being made. */
    private record Prepared(List<String> stamp, CompletableFuture<PdfBriefingRenderer> pdf,
                            CompletableFuture<Void> workbookWarm, WorkbookBriefingRenderer workbook) {
    }

    /** How much of a template folder's renderers to make ready in the background. */
    private enum Warm {
        /** Make the PDF renderer ready for its first render (no made-up PDF) and open the workbook's template. */
        COLD,
        /** Render a made-up PDF and workbook (for the server, whose first request should find both warm). */
        BOTH
    }

    /** Starts making (and warming up) the renderers of a template folder in the background; returns at once. */
    public void prepare(Path templateDir) {
        entry(templateDir, Warm.BOTH);
    }

    /**
     * For one run: starts making the PDF renderer ready for its first render (see {@link
     * PdfBriefingRenderer#prepare}) and opening the workbook's template in the background (while the application
     * starts); returns at once. No made-up briefing is rendered: the run's own rows and PDF come soon enough.
     */
    public void prepareForOneRun(Path templateDir) {
        entry(templateDir, Warm.COLD);
    }

    /** The PDF renderer of a template folder, waiting for its preparation when under way. */
    public PdfBriefingRenderer pdf(Path templateDir) {
        try {
            return entry(templateDir, Warm.COLD).pdf().join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /**
     * The workbook renderer of a template folder, once a warm-up asked for by {@link #prepare} is done. Without
     * one, this starts what {@link #prepareForOneRun} does and returns at once.
     */
    public WorkbookBriefingRenderer workbook(Path templateDir) {
        Prepared p = entry(templateDir, Warm.COLD);
        p.workbookWarm().join();
        return p.workbook();
    }

    static Path workbookTemplate(Path templateDir) {
        return templateDir.resolve("workbook.xlsx");
    }

    private Prepared entry(Path templateDir, Warm warm) {
        Path dir = templateDir.toAbsolutePath().normalize();
        List<String> stamp = stamp(dir);
        return prepared.compute(dir, (key, old) -> old != null && old.stamp().equals(stamp) ? old
                : switch (warm) {
                    case COLD -> startCold(dir, stamp);
                    case BOTH -> start(dir, stamp);
                });
    }

    private Prepared startCold(Path dir, List<String> stamp) {
        // The workbook's template first: the pass over the records needs it before the PDF is rendered.
        WorkbookBriefingRenderer workbook = workbookAhead(dir);
        return new Prepared(stamp, CompletableFuture.supplyAsync(() -> preparedPdf(dir), worker),
                CompletableFuture.completedFuture(null), workbook);
    }

    /**
     * The PDF renderer, with the first-use work that does not depend on the records done (measured at 10,000
     * records: the briefing's PDF then took 0.6 s instead of 0.8 s, on the run's critical path). A template that
     * fails here is reported by the briefing's own render; here it is only noted.
     */
    private static PdfBriefingRenderer preparedPdf(Path dir) {
        PdfBriefingRenderer renderer = new PdfBriefingRenderer(dir);
        try {
            renderer.prepare(Specimen.model());
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Preparing the PDF renderer of {} failed; the briefing's own render will report it: {}",
                    dir, e.toString());
        }
        return renderer;
    }

    private WorkbookBriefingRenderer workbookAhead(Path dir) {
        var workbook = new WorkbookBriefingRenderer(workbookTemplate(dir));
        if (Files.isRegularFile(workbookTemplate(dir))) {
            workbook.beginAhead(worker);
        }
        return workbook;
    }

    private static PdfBriefingRenderer warmPdf(Path dir) {
        PdfBriefingRenderer renderer = new PdfBriefingRenderer(dir);
        warm("PDF", dir, scratch -> renderer.render(Specimen.model(), scratch));
        return renderer;
    }

    private Prepared start(Path dir, List<String> stamp) {
        // Workbook first: the pass over the records needs it before the PDF is rendered.
        CompletableFuture<Void> workbookWarm = CompletableFuture.runAsync(() -> warmWorkbook(dir), worker);
        CompletableFuture<PdfBriefingRenderer> pdf = CompletableFuture.supplyAsync(() -> warmPdf(dir), worker);
        // No workbook begun ahead here: it would wait behind the PDF's warm-up on this thread.
        return new Prepared(stamp, pdf, workbookWarm, new WorkbookBriefingRenderer(workbookTemplate(dir)));
    }

    private static void warmWorkbook(Path dir) {
        Path template = workbookTemplate(dir);
        if (Files.isRegularFile(template)) {
            warm("workbook", dir, scratch -> new WorkbookBriefingRenderer(template).render(Specimen.model(),
                    action -> Specimen.rows().forEach(action), scratch));
        }
    }

    private interface Render {
        void to(Path scratch) throws Exception;
    }

    /**
     * Renders the specimen to a scratch file. A template that fails here fails the same way in the real render,
     * which reports it with the run; the warm-up only notes it.
     */
    private static void warm(String what, Path dir, Render render) {
        Path scratch = null;
        try {
            scratch = Files.createTempFile("briefings-warm-up-", ".tmp");
            render.to(scratch);
        } catch (Exception | LinkageError e) {
            LOG.debug("Warming up the {} renderer of {} failed; the briefing's own render will report it: {}",
                    what, dir, e.toString());
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException e) {
                    LOG.debug("Cannot delete the warm-up file {}: {}", scratch, e.toString());
                }
            }
        }
    }

    /** Names, sizes and modification times of the folder's files: a changed template gets new renderers. */
    private static List<String> stamp(Path dir) {
        List<String> stamp = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                stamp.add(f.getFileName() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            stamp.add("unreadable: " + e.getMessage());
        }
        return stamp;
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("cannot prepare the renderers: " + cause, cause);
    }

    @Override
    public void close() {
        prepared.values().forEach(p -> p.workbook().discardAhead());
        worker.shutdownNow();
    }
}
