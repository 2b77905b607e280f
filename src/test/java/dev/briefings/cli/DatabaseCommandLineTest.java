package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.briefings.delivery.DeliveryRunner;
import dev.briefings.filters.Filters;
import dev.briefings.job.BriefingParameters;
import dev.briefings.job.BriefingRunner;

/**
 * The database through the command line: one made by the earlier version (user sa, no password, files readable
 * by all) is secured at the first start and keeps its history; an empty or damaged one stops every command that
 * uses it with exit 2 and one message that names the file and says how to restore it or start afresh.
 */
class DatabaseCommandLineTest {

    /** H2's block: its files and chunks are whole blocks, the first two the file's header. */
    private static final int BLOCK = 4096;

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

    private CliRun run() {
        return CliRun.of("run", "--input", input.toString(), "--output", out.toString(), "--data", data.toString(),
                "--as-of", "2025-10-31");
    }

    private CliRun distribute() {
        return CliRun.of("distribute", "--run", out.toString(), "--input", input.toString(), "--data", data.toString());
    }

    private String url() {
        return "jdbc:h2:file:" + data.resolve("briefings") + ";AUTO_SERVER=TRUE";
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return org.h2.Driver.load().connect(url, p);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** The message alone: the fault's three lines, no stack trace and no Spring bean names. */
    private static void assertDatabaseFault(CliRun r, Path file, String what) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("briefings: the database file " + file + " is " + what)
                .contains("copy a backup over " + file)
                .contains("move " + file + " and " + file.resolveSibling("work") + " away")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("bean");
        assertThat(r.err().lines()).as(r.err()).hasSize(3);
    }

    @Test
    void aDatabaseOfTheEarlierVersionIsSecuredAtTheFirstStartAndKeepsItsHistory() throws Exception {
        assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"), "needs POSIX permissions");
        // The earlier version: Spring Boot's own data source (user sa, empty password), the same jobs.
        try (ConfigurableApplicationContext earlier = EarlierVersions.beforeSecurity(data)) {
            var parameters = new BriefingParameters(LocalDate.of(2025, 10, 31), null, Filters.NONE, "default", 1,
                    input.toAbsolutePath(), out.toAbsolutePath());
            assertThat(earlier.getBean(BriefingRunner.class).run(parameters, false))
                    .isInstanceOf(BriefingRunner.Outcome.Completed.class);
            DeliveryRunner.Report report = earlier.getBean(DeliveryRunner.class)
                    .distribute(out.toAbsolutePath(), input.toAbsolutePath(), "default");
            assertThat(report.delivered()).isEqualTo(2);
        }
        try (Connection sa = connect(url(), "sa", "")) {
            assertThat(count(sa, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(2);
            assertThat(count(sa, "SELECT COUNT(*) FROM briefing_delivery WHERE status = 'DELIVERED'")).isEqualTo(2);
        }
        assertThat(data.resolve("briefings.passwords")).doesNotExist();
        boolean othersCouldRead = permissions(data.resolve("briefings.mv.db")).endsWith("r--");

        // The new version, run as before: the briefing was written already, and no one gets a second copy.
        CliRun again = run();
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("The briefing 2025-10-31 / nightly was already written to " + out.toAbsolutePath());
        CliRun redistribute = distribute();
        assertThat(redistribute.code()).as(redistribute.toString()).isZero();
        assertThat(redistribute.out()).contains("0 delivered now, 2 already delivered");

        // Secured: sa's empty password is refused, the owner's password is in the owner-only file, the application
        // signs in as a user without admin rights, and the history is all there.
        assertThatThrownBy(() -> connect(url(), "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
        Properties passwords = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("briefings.passwords"))) {
            passwords.load(in);
        }
        try (Connection owner = connect(url(), "SA", passwords.getProperty("owner-password"))) {
            assertThat(count(owner, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = 'BRIEFINGS' AND NOT IS_ADMIN"))
                    .isEqualTo(1);
            assertThat(count(owner, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(3);
            assertThat(count(owner, "SELECT COUNT(*) FROM briefing_run")).isEqualTo(1);
            assertThat(count(owner, "SELECT COUNT(*) FROM briefing_delivery WHERE status = 'DELIVERED'")).isEqualTo(2);
        }
        if (othersCouldRead) {
            assertThat(permissions(data)).isEqualTo("rwx------");
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : all.toList()) {
                    assertThat(permissions(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
                }
            }
        }
    }

    @Test
    void anEmptyDatabaseStopsRunDistributeAndServeWithOneMessage() throws Exception {
        Files.createDirectories(data);
        Path file = Files.createFile(data.resolve("briefings.mv.db"));
        Files.createDirectories(out);

        assertDatabaseFault(run(), file, "empty (0 bytes)");
        assertDatabaseFault(distribute(), file, "empty (0 bytes)");
        // The server has a console log: the fault is not logged there as Spring's failure with its stack trace.
        // (Log lines go to standard error.)
        PrintStream console = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        CliRun serve;
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            serve = CliRun.of("serve", "--port", "0", "--input", input.toString(), "--data", data.toString());
        } finally {
            System.setErr(console);
        }
        assertDatabaseFault(serve, file, "empty (0 bytes)");
        // The database is opened (and migrated) while the server starts, so the fault stops it before it listens;
        // the console log has no stack trace and no ERROR, and the message above is the one that counts.
        assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("Tomcat started")
                .doesNotContain("ERROR").doesNotContain("\tat ");
        assertThat(file).isEmptyFile();
    }

    @Test
    void aTruncatedOrCorruptDatabaseStopsTheRunWithOneMessage() throws Exception {
        CliRun first = run();
        assertThat(first.code()).as(first.toString()).isZero();
        Path file = data.resolve("briefings.mv.db");
        long size = Files.size(file);
        Path intact = Files.copy(file, tmp.resolve("intact.mv.db"));

        // Cut inside the file's header block.
        truncate(file, 100);
        assertDatabaseFault(run(), file, "damaged (it was cut short: truncated)");
        assertThat(file).hasSize(100);

        // Cut inside its last changes: the newest chunk, which ends the file (its footer, the file's last 128 bytes,
        // gives its length in blocks). H2 rewrites the header only now and then, so this chunk can be newer than the
        // version the header names; H2 alone opens the version before it.
        Files.copy(intact, file, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> newest = lastChunkFooter(file);
        long newestStart = size - DataUtils.parseHexLong(newest.get("len")) * BLOCK;
        assertThat(newestStart).isGreaterThanOrEqualTo(2 * BLOCK).isLessThan(size);
        assertThat(openedVersion(file)).isEqualTo(DataUtils.parseHexLong(newest.get("version")));
        // (Not at a block's end: that is how a full disk or a kill leaves a write whose commit never returned.)
        for (long cut : new long[] {newestStart + 100, size - 1}) {
            Files.copy(intact, file, StandardCopyOption.REPLACE_EXISTING);
            truncate(file, cut);
            assertThat(openedVersion(file)).as("cut at " + cut).isLessThan(DataUtils.parseHexLong(newest.get("version")));
            assertDatabaseFault(run(), file, "damaged (its last changes are missing or unreadable: truncated or corrupt)");
            assertThat(file).hasSize(cut);
        }

        // Cut inside the first chunk after the header: H2 alone would open it as an empty database, without the run
        // just made (its history), and the run would write the briefing again.
        Files.copy(intact, file, StandardCopyOption.REPLACE_EXISTING);
        truncate(file, 2 * BLOCK + 100);
        assertThat(completedRuns(file, "alone")).isZero();
        assertDatabaseFault(run(), file, "damaged (its last changes are missing or unreadable: truncated or corrupt)");
        assertThat(completedRuns(intact, "intact")).isEqualTo(1);

        // Overwritten with other bytes.
        byte[] noise = new byte[(int) size];
        new java.util.Random(8).nextBytes(noise);
        Files.write(file, noise);
        assertDatabaseFault(run(), file, "damaged (H2 cannot read it: ");

        // Put back whole, it is the database it was.
        Files.copy(intact, file, StandardCopyOption.REPLACE_EXISTING);
        CliRun whole = run();
        assertThat(whole.code()).as(whole.toString()).isZero();
        assertThat(whole.out()).contains("was already written");
    }

    /** The footer that ends the file's last chunk: "chunk:ID,len:BLOCKS,version:V,fletcher:CHECKSUM", hex values. */
    private static Map<String, String> lastChunkFooter(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String footer = new String(bytes, bytes.length - 128, 128, StandardCharsets.ISO_8859_1).strip();
        assertThat(footer).startsWith("chunk:").contains(",len:").contains(",version:");
        return DataUtils.parseMap(footer);
    }

    /** The version H2 opens the file at, read-only. */
    private static long openedVersion(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return store.getCurrentVersion();
        }
    }

    /** The completed runs H2 alone finds in a copy of the file (0 when it has no run history table). */
    private long completedRuns(Path file, String copy) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(copy));
        Files.copy(file, folder.resolve("briefings.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        Properties passwords = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("briefings.passwords"))) {
            passwords.load(in);
        }
        try (Connection owner = connect("jdbc:h2:file:" + folder.resolve("briefings") + ";IFEXISTS=TRUE", "SA",
                passwords.getProperty("owner-password"))) {
            if (count(owner, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'BATCH_JOB_EXECUTION'") == 0) {
                return 0;
            }
            return count(owner, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'");
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }
}
