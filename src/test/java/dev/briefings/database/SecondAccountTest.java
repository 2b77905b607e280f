package dev.briefings.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Another account on the machine, while the application holds the database open (its auto-server listening),
 * can neither read the data folder's files nor open the database: not through the file, and not through the
 * auto-server's port even when told the port and key. Runs where the tests run as root, as the account
 * {@code nobody} (with runuser); skipped elsewhere.
 */
class SecondAccountTest {

    private static final String OTHER = "nobody";

    private Path base;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && runs(List.of("runuser", "--version")),
                "needs to run as root with runuser, to act as a second account (" + OTHER + ")");
        assumeTrue(runs(List.of("id", "-u", OTHER)), "needs the account " + OTHER);
        // A folder the other account may enter, so that only the data folder's own permissions keep it out.
        base = Files.createTempDirectory("briefings-second-account");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (base != null) {
            FileSystemUtils.deleteRecursively(base);
        }
    }

    @Test
    void anotherAccountCanNeitherReadTheFilesNorOpenTheDatabase() throws Exception {
        Path data = base.resolve("data");
        // The H2 tools, where the other account can read them (the build's repository is root's alone).
        Path h2 = Files.copy(Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                base.resolve("h2.jar"));
        Files.setPosixFilePermissions(h2, PosixFilePermissions.fromString("rw-r--r--"));

        try (HikariDataSource dataSource = DatabaseAccess.start(data, DatabaseAccess.fromFile())) {
            Properties lock = new Properties();
            try (var in = Files.newBufferedReader(data.resolve("briefings.lock.db"), StandardCharsets.ISO_8859_1)) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            String key = lock.getProperty("id");
            assertThat(server).as("the auto-server's address in the lock file").matches("[^:]+:\\d+");
            String tcpUrl = "jdbc:h2:tcp://" + server + "/" + key;
            String password = DatabaseAccess.passwordsFile(data).getProperty("password");

            // The files: not listed, not read.
            Result list = asOther(List.of("ls", data.toString()));
            assertThat(list.code()).isNotZero();
            assertThat(list.output()).contains("Permission denied");
            for (String file : List.of("briefings.mv.db", "briefings.lock.db", "briefings.passwords")) {
                assertThat(data.resolve(file)).exists();
                Result read = asOther(List.of("cat", data.resolve(file).toString()));
                assertThat(read.code()).as(file).isNotZero();
                assertThat(read.output()).as(file).contains("Permission denied");
            }

            // The database through its file, as the earlier version signed in.
            Result viaFile = asOther(shell(h2, DatabaseAccess.url(data), "sa", ""));
            assertThat(viaFile.code()).as(viaFile.output()).isNotZero();
            assertThat(viaFile.output()).doesNotContain("BRIEFINGS");

            // The auto-server, even told its address and key: no user opens it without the password.
            for (String user : List.of("sa", "BRIEFINGS")) {
                Result viaServer = asOther(shell(h2, tcpUrl, user, ""));
                assertThat(viaServer.code()).as(viaServer.output()).isNotZero();
                assertThat(viaServer.output()).contains("Wrong user name or password");
            }
            // The same request with the password is answered: the refusals above were for the password alone.
            Result withPassword = asOther(shell(h2, tcpUrl, "BRIEFINGS", password));
            assertThat(withPassword.code()).as(withPassword.output()).isZero();
            assertThat(withPassword.output()).contains("BRIEFINGS");
            assertThat(dataSource.getConnection().isValid(1)).isTrue();
        }
    }

    /** H2's command-line shell: connects and prints the user it is. */
    private static List<String> shell(Path h2, String url, String user, String password) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", h2.toString(), "org.h2.tools.Shell", "-url", url, "-user", user,
                "-password", password, "-sql", "SELECT CURRENT_USER");
    }

    private Result asOther(List<String> command) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", OTHER, "--"));
        full.addAll(command);
        return exec(full);
    }

    private boolean runs(List<String> command) {
        try {
            return exec(command).code() == 0;
        } catch (Exception e) {
            return false; // not installed
        }
    }

    private Result exec(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (base != null) {
            pb.directory(base.toFile());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private record Result(int code, String output) {
    }
}
