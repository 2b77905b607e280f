package dev.briefings.database;

import static dev.briefings.database.DatabaseAccess.connect;
import static dev.briefings.database.DatabaseAccess.permissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database belongs to its owner: owner-only files whatever the umask, generated passwords, an
 * application user that cannot reach the operating system, and faults that say what to do.
 */
class DatabaseSetupTest {

    private static final int ADMIN_RIGHTS_REQUIRED = 90040; // org.h2.api.ErrorCode.ADMIN_RIGHTS_REQUIRED
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final int BLOCK = 4096; // H2's: its files and chunks are whole blocks

    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void setUp() {
        data = tmp.resolve("data");
    }

    @Test
    void aNewDatabaseIsOwnerOnlyWithGeneratedPasswordsWhateverTheUmask() throws Exception {
        // The process's umask lets others read what it creates (else this test would prove nothing).
        Path plain = Files.createFile(tmp.resolve("plain"));
        assumeTrue(permissions(plain).endsWith("r--"), "needs a umask that lets others read new files, e.g. 022");

        try (HikariDataSource dataSource = DatabaseAccess.start(data, DatabaseAccess.fromFile())) {
            assertThat(permissions(data)).isEqualTo("rwx------");
            // While it is open, the lock file holds the auto-server's address and key.
            for (String file : List.of("briefings.mv.db", "briefings.lock.db", "briefings.trace.db", "briefings.passwords")) {
                assertThat(data.resolve(file)).exists();
                assertThat(permissions(data.resolve(file))).as(file).isEqualTo("rw-------");
            }
            Properties passwords = DatabaseAccess.passwordsFile(data);
            String application = passwords.getProperty("password");
            String owner = passwords.getProperty("owner-password");
            assertThat(application).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(owner);
            assertThat(owner).hasSizeGreaterThanOrEqualTo(32);

            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT CURRENT_USER")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("BRIEFINGS");
            }
            // The way the earlier version signed in no longer works; the owner's password does.
            assertThatThrownBy(() -> connect(DatabaseAccess.url(data), "sa", "").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(WRONG_USER_OR_PASSWORD));
            try (Connection c = connect(DatabaseAccess.url(data), "SA", owner); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT USER_NAME, IS_ADMIN FROM INFORMATION_SCHEMA.USERS ORDER BY USER_NAME")) {
                List<String> users = new java.util.ArrayList<>();
                while (rs.next()) {
                    users.add(rs.getString(1) + " admin=" + rs.getBoolean(2));
                }
                assertThat(users).containsExactly("BRIEFINGS admin=false", "SA admin=true");
            }
        }
        // Closed: H2 removed its lock file; every file left is owner-only.
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.toList()) {
                assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void theApplicationsUserCannotReachTheOperatingSystem() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "not for the database");
        try (HikariDataSource dataSource = DatabaseAccess.start(data, DatabaseAccess.fromFile());
             Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // It still creates and changes tables (ALTER ANY SCHEMA), though Flyway changes the schema as the owner.
            s.execute("CREATE TABLE IF NOT EXISTS probe (id INT PRIMARY KEY)");
            s.execute("ALTER TABLE probe ADD COLUMN IF NOT EXISTS note VARCHAR(20)");
            s.execute("INSERT INTO probe VALUES (1, 'x')");
            for (String sql : List.of(
                    "CREATE ALIAS EXEC FOR 'java.lang.Runtime.exec(java.lang.String)'",
                    "CREATE ALIAS HELLO AS 'String hello() { return \"hello\"; }'",
                    "SELECT FILE_READ('" + secret + "')",
                    "SELECT * FROM CSVREAD('" + secret + "')",
                    "CALL CSVWRITE('" + tmp.resolve("out.csv") + "', 'SELECT 1')",
                    "SELECT FILE_WRITE('x', '" + tmp.resolve("written") + "')",
                    "SELECT * FROM LINK_SCHEMA('L', '', 'jdbc:h2:mem:x', 'sa', '', 'PUBLIC')",
                    "RUNSCRIPT FROM '" + secret + "'",
                    "SCRIPT TO '" + tmp.resolve("dump.sql") + "'",
                    "BACKUP TO '" + tmp.resolve("backup.zip") + "'",
                    "CREATE TRIGGER T BEFORE INSERT ON probe FOR EACH ROW CALL 'org.h2.tools.TriggerAdapter'",
                    "CREATE USER intruder PASSWORD 'x' ADMIN",
                    "ALTER USER BRIEFINGS ADMIN TRUE")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ADMIN_RIGHTS_REQUIRED));
            }
        }
        assertThat(tmp.resolve("out.csv")).doesNotExist();
        assertThat(tmp.resolve("written")).doesNotExist();
        assertThat(tmp.resolve("dump.sql")).doesNotExist();
    }

    @Test
    void configuredPasswordsAreUsedAndNoPasswordsFileIsWritten() throws Exception {
        try (HikariDataSource dataSource = DatabaseAccess.start(data, new DatabaseProperties("app-secret-1", "owner-secret-1"))) {
            assertThat(dataSource.getUsername()).isEqualTo("BRIEFINGS");
            assertThat(dataSource.getPassword()).isEqualTo("app-secret-1");
            connect(DatabaseAccess.url(data), "SA", "owner-secret-1").close();
            connect(DatabaseAccess.url(data), "BRIEFINGS", "app-secret-1").close();
        }
        assertThat(data.resolve("briefings.passwords")).doesNotExist();
        // A new application password is given to BRIEFINGS by the owner at the next start.
        try (HikariDataSource dataSource = DatabaseAccess.start(data, new DatabaseProperties("app-secret-2", "owner-secret-1"));
             Connection c = dataSource.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
            assertThatThrownBy(() -> connect(DatabaseAccess.url(data), "BRIEFINGS", "app-secret-1").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(WRONG_USER_OR_PASSWORD));
        }
    }

    @Test
    void schemaChangesSignInAsTheOwnerWhoseWrongPasswordIsAFault() throws Exception {
        DatabaseAccess.start(data, new DatabaseProperties("app-secret-1", "owner-secret-1")).close();
        try (HikariDataSource dataSource = DatabaseAccess.start(data, new DatabaseProperties("app-secret-1", "owner-secret-1"));
             Connection owner = ((PreparedDataSource) dataSource).owner().orElseThrow().getConnection();
             Statement s = owner.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("SA");
        }
        // The application's password alone does not open it: the owner opens the database in every process (its
        // write delay needs admin rights), so a wrong owner password is a fault that says where to look.
        assertThatThrownBy(() -> DatabaseAccess.start(data, new DatabaseProperties("app-secret-1", "not-the-owners")))
                .isInstanceOf(DatabaseFault.class)
                .hasMessageContaining(data.resolve("briefings.mv.db").toString())
                .hasMessageContaining("does not accept the owner's password from briefings.database.owner-password")
                .hasMessageContaining("BRIEFINGS_DATABASE_OWNER_PASSWORD");
    }

    @Test
    void aDatabaseThatRefusesTheOwnersPasswordIsAFaultThatSaysWhereToLook() throws Exception {
        DatabaseAccess.start(data, DatabaseAccess.fromFile()).close();
        // The passwords file of another installation (or a lost one remade) does not open this database.
        Files.writeString(data.resolve("briefings.passwords"), "password=someone-elses\nowner-password=someone-elses-too\n");

        assertThatThrownBy(() -> DatabaseAccess.start(data, DatabaseAccess.fromFile()))
                .isInstanceOf(DatabaseFault.class)
                .hasMessageContaining(data.resolve("briefings.mv.db").toString())
                .hasMessageContaining("the passwords file " + data.resolve("briefings.passwords"))
                .hasMessageContaining("BRIEFINGS_DATABASE_OWNER_PASSWORD");
    }

    @Test
    void aPasswordsFileWithoutThePasswordIsAFault() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("briefings.passwords"), "owner-password=abc\n");

        assertThatThrownBy(() -> DatabaseAccess.start(data, DatabaseAccess.fromFile()))
                .isInstanceOf(DatabaseFault.class)
                .hasMessageContaining(data.resolve("briefings.passwords") + " has no password= line")
                .hasMessageContaining("BRIEFINGS_DATABASE_PASSWORD");
        assertThat(data.resolve("briefings.mv.db")).doesNotExist();
    }

    @Test
    void anEmptyDatabaseFileIsAFaultAndIsLeftAsItIs() throws Exception {
        Files.createDirectories(data);
        Path file = Files.createFile(data.resolve("briefings.mv.db"));

        assertThatThrownBy(() -> DatabaseAccess.start(data, DatabaseAccess.fromFile()))
                .isInstanceOf(DatabaseFault.class)
                .hasMessageStartingWith("the database file " + file + " is empty (0 bytes)")
                .hasMessageContaining("copy a backup over " + file)
                .hasMessageContaining("move " + file + " and " + data.resolve("work") + " away");
        assertThat(file).isEmptyFile();
    }

    /**
     * H2 writes its file's header again only now and then, not for a chunk it appends: the newest chunks can be newer
     * than the version the header names, and a cut inside them makes H2 open the version before them, which is no
     * older than the header's. Where the file ends tells the cut; a file that ends inside the chunk H2 was writing
     * when it stopped (a full disk, a kill: that commit never returned) is whole.
     */
    @Test
    void aFileCutInsideChunksAppendedAfterItsHeaderIsAFaultAndOneWhoseLastWriteStoppedIsNot() throws Exception {
        try (HikariDataSource dataSource = DatabaseAccess.start(data, DatabaseAccess.fromFile());
             Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (n INT)");
            s.execute("INSERT INTO probe VALUES (7)");
        }
        Path file = data.resolve("briefings.mv.db");
        long closed = Files.size(file);
        // Three commits appended at the end (no free space reused), each a chunk of at least four blocks, and no
        // close (as after kill -9).
        MVStore appender = new MVStore.Builder().fileName(file.toString()).open();
        appender.setReuseSpace(false);
        MVMap<Integer, byte[]> appended = appender.openMap("test.appended");
        Random random = new Random(3);
        for (int i = 0; i < 3; i++) {
            byte[] value = new byte[3 * BLOCK];
            random.nextBytes(value);
            appended.put(i, value);
            appender.commit();
        }
        appender.closeImmediately();
        long size = Files.size(file);
        long header;
        long newest;
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            header = DataUtils.readHexLong(store.getStoreHeader(), "version", 0);
            newest = store.getCurrentVersion();
        }
        assertThat(header).isLessThan(newest);
        assertThat(size).isGreaterThanOrEqualTo(closed + 3 * 4 * BLOCK);
        Path whole = Files.copy(file, tmp.resolve("whole.mv.db"));

        // Cut inside the newest chunk, inside a block: H2 alone opens the version before it.
        Files.copy(whole, file, StandardCopyOption.REPLACE_EXISTING);
        truncate(file, size - 100);
        assertThat(openedVersion(file)).isLessThan(newest).isGreaterThanOrEqualTo(header);
        assertDamaged(file);
        assertThat(file).hasSize(size - 100);

        // Ending inside a chunk written whole once: a copy of the first appended chunk's first two blocks at the end.
        Files.copy(whole, file, StandardCopyOption.REPLACE_EXISTING);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(file, java.util.Arrays.copyOfRange(bytes, (int) closed, (int) closed + 2 * BLOCK),
                StandardOpenOption.APPEND);
        assertDamaged(file);

        // Ending at a block's end inside the newest chunk: as a full disk leaves the write of a commit that never
        // returned. H2 opens the version before it, with everything committed until then.
        Files.copy(whole, file, StandardCopyOption.REPLACE_EXISTING);
        truncate(file, size - BLOCK);
        assertThat(openedVersion(file)).isLessThan(newest);
        assertThat(probe()).isEqualTo(7);

        Files.copy(whole, file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(probe()).isEqualTo(7);
        assertThat(openedVersion(file)).isGreaterThanOrEqualTo(newest);
    }

    private static void truncate(Path file, long length) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    private static long openedVersion(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return store.getCurrentVersion();
        }
    }

    private void assertDamaged(Path file) {
        assertThatThrownBy(() -> DatabaseAccess.start(data, DatabaseAccess.fromFile()))
                .isInstanceOf(DatabaseFault.class)
                .hasMessageStartingWith("the database file " + file + " is damaged (its last changes are missing or "
                        + "unreadable: truncated or corrupt)");
    }

    /** The probe row, through the application's data source. */
    private int probe() throws Exception {
        try (HikariDataSource dataSource = DatabaseAccess.start(data, DatabaseAccess.fromFile());
             Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n FROM probe")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    @Test
    void aServerDatabaseNeedsAPassword() {
        assertThatThrownBy(() -> DatabaseAccess.start(data, "jdbc:h2:tcp://127.0.0.1:1/briefings", DatabaseAccess.fromFile()))
                .isInstanceOf(DatabaseFault.class)
                .hasMessageContaining("spring.datasource.password is empty for the database jdbc:h2:tcp://127.0.0.1:1/briefings");
    }

    @Test
    void aDatabaseOutsideTheDataFolderHasOwnerOnlyFilesInAFolderMadePrivate() throws Exception {
        Path shared = tmp.resolve("shared-db");
        String url = "jdbc:h2:file:" + shared.resolve("briefings") + ";AUTO_SERVER=TRUE";
        try (HikariDataSource dataSource = DatabaseAccess.start(data, url, DatabaseAccess.fromFile())) {
            assertThat(permissions(shared)).isEqualTo("rwx------");
            for (String file : List.of("briefings.mv.db", "briefings.lock.db", "briefings.trace.db", "briefings.passwords")) {
                assertThat(permissions(shared.resolve(file))).as(file).isEqualTo("rw-------");
            }
            assertThat(data.resolve("briefings.passwords")).doesNotExist();
        }
    }

    @Test
    void theUrlNamesTheDatabaseFiles() {
        Path base = tmp.resolve("briefings");
        assertThat(H2Files.of("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE")).contains(new H2Files(base));
        assertThat(H2Files.of("jdbc:h2:" + base)).contains(new H2Files(base));
        assertThat(H2Files.of("jdbc:h2:file:./data/briefings").orElseThrow().base())
                .isEqualTo(Path.of("data/briefings").toAbsolutePath());
        assertThat(H2Files.of("jdbc:h2:~/b").orElseThrow().base()).isEqualTo(Path.of(System.getProperty("user.home"), "b"));
        assertThat(H2Files.of("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2Files.of("jdbc:h2:tcp://db.example.org/briefings")).isEmpty();
        assertThat(H2Files.of("jdbc:postgresql://db/briefings")).isEmpty();
        H2Files files = new H2Files(base);
        assertThat(files.data()).isEqualTo(tmp.resolve("briefings.mv.db"));
        assertThat(files.lock()).isEqualTo(tmp.resolve("briefings.lock.db"));
        assertThat(files.trace()).isEqualTo(tmp.resolve("briefings.trace.db"));
        assertThat(files.passwords()).isEqualTo(tmp.resolve("briefings.passwords"));
    }
}
