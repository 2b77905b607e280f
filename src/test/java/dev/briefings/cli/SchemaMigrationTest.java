package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.briefings.delivery.DeliveryRunner;
import dev.briefings.filters.Filters;
import dev.briefings.job.BriefingParameters;
import dev.briefings.job.BriefingRunner;

/**
 * Flyway owns the schema: a new database is made by the migrations, as the owner, and starting again neither
 * changes it nor logs errors into H2's trace file; a database made by the last version before Flyway (scripts run at
 * every start) is baselined at version 2, gets only the later versions, and keeps its run history and delivery log.
 */
class SchemaMigrationTest {

    @TempDir
    Path tmp;
    Path input;
    Path data;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        input = EarlierVersions.inputWithRecipients(tmp.resolve("input"));
        data = tmp.resolve("data");
        out = tmp.resolve("out");
    }

    @Test
    void aNewDatabaseIsMadeByTheMigrationsAndStartsLogNoErrors() throws Exception {
        CliRun first = run();
        assertThat(first.code()).as(first.toString()).isZero();
        CliRun second = run();
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("was already written");
        for (CliRun r : List.of(first, second)) {
            assertThat(r.err()).as(r.toString()).doesNotContain("WARN").doesNotContain("ERROR").doesNotContain("Flyway");
        }
        assertNoErrorsTraced();

        try (Connection owner = owner()) {
            assertThat(history(owner)).containsExactly("1 SQL spring batch 6 0 by SA", "2 SQL briefings by SA",
                    "3 SQL columns of older databases by SA");
            assertThat(count(owner, "SELECT COUNT(*) FROM briefing_run")).isEqualTo(1);
            assertThat(count(owner, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(1);
            assertThat(count(owner, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME IN "
                    + "('BRIEFING_RUN', 'BRIEFING_DELIVERY', 'BRIEFING_RUN_LOCK', 'BATCH_JOB_INSTANCE', 'BATCH_STEP_EXECUTION_CONTEXT')"))
                    .isEqualTo(5);
        }
    }

    @Test
    void aDatabaseOfTheLastVersionBeforeFlywayIsBaselinedAndKeepsItsHistory() throws Exception {
        try (ConfigurableApplicationContext before = EarlierVersions.beforeFlyway(data)) {
            var parameters = new BriefingParameters(LocalDate.of(2025, 10, 31), null, Filters.NONE, "default", 1,
                    input.toAbsolutePath(), out.toAbsolutePath());
            assertThat(before.getBean(BriefingRunner.class).run(parameters, false))
                    .isInstanceOf(BriefingRunner.Outcome.Completed.class);
            assertThat(before.getBean(DeliveryRunner.class).distribute(out.toAbsolutePath(), input.toAbsolutePath(), "default")
                    .delivered()).isEqualTo(2);
        }
        try (Connection owner = owner()) {
            assertThat(count(owner, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'flyway_schema_history'"))
                    .as("made without Flyway").isZero();
            assertThat(count(owner, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(2);
        }

        // The new version, run as before: the briefing was written already, and no one gets a second copy.
        CliRun again = run();
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("The briefing 2025-10-31 / nightly was already written to " + out.toAbsolutePath());
        assertThat(again.err()).as(again.toString()).doesNotContain("WARN").doesNotContain("ERROR");
        CliRun redistribute = CliRun.of("distribute", "--run", out.toString(), "--input", input.toString(), "--data", data.toString());
        assertThat(redistribute.code()).as(redistribute.toString()).isZero();
        assertThat(redistribute.out()).contains("0 delivered now, 2 already delivered");
        assertNoErrorsTraced();

        try (Connection owner = owner()) {
            // Versions 1 and 2 (plain CREATE TABLE) would have failed on the tables that exist: only 3 ran.
            assertThat(history(owner)).containsExactly("2 BASELINE made before Flyway by SA",
                    "3 SQL columns of older databases by SA");
            assertThat(count(owner, "SELECT COUNT(*) FROM briefing_run")).isEqualTo(1);
            assertThat(count(owner, "SELECT COUNT(*) FROM briefing_delivery WHERE status = 'DELIVERED'")).isEqualTo(2);
            assertThat(count(owner, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(3);
        }
    }

    private CliRun run() {
        return CliRun.of("run", "--input", input.toString(), "--output", out.toString(), "--data", data.toString(),
                "--as-of", "2025-10-31");
    }

    /** H2 writes errors (such as "table already exists") into its trace file; it has none. */
    private void assertNoErrorsTraced() throws IOException {
        Path trace = data.resolve("briefings.trace.db");
        if (Files.exists(trace)) {
            assertThat(Files.readString(trace)).isEmpty();
        }
    }

    private Connection owner() throws Exception {
        Properties passwords = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("briefings.passwords"))) {
            passwords.load(in);
        }
        Properties p = new Properties();
        p.setProperty("user", "SA");
        p.setProperty("password", passwords.getProperty("owner-password"));
        return org.h2.Driver.load().connect("jdbc:h2:file:" + data.resolve("briefings") + ";AUTO_SERVER=TRUE", p);
    }

    /** Flyway's record of the versions applied: "version type description by user", failed ones included. */
    private static List<String> history(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"version\", \"type\", \"description\", "
                + "\"installed_by\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " by " + rs.getString(4)
                        + (rs.getBoolean(5) ? "" : " FAILED"));
            }
        }
        return rows;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
