package dev.briefings.render.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.briefings.briefing.BriefingMeta;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.InitiativeRows;

/**
 * Renders a briefing as an .xlsx workbook with the sheets Summary, Initiatives, Funding, Risks, Changes and Sources.
 * <p>
 * Built on an .xlsx template (see templates/README.md) with POI's streaming SXSSF: only a window of rows per sheet
 * is in memory, the rest goes to temporary files, so a million rows may be fed. Rows are fed one at a time
 * ({@link #begin()}), so that the pass that computes the figures writes them as it goes, feeding Initiatives and
 * Sources together; the sheets made from the finished model follow. Text from records is always written as text,
 * never as a formula.
 * <p>
 * The same model and rows give the same bytes: the document's dates are the start of the as-of date (UTC), not
 * the wall clock, and every zip entry has the same time (the earliest a zip can hold).
 */
public final class WorkbookBriefingRenderer {

    /** Rows per sheet kept in memory before they are flushed to the temporary file. */
    static final int ROW_WINDOW = 100;

    private final Path templateFile;
    /** A workbook begun in advance ({@link #beginAhead}), taken by the next {@link #begin()}. */
    private final AtomicReference<CompletableFuture<Streaming>> ahead = new AtomicReference<>();

    public WorkbookBriefingRenderer(Path templateFile) {
        this.templateFile = Objects.requireNonNull(templateFile, "templateFile");
    }

    /**
     * Opens the template and starts a workbook on {@code executor} now, for the next {@link #begin()} to take: the
     * template's XML is a tenth of a second of work that need not wait for the records. Does nothing if one is
     * already waiting.
     */
    public void beginAhead(Executor executor) {
        CompletableFuture<Streaming> next = new CompletableFuture<>();
        if (ahead.compareAndSet(null, next)) {
            executor.execute(() -> {
                try {
                    next.complete(new Streaming(WorkbookTemplate.open(templateFile)));
                } catch (RuntimeException | Error e) {
                    next.completeExceptionally(e);
                }
            });
        }
    }

    /** Lets go of a workbook begun in advance and not taken. */
    public void discardAhead() {
        CompletableFuture<Streaming> waiting = ahead.getAndSet(null);
        if (waiting != null) {
            waiting.thenAccept(Streaming::close);
        }
    }

    /**
     * Writes the workbook to {@code out} (replacing it) from a model and its rows. The file appears only once
     * complete.
     *
     * @throws TemplateException    when the template is missing, unreadable or lacks a sheet, header or style
     * @throws UncheckedIOException when the workbook cannot be written
     */
    public void render(BriefingModel model, InitiativeRows rows, Path out) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        try (Streaming workbook = begin()) {
            rows.forEach(workbook::accept);
            workbook.finish(model, out);
        }
    }

    /**
     * Opens the template and starts the streamed sheets; feed every in-scope row with {@link Streaming#accept},
     * then {@link Streaming#finish}. Close it in any case (it deletes the temporary files).
     *
     * @throws TemplateException when the template is missing, unreadable or lacks a sheet, header or style
     */
    public Streaming begin() {
        CompletableFuture<Streaming> waiting = ahead.getAndSet(null);
        if (waiting == null) {
            return new Streaming(WorkbookTemplate.open(templateFile));
        }
        try {
            return waiting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // a TemplateException, as if opened here
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** A workbook being written: rows go to temporary files as they come. Not thread-safe. */
    public static final class Streaming implements AutoCloseable {
        private final XSSFWorkbook xssf;
        private final SavingWorkbook workbook;
        private final WorkbookStyles styles;
        private final InitiativesSheet initiativesSheet;
        private final SourcesSheet sourcesSheet;

        private Streaming(WorkbookTemplate.Opened template) {
            this.xssf = template.workbook();
            this.workbook = new SavingWorkbook(xssf);
            this.styles = template.styles();
            this.initiativesSheet = new InitiativesSheet(workbook, styles);
            this.sourcesSheet = new SourcesSheet(workbook, styles);
            initiativesSheet.begin();
            sourcesSheet.begin();
        }

        public void accept(InitiativeRow row) {
            initiativesSheet.accept(row);
            sourcesSheet.accept(row);
        }

        /** Adds the sheets made from the model and writes the workbook to {@code out}; call once, after every row. */
        public void finish(BriefingModel model, Path out) {
            StreamedCount initiatives = initiativesSheet.end();
            StreamedCount sources = sourcesSheet.end();
            workbook.addLinks(initiativesSheet.attachedLinks());
            workbook.addLinks(sourcesSheet.attachedLinks());
            new SummarySheet(workbook, styles).write(model, initiatives, sources);
            new FundingSheet(workbook, styles).write(model);
            new RisksSheet(workbook, styles).write(model);
            new ChangesSheet(workbook, styles).write(model);
            describe(model);
            try {
                save(workbook, out);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write workbook " + out + ": " + e.getMessage(), e);
            }
        }

        /**
         * The document properties, from the briefing rather than the template or the clock: title, subject (edition
         * and filters), the desk as author, the as-of date as the dates and in the keywords and description, and
         * this application (not the template's "Apache POI") as the application.
         */
        private void describe(BriefingModel model) {
            var meta = model.meta();
            var properties = xssf.getProperties().getCoreProperties();
            Optional<Date> asOf = Optional.of(Date.from(meta.asOf().atStartOfDay(ZoneOffset.UTC).toInstant()));
            properties.setCreated(asOf);
            properties.setModified(asOf);
            properties.setTitle(meta.title());
            properties.setSubjectProperty(subject(meta));
            properties.setKeywords("critical minerals, supply chain, investment, as of " + meta.asOf());
            String desk = meta.desk() == null ? null : meta.desk().name();
            properties.setDescription("Investor briefing as of " + meta.asOf() + ", " + meta.edition() + " edition"
                    + (desk == null ? "" : ", published by " + desk
                    + (meta.desk().contact().isEmpty() ? "" : " (" + meta.desk().contact() + ")")) + ".");
            properties.setCreator(desk);
            properties.setLastModifiedByUser(desk);
            xssf.getProperties().getExtendedProperties().setApplication("Briefings " + meta.applicationVersion());
        }

        /** Deletes the temporary files and lets go of the template. */
        @Override
        public void close() {
            try (XSSFWorkbook template = xssf) {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the workbook: " + e.getMessage(), e);
            }
        }
    }

    /**
     * POI's streaming workbook as this renderer saves it: shared strings off (that table would hold every text),
     * temporary files uncompressed (faster; deleted at once) and written by {@link SheetXmlWriter}, the links that
     * {@link Links} noted added to their sheets' XML on the way into the file, and the entries compressed in pieces on
     * two threads with the fastest deflate (the sheets are most of the work of saving and compress well even so).
     */
    static final class SavingWorkbook extends SXSSFWorkbook {
        /** Every entry's time: the earliest a zip can hold (POI's too), so that the same briefing gives the same bytes. */
        private static final long ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0)
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

        private final Map<String, Links.Attached> links = new HashMap<>();
        private final Map<XSSFSheet, CellRangeAddress> streamedDimensions = new HashMap<>();
        /**
         * The sheets' writers, in the order POI made them: one per sheet, as it registered the sheets. Made by the
         * first call, which comes from POI's constructor, before this class's fields are initialised.
         */
        private List<SheetXmlWriter> writers;

        SavingWorkbook(XSSFWorkbook template) {
            super(template, ROW_WINDOW, false, false);
        }

        /** The writer of a sheet of the template, for rows written straight into its XML. */
        SheetXmlWriter writer(String sheetName) {
            // POI makes a sheet's writer as it registers the sheet, and registers the template's sheets in order.
            int made = writers == null ? 0 : writers.size();
            if (made != getNumberOfSheets()) {
                throw new IllegalStateException("the workbook has " + getNumberOfSheets() + " sheets but "
                        + made + " sheet writers");
            }
            int index = getSheetIndex(sheetName);
            if (index < 0) {
                throw new IllegalArgumentException("the workbook has no sheet " + sheetName);
            }
            return writers.get(index);
        }

        /**
         * Gives a sheet whose rows were written straight into its XML its dimension (null: none, the template's
         * stays). POI works out every sheet's dimension from its own rows as the workbook is saved; this one is put
         * back after that (see {@link #flushSheets}).
         */
        void streamedDimension(XSSFSheet sheet, CellRangeAddress dimension) {
            if (dimension != null) {
                streamedDimensions.put(sheet, dimension);
                sheet.setDimensionOverride(dimension);
            }
        }

        @Override
        protected void flushSheets() throws IOException {
            super.flushSheets();
            streamedDimensions.forEach(XSSFSheet::setDimensionOverride);
        }

        void addLinks(Links.Attached attached) {
            if (attached != null) {
                links.put(attached.entry(), attached);
                links.put(attached.relationshipsEntry(), attached);
            }
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            var writer = new SheetXmlWriter();
            if (writers == null) {
                writers = new ArrayList<>();
            }
            writers.add(writer);
            return writer;
        }

        /**
         * Writes the file from the parts POI saved and the streamed sheets' rows, every entry compressed on two threads
         * (see {@link PieceDeflater}: POI compresses one entry after the other, and on a large briefing the
         * Initiatives sheet, most of the file, then kept one core waiting). The entries keep POI's order, names and
         * times, and their contents are what POI would write.
         */
        @Override
        protected void injectData(ZipEntrySource parts, OutputStream out) throws IOException {
            ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "workbook-deflate");
                t.setDaemon(true);
                return t;
            });
            var deflater = new PieceDeflater(threads, Deflater.BEST_SPEED);
            try (parts) {
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
                Enumeration<? extends ZipArchiveEntry> en = parts.getEntries();
                while (en.hasMoreElements()) {
                    ZipArchiveEntry part = en.nextElement();
                    byte[] content = content(parts, part);
                    XSSFSheet sheet = getSheetFromZipEntryName(part.getName());
                    if (sheet != null && !(sheet instanceof XSSFChartSheet)) {
                        SheetXml xml = SheetXml.split(part.getName(), content);
                        // The rows are large: compressed into a temporary file, then copied into the zip.
                        Path compressed = Files.createTempFile("briefings-workbook-", ".deflate");
                        try {
                            PieceDeflater.Deflated deflated;
                            try (InputStream rows = getSheet(sheet.getSheetName()).getWorksheetXMLInputStream();
                                 InputStream whole = new SequenceInputStream(Collections.enumeration(List.of(
                                         new ByteArrayInputStream(xml.head()), rows,
                                         new ByteArrayInputStream(xml.tail()))));
                                 OutputStream to = Files.newOutputStream(compressed)) {
                                deflated = deflater.deflate(whole, to);
                            }
                            try (InputStream from = Files.newInputStream(compressed)) {
                                zip.addRawArchiveEntry(entry(part, deflated), from);
                            }
                        } finally {
                            Files.deleteIfExists(compressed);
                        }
                    } else {
                        var bytes = new ByteArrayOutputStream(content.length / 4 + 64);
                        PieceDeflater.Deflated deflated = deflater.deflate(new ByteArrayInputStream(content), bytes);
                        zip.addRawArchiveEntry(entry(part, deflated), new ByteArrayInputStream(bytes.toByteArray()));
                    }
                }
                zip.finish();
            } finally {
                threads.shutdownNow();
            }
        }

        /** A compressed entry as a zip holds it: POI's name, the fixed time, the sizes and CRC-32 of its data. */
        private static ZipArchiveEntry entry(ZipArchiveEntry part, PieceDeflater.Deflated deflated) {
            ZipArchiveEntry entry = new ZipArchiveEntry(part.getName());
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setTime(ENTRY_TIME);
            entry.setCrc(deflated.crc());
            entry.setSize(deflated.size());
            entry.setCompressedSize(deflated.compressedSize());
            return entry;
        }

        /** A part as POI saved it (they are small: the rows are not in them), with the noted links added. */
        private byte[] content(ZipEntrySource parts, ZipArchiveEntry part) throws IOException {
            InputStream saved = parts.getInputStream(part);
            if (saved instanceof ZipArchiveThresholdInputStream guarded) {
                guarded.setGuardState(false); // as POI's own copy: a sheet's XML compresses very well
            }
            Links.Attached attached = links.get(part.getName());
            try (InputStream in = attached == null ? saved : part.getName().equals(attached.entry())
                    ? attached.into(saved) : attached.intoRelationships(saved)) {
                return in.readAllBytes();
            }
        }
    }

    /**
     * A streamed sheet's XML as POI saved it, split where its rows go, the way POI splits it: after the template's
     * own rows ({@code <sheetData>...}) or in place of an empty {@code <sheetData/>}.
     */
    private record SheetXml(byte[] head, byte[] tail) {

        static SheetXml split(String entry, byte[] saved) {
            String xml = new String(saved, StandardCharsets.UTF_8);
            int empty = xml.indexOf("<sheetData/>");
            int open = xml.indexOf("<sheetData>");
            if (empty >= 0 && (open < 0 || empty < open)) {
                return new SheetXml(utf8(xml.substring(0, empty) + "<sheetData>\n"),
                        utf8("</sheetData>" + xml.substring(empty + "<sheetData/>".length())));
            }
            int close = open < 0 ? -1 : xml.indexOf("</sheetData>", open);
            if (close < 0) {
                throw new IllegalStateException("the workbook's sheet " + entry + " has no sheetData element");
            }
            return new SheetXml(utf8(xml.substring(0, close)), utf8(xml.substring(close)));
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The edition and its filters, e.g. "party-au edition: Parties: AU". */
    private static String subject(BriefingMeta meta) {
        return meta.edition() + " edition: " + meta.filters();
    }

    /** Writes next to the target and moves it into place, so a failed run never leaves a half-written workbook. */
    private static void save(SXSSFWorkbook workbook, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, target.getFileName().toString(), ".part");
        try {
            try (OutputStream os = Files.newOutputStream(partial)) {
                workbook.write(os);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
