package dev.briefings.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.briefings.intake.InputFiles;
import dev.briefings.publish.FileDigest;

/**
 * Takes the SHA-256 of every input (records, rates, context, template, rules) for the manifest. It runs again on a
 * restart and stops the run if a data input changed since the interrupted attempt: staged records would no longer
 * match their files. Templates and rules may change (fixing a template is a common reason to resume).
 */
class FingerprintTasklet implements Tasklet {

    /** SHA-256 of every input but the record files (whose digests the ingest step takes as it reads them). */
    static final String INPUTS = "inputs.fingerprint";
    /** Name, size and modification time of every record file: what a resumed run checks them by. */
    static final String RECORD_FILES = "inputs.recordFiles";

    private final BriefingParameters parameters;
    private final Path templatesDir;

    FingerprintTasklet(BriefingParameters parameters, Path templatesDir) {
        this.parameters = parameters;
        this.templatesDir = templatesDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        List<FileDigest> digests = digests();
        String now = InputDigests.toText(digests);
        String recordFiles = recordFileStamps();
        String before = jobContext.containsKey(INPUTS) ? jobContext.getString(INPUTS) : null;
        // Only the data inputs must not change under a resumed run; a fixed template or rule file is welcome.
        if (before != null && (!dataOnly(InputDigests.fromText(before)).equals(dataOnly(digests))
                || !recordFiles.equals(jobContext.getString(RECORD_FILES, "")))) {
            throw new InputsChangedException("the input files changed since the interrupted run of this briefing; "
                    + "its staged records no longer match them. Run again with --force to start a fresh run.");
        }
        jobContext.putString(INPUTS, now);
        jobContext.putString(RECORD_FILES, recordFiles);
        return RepeatStatus.FINISHED;
    }

    /**
     * Reading a large input twice (once here, once to ingest it) would cost as much as the ingest itself, so
     * record files are told apart here by size and modification time; their SHA-256 is taken as they are read.
     */
    private String recordFileStamps() throws java.io.IOException {
        Path initiatives = InputFiles.initiativesDir(parameters.input());
        StringBuilder sb = new StringBuilder();
        for (String name : InputFiles.initiativeFiles(initiatives)) {
            Path file = initiatives.resolve(name);
            sb.append(name).append('\t').append(Files.size(file)).append('\t')
                    .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
        }
        return sb.toString();
    }

    private static List<FileDigest> dataOnly(List<FileDigest> digests) {
        return digests.stream().filter(d -> !d.role().equals("template") && !d.role().equals("risk-rules")).toList();
    }

    List<FileDigest> digests() throws java.io.IOException {
        Path input = parameters.input();
        List<FileDigest> list = new ArrayList<>();
        // Checked here as well as before the run: a restart (from the web) reads the folders again.
        list.add(FileDigest.of(InputFiles.inside(input, InputFiles.fxRates(input), "fx-rates.json"), "fx-rates.json", "fx-rates"));
        list.add(FileDigest.of(InputFiles.inside(input, InputFiles.marketContext(input), "market-context.json"),
                "market-context.json", "market-context"));
        Path template = templatesDir.resolve(parameters.template());
        InputFiles.treeInside(templatesDir, template, "template '" + parameters.template() + "'");
        InputFiles.inside(templatesDir, templatesDir.resolve("risk-rules.json"), "risk-rules.json");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                list.add(FileDigest.of(p, "templates/" + parameters.template() + "/" + template.relativize(p).toString().replace('\\', '/'), "template"));
            }
        }
        list.add(FileDigest.of(templatesDir.resolve("risk-rules.json"), "templates/risk-rules.json", "risk-rules"));
        return list;
    }

    /** A restart found different inputs than the interrupted run used. */
    static final class InputsChangedException extends RuntimeException {
        InputsChangedException(String message) {
            super(message);
        }
    }
}
