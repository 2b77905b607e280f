package dev.briefings.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.briefings.BriefingsProperties;
import dev.briefings.briefing.BriefingModelJson;
import dev.briefings.briefing.SampleBriefings;
import dev.briefings.filters.Filters;
import dev.briefings.history.RunHistory;
import dev.briefings.staging.StagedLines;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/**
 * The publish step run again after a kill that came after its rename and before its commit (what a resumed run
 * does): the briefing already in place is this run's and stays as it is; another run's is replaced; hidden
 * folders that killed runs left beside it go.
 */
class PublishTaskletTest {

    private static final long INSTANCE = 7;

    @TempDir
    Path tmp;
    JdbcTemplate jdbc;
    RunHistory history;
    Workspace workspace;
    Path target;
    PublishTasklet tasklet;
    ComposedOutputs composed;
    JobExecution job;

    @BeforeEach
    void setUp() throws Exception {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(ds);
        // Package-private in its feature; the test makes one over an in-memory database.
        var constructor = RunHistory.class.getDeclaredConstructor(JdbcTemplate.class);
        constructor.setAccessible(true);
        history = constructor.newInstance(jdbc);

        workspace = Workspace.of(tmp.resolve("data"), INSTANCE).create();
        // The sample model counts one rejected record: the work folder holds exactly one.
        BriefingModelJson.write(SampleBriefings.small(), workspace.model());
        Files.writeString(workspace.rejected(), StagedLines.rejected(new StagedRecord.Rejected(3, "initiatives/a.json",
                "[2]", "x", List.of("`kind` 'NOPE' is not a kind"))) + "\n");
        Files.writeString(workspace.pdf(), "%PDF-1.7 rendered by this run");
        Files.writeString(workspace.workbook(), "workbook bytes");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(workspace.snapshot()))) {
            out.write("r\th\t1\tTitle\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        target = tmp.resolve("output/2025-10-31/nightly");
        var parameters = new BriefingParameters(LocalDate.of(2025, 10, 31), "nightly", Filters.NONE, "default", 1,
                tmp.resolve("input"), target);
        var properties = new BriefingsProperties(tmp.resolve("data"), tmp.resolve("templates"), tmp.resolve("output"),
                50, "Title", "Confidential", new BriefingsProperties.Desk("Desk", ""));
        composed = new ComposedOutputs();
        tasklet = new PublishTasklet(workspace, parameters, properties, history, composed);
        job = new JobExecution(11, new JobInstance(INSTANCE, BriefingJobConfig.JOB_NAME), new JobParameters());
        job.getExecutionContext().putString(FingerprintTasklet.INPUTS, "");
    }

    private void publish() throws Exception {
        var step = new StepExecution(12, "publishBriefingStep", job);
        tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
    }

    private int historyRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM briefing_run WHERE job_instance_id = ?", Integer.class, INSTANCE);
    }

    @Test
    void aRerunAfterTheRenameKeepsThisRunsBriefingInPlace() throws Exception {
        publish();
        byte[] manifest = Files.readAllBytes(target.resolve("manifest.json"));
        // Meanwhile someone delivered it to the outbox; replacing the folder would lose that.
        Path delivered = Files.createDirectories(target.resolve("outbox")).resolve("alice.eml");
        Files.writeString(delivered, "a message");
        // Killed after the rename, before the old revision set aside was deleted.
        Files.createDirectories(target.resolveSibling(".nightly.replaced-.nightly.partial-7"));

        publish();

        assertThat(delivered).hasContent("a message");
        assertThat(target.resolve("manifest.json")).hasBinaryContent(manifest);
        assertThat(target.resolve("briefing.pdf")).hasContent("%PDF-1.7 rendered by this run");
        assertThat(historyRows()).isEqualTo(1);
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("nightly");
        }
        assertThat(job.getExecutionContext().getString(PublishTasklet.RUN_FOLDER)).isEqualTo(target.toString());
    }

    @Test
    void anotherRunsBriefingIsReplacedAndLeftoversOfKilledRunsGo() throws Exception {
        Files.createDirectories(target);
        Files.writeString(target.resolve("manifest.json"), "{}");
        Files.writeString(target.resolve("briefing.pdf"), "%PDF-1.7 an older revision");
        // What runs killed while publishing left beside it: an unfinished folder, and a folder being replaced.
        Files.createDirectories(target.resolveSibling(".nightly.partial-3"));
        Files.createDirectories(target.resolveSibling(".nightly.replaced-.nightly.partial-3"));

        publish();

        assertThat(target.resolve("briefing.pdf")).hasContent("%PDF-1.7 rendered by this run");
        assertThat(target.resolve("rejects.json")).content().contains("'NOPE' is not a kind");
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("nightly");
        }
        assertThat(historyRows()).isEqualTo(1);
    }

    /** The manifest's digest of the workbook, hand-computed: SHA-256 of the file as published. */
    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private String manifestWorkbookDigest() throws Exception {
        var outputs = new tools.jackson.databind.ObjectMapper().readTree(target.resolve("manifest.json").toFile())
                .get("outputs");
        for (var output : outputs) {
            if (output.get("file").asString().equals("briefing.xlsx")) {
                return output.get("sha256").asString();
            }
        }
        throw new AssertionError("no workbook in the manifest: " + outputs);
    }

    @Test
    void theWorkbooksDigestNotedByTheComposeStepIsUsedOnlyForTheFileItWasTakenOf() throws Exception {
        // Noted for the file as it is: the manifest carries it (here a made-up one, to see that it is the one used).
        composed.putDigest(workspace.workbook(), "ab".repeat(32));
        publish();
        assertThat(Files.isSameFile(workspace.workbook(), target.resolve("briefing.xlsx"))).as("published as a hard link")
                .isTrue();
        assertThat(manifestWorkbookDigest()).isEqualTo("ab".repeat(32));

        // Noted, then the file changed (a rerun of the compose step that failed half-way, an editor): read again.
        Files.writeString(workspace.workbook(), "other workbook bytes, longer");
        composed.putDigest(workspace.workbook(), "cd".repeat(32));
        Files.writeString(workspace.workbook(), "changed again, to another size");
        Files.delete(target.resolve("manifest.json")); // not this run's briefing any more: published again
        publish();
        assertThat(manifestWorkbookDigest()).isEqualTo(sha256(target.resolve("briefing.xlsx")))
                .isNotEqualTo("cd".repeat(32));
    }
}
