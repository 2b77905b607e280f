package dev.briefings.job;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.briefings.intake.CrossRecordChecks;
import dev.briefings.staging.StagedLines;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/** Duplicate ids and partOf references, over all accepted records; writes its own rejects and the carve-out map. */
class ReconcileTasklet implements Tasklet {

    static final String REJECTED_COUNT = "reconcile.rejected.count";

    private final Workspace workspace;

    ReconcileTasklet(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        List<String> files = workspace.fileNames();
        var checks = new CrossRecordChecks();
        try (BufferedReader in = Files.newBufferedReader(workspace.keys(), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                var key = StagedLines.parseKey(line);
                checks.add(key.seq(), key.id(), "initiatives/" + files.get(Workspace.fileIndex(key.seq())),
                        key.position(), key.partOf(), key.included());
            }
        }
        List<CrossRecordChecks.Rejection> rejections = checks.finish();
        try (BufferedWriter out = Files.newBufferedWriter(workspace.reconcileRejected(), StandardCharsets.UTF_8)) {
            for (var r : rejections) {
                out.write(StagedLines.rejected(new StagedRecord.Rejected(r.seq(), r.file(), r.position(), r.id(), r.reasons())));
                out.write('\n');
            }
        }
        Map<String, String> ancestors = checks.nearestIncludedAncestors();
        try (BufferedWriter out = Files.newBufferedWriter(workspace.ancestors(), StandardCharsets.UTF_8)) {
            for (var e : ancestors.entrySet()) {
                out.write(e.getKey() + '\t' + e.getValue() + '\n');
            }
        }
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putLong(REJECTED_COUNT, rejections.size());
        return RepeatStatus.FINISHED;
    }
}
