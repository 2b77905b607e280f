package dev.briefings.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.ChildJvm;

/**
 * What the database reports as committed is in its file when the commit returns, with the application's own
 * database as it sets it up: a process killed with SIGKILL right after a commit loses nothing. (With H2's default write
 * delay of 500 ms, the commits of the last half second were lost: delivery log rows, batch step commits.)
 */
class DatabaseDurabilityTest {

    private static final Pattern COMMITTED = Pattern.compile("(?m)^committed (\\d+)$");

    @TempDir
    Path tmp;

    @Test
    void everyCommitReportedBeforeTheKillIsStillThere() throws Exception {
        Path data = tmp.resolve("data");
        for (int round = 1; round <= 2; round++) {
            // Kill at a different moment each time: after 40, then after 250 commits of the round.
            int killAfter = round == 1 ? 40 : 250;
            int before = count(data);
            try (ChildJvm child = ChildJvm.start(tmp.resolve("committer-" + round + ".log"),
                    List.of("h2.bindAddress=127.0.0.1"), Committer.class, data.toString())) {
                assertThat(child.killWhen(() -> lastCommitted(child.output()) >= killAfter, Duration.ofSeconds(20)))
                        .as("the committer was still running when killed:\n" + child.output()).isTrue();
                int reported = lastCommitted(child.output());
                assertThat(reported).isGreaterThanOrEqualTo(killAfter);
                // Rows committed after the last line it managed to print may be there too, never fewer.
                assertThat(count(data) - before).as("rows after round " + round).isGreaterThanOrEqualTo(reported);
            }
        }
    }

    private static int lastCommitted(String output) {
        Matcher m = COMMITTED.matcher(output);
        int last = 0;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    /** The rows, read the way the application opens its database. */
    private static int count(Path data) throws Exception {
        try (var dataSource = DatabaseAccess.start(data, DatabaseAccess.fromFile());
             Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS durability_probe (n INT)");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM durability_probe")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The child: commits one row at a time (auto-commit) and says so after each commit, until it is killed. */
    public static final class Committer {
        public static void main(String[] args) throws Exception {
            // The database opened as the application opens it (DatabaseSetup), with its pool.
            try (var dataSource = DatabaseAccess.start(Path.of(args[0]), DatabaseAccess.fromFile());
                 Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS durability_probe (n INT)");
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO durability_probe (n) VALUES (?)")) {
                    for (int n = 1; n <= 1_000_000; n++) {
                        insert.setInt(1, n);
                        insert.executeUpdate();
                        // Test output for the parent, which kills this process once it has read enough of it.
                        System.out.println("committed " + n);
                    }
                }
            }
        }
    }
}
