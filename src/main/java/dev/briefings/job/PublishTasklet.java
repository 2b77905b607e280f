package dev.briefings.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.briefings.BriefingsProperties;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.BriefingModelJson;
import dev.briefings.history.RunHistory;
import dev.briefings.publish.FileDigest;
import dev.briefings.publish.Manifest;
import dev.briefings.publish.RejectsFile;
import dev.briefings.publish.RunFolder;
import dev.briefings.staging.Workspace;

/**
 * Publishes the composed briefing: the PDF and the workbook from the work folder, rejects.json and the manifest go
 * into a hidden folder that is then renamed into place, so the run folder appears whole or not at all.
 */
class PublishTasklet implements Tasklet {

    static final String RUN_FOLDER = "runFolder";
    static final String BRIEFING = "briefing.pdf";
    static final String WORKBOOK = "briefing.xlsx";

    private final Workspace workspace;
    private final BriefingParameters parameters;
    private final BriefingsProperties properties;
    private final RunHistory history;

    private final ComposedOutputs composed;

    PublishTasklet(Workspace workspace, BriefingParameters parameters, BriefingsProperties properties, RunHistory history,
                   ComposedOutputs composed) {
        this.workspace = workspace;
        this.composed = composed;
        this.parameters = parameters;
        this.properties = properties;
        this.history = history;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        ExecutionContext jobContext = jobExecution.getExecutionContext();
        BriefingModel model = composed.takeModel(workspace.model()).orElseGet(() -> BriefingModelJson.read(workspace.model()));

        Path target = parameters.runFolder(properties.outputDir()).toAbsolutePath().normalize();
        var k = model.keyFigures();
        if (publishedByThisRun(target)) {
            // This step was killed after the rename and before its commit: the folder in place is this run's own
            // briefing, complete; replacing it would only make it vanish for a moment (and lose an outbox).
            RunFolder.removeLeftovers(target);
            recordHistory(instanceId, target, model, jobContext);
            return RepeatStatus.FINISHED;
        }
        Path partial = RunFolder.prepare(target, instanceId);
        try {
            // The work folder keeps its copies until the briefing is published, so a retry of this step has them.
            linkOrCopy(workspace.pdf(), partial.resolve(BRIEFING));
            linkOrCopy(workspace.workbook(), partial.resolve(WORKBOOK));
            long rejects = RejectsFile.write(workspace.rejected(), workspace.reconcileRejected(), partial.resolve(RejectsFile.FILE_NAME));
            if (rejects != model.keyFigures().rejected()) {
                throw new IllegalStateException("rejects.json lists " + rejects + " records but the figures counted "
                        + model.keyFigures().rejected());
            }

            List<FileDigest> outputs = new ArrayList<>();
            outputs.add(FileDigest.of(partial.resolve(BRIEFING), BRIEFING, "briefing"));
            outputs.add(digest(workspace.workbook(), partial.resolve(WORKBOOK), WORKBOOK, "workbook"));
            outputs.add(FileDigest.of(partial.resolve(RejectsFile.FILE_NAME), RejectsFile.FILE_NAME, "rejects"));
            var f = parameters.filters();
            var manifest = new Manifest(parameters.asOf(), parameters.edition(),
                    Map.of("parties", f.parties(), "stages", f.stages(), "kinds", f.kinds(), "minerals", f.minerals()),
                    parameters.template(), parameters.input().toAbsolutePath().normalize().toString(),
                    parameters.revision(), model.meta().applicationVersion(),
                    model.meta().generatedAt() == null ? OffsetDateTime.now() : model.meta().generatedAt(),
                    inputs(jobContext),
                    new Manifest.Counts(k.read(), k.accepted(), k.rejected(), k.included()), Manifest.totals(model), outputs);
            manifest.write(partial.resolve(Manifest.FILE_NAME));

            RunFolder.publish(partial, target);
        } catch (Exception | Error e) {
            RunFolder.discard(partial);
            throw e;
        }

        recordHistory(instanceId, target, model, jobContext);
        return RepeatStatus.FINISHED;
    }

    /**
     * The digest of a published output: the one the compose step took of its work-folder file, when the published
     * file is that very file (a hard link) and unchanged since; otherwise read from the published file.
     */
    private FileDigest digest(Path work, Path published, String name, String role) throws IOException {
        if (Files.isSameFile(work, published)) {
            Optional<String> known = composed.takeDigest(work);
            if (known.isPresent()) {
                return new FileDigest(name, role, Files.size(published), known.get());
            }
        }
        return FileDigest.of(published, name, role);
    }

    /** Committed with this step: a run killed before the commit redoes it. */
    private void recordHistory(long instanceId, Path target, BriefingModel model, ExecutionContext jobContext)
            throws IOException {
        var k = model.keyFigures();
        // A nightly briefing's snapshot goes into the database for the next night's changes.
        Path snapshot = parameters.isNightly() ? workspace.snapshot() : null;
        history.published(instanceId, parameters.asOf(), parameters.edition(), parameters.revision(), target,
                k.committedUsd(), k.proposedUsd(), snapshot, BriefingModelJson.toJson(model));
        history.pruneSnapshots();
        jobContext.putString(RUN_FOLDER, target.toString());
    }

    /** Whether {@code target} holds the briefing this run rendered (its PDF is the work folder's, or identical). */
    private boolean publishedByThisRun(Path target) throws IOException {
        Path published = target.resolve(BRIEFING);
        if (!RunFolder.isBriefing(target) || !Files.isRegularFile(published) || !Files.isRegularFile(workspace.pdf())) {
            return false;
        }
        // The same briefing reruns byte for byte, so the PDF alone cannot tell this run from an earlier revision: the
        // manifest's revision (a forced rerun has the next one) must be this run's too.
        Manifest there;
        try {
            there = Manifest.read(target.resolve(Manifest.FILE_NAME));
        } catch (RuntimeException unreadable) {
            return false;
        }
        if (there.revision() != parameters.revision() || !parameters.asOf().equals(there.asOf())
                || !parameters.edition().equals(there.edition())) {
            return false;
        }
        return Files.isSameFile(published, workspace.pdf())
                || FileDigest.of(published, BRIEFING, "briefing").sha256()
                        .equals(FileDigest.of(workspace.pdf(), BRIEFING, "briefing").sha256());
    }

    /** The record files' digests, taken as they were read, then those of the other inputs. */
    private static List<FileDigest> inputs(ExecutionContext jobContext) {
        List<FileDigest> inputs = new ArrayList<>(InputDigests.fromText(jobContext.getString(RecordFilesReader.DIGESTS, "")));
        inputs.addAll(InputDigests.fromText(jobContext.getString(FingerprintTasklet.INPUTS)));
        return inputs;
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            // Another file system, or no hard links there: a copy does as well.
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
