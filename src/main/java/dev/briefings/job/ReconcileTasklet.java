package dev.briefings.job;

import java.util.List;

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
        List<String> shown = files.stream().map(name -> "initiatives/" + name).toList();
        var checks = new CrossRecordChecks();
        StagedLines.forEachKey(workspace.keys(), key -> checks.add(key.seq(), key.id(),
                shown.get(Workspace.fileIndex(key.seq())), key.position(), key.partOf(), key.included()));
        List<CrossRecordChecks.Rejection> rejections = checks.finish();
        StagedLines.writeRejects(workspace.reconcileRejected(), rejections.stream()
                .map(r -> new StagedRecord.Rejected(r.seq(), r.file(), r.position(), r.id(), r.reasons())).toList());
        StagedLines.writeAncestors(workspace.ancestors(), checks.nearestIncludedAncestors());
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putLong(REJECTED_COUNT, rejections.size());
        return RepeatStatus.FINISHED;
    }
}
