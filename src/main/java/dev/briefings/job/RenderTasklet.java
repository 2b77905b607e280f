package dev.briefings.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.briefings.BriefingsProperties;
import dev.briefings.briefing.BriefingAssembler;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.BriefingModelJson;
import dev.briefings.briefing.InitiativeRows;
import dev.briefings.history.RunHistory;
import dev.briefings.publish.FileDigest;
import dev.briefings.publish.Manifest;
import dev.briefings.publish.RejectsFile;
import dev.briefings.publish.RunFolder;
import dev.briefings.render.pdf.PdfBriefingRenderer;
import dev.briefings.render.workbook.WorkbookBriefingRenderer;
import dev.briefings.staging.StagedLines;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/**
 * Writes the PDF, the workbook, rejects.json and the manifest into a hidden folder, then renames it into place, so
 * the run folder appears whole or not at all.
 */
class RenderTasklet implements Tasklet {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RenderTasklet.class);

    static final String RUN_FOLDER = "runFolder";
    static final String BRIEFING = "briefing.pdf";
    static final String WORKBOOK = "briefing.xlsx";

    private final Workspace workspace;
    private final BriefingParameters parameters;
    private final BriefingsProperties properties;
    private final RunHistory history;

    RenderTasklet(Workspace workspace, BriefingParameters parameters, BriefingsProperties properties, RunHistory history) {
        this.workspace = workspace;
        this.parameters = parameters;
        this.properties = properties;
        this.history = history;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        ExecutionContext jobContext = jobExecution.getExecutionContext();
        BriefingModel model = BriefingModelJson.read(workspace.model());

        Path target = parameters.runFolder(properties.outputDir()).toAbsolutePath().normalize();
        Path partial = RunFolder.prepare(target, instanceId);
        Path templateDir = properties.templatesDir().resolve(parameters.template());

        var k = model.keyFigures();
        try {
            // The PDF and the workbook are independent: write them on both cores at once.
            ExecutorService pdfThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "render-pdf"));
            try {
                long start = System.nanoTime();
                // The PDF thread logs under the run's name too.
                var mdc = org.slf4j.MDC.getCopyOfContextMap();
                Future<Long> pdf = pdfThread.submit(() -> {
                    if (mdc != null) {
                        org.slf4j.MDC.setContextMap(mdc);
                    }
                    new PdfBriefingRenderer(templateDir).render(model, partial.resolve(BRIEFING));
                    return (System.nanoTime() - start) / 1_000_000;
                });
                new WorkbookBriefingRenderer(templateDir.resolve("workbook.xlsx")).render(model, rows(), partial.resolve(WORKBOOK));
                long workbookMs = (System.nanoTime() - start) / 1_000_000;
                long pdfMs = waitFor(pdf);
                LOG.info("PDF written in {} ms, workbook in {} ms (in parallel)", pdfMs, workbookMs);
            } finally {
                pdfThread.shutdownNow();
            }
            long rejects = RejectsFile.write(workspace.rejected(), workspace.reconcileRejected(), partial.resolve(RejectsFile.FILE_NAME));
            if (rejects != model.keyFigures().rejected()) {
                throw new IllegalStateException("rejects.json lists " + rejects + " records but the figures counted "
                        + model.keyFigures().rejected());
            }

            List<FileDigest> outputs = new ArrayList<>();
            outputs.add(FileDigest.of(partial.resolve(BRIEFING), BRIEFING, "briefing"));
            outputs.add(FileDigest.of(partial.resolve(WORKBOOK), WORKBOOK, "workbook"));
            outputs.add(FileDigest.of(partial.resolve(RejectsFile.FILE_NAME), RejectsFile.FILE_NAME, "rejects"));
            var f = parameters.filters();
            var manifest = new Manifest(parameters.asOf(), parameters.edition(),
                    Map.of("parties", f.parties(), "stages", f.stages(), "kinds", f.kinds(), "minerals", f.minerals()),
                    parameters.template(), parameters.revision(), model.meta().applicationVersion(),
                    model.meta().generatedAt() == null ? OffsetDateTime.now() : model.meta().generatedAt(),
                    InputDigests.fromText(jobContext.getString(FingerprintTasklet.INPUTS)),
                    new Manifest.Counts(k.read(), k.accepted(), k.rejected(), k.included()), Manifest.totals(model), outputs);
            manifest.write(partial.resolve(Manifest.FILE_NAME));

            RunFolder.publish(partial, target);
        } catch (Exception | Error e) {
            RunFolder.discard(partial);
            throw e;
        }

        // A nightly briefing's snapshot goes into the database for the next night's changes.
        Path snapshot = parameters.isNightly() ? workspace.snapshot() : null;
        history.published(instanceId, parameters.asOf(), parameters.edition(), parameters.revision(), target,
                k.committedUsd(), k.proposedUsd(), snapshot, BriefingModelJson.toJson(model));
        history.pruneSnapshots();
        jobContext.putString(RUN_FOLDER, target.toString());
        return RepeatStatus.FINISHED;
    }

    private static long waitFor(Future<Long> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Every in-scope accepted record, streamed from the workspace each time it is asked for. */
    private InitiativeRows rows() throws IOException {
        Set<Long> rejected = new HashSet<>();
        FiguresTasklet.readRejects(workspace.reconcileRejected(), Long.MAX_VALUE).forEach(r -> rejected.add(r.seq()));
        Map<String, String> ancestors = FiguresTasklet.readAncestors(workspace.ancestors());
        return action -> {
            try (BufferedReader in = Files.newBufferedReader(workspace.accepted(), StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!StagedLines.includedOf(line) || rejected.contains(StagedLines.seqOf(line))) {
                        continue;
                    }
                    StagedRecord.Accepted a = StagedLines.parseAccepted(line);
                    action.accept(BriefingAssembler.row(a.initiative(), a.committedUsd(), a.proposedUsd(),
                            !ancestors.containsKey(a.initiative().id()), List.of()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staged records in " + workspace.accepted(), e);
            }
        };
    }
}
