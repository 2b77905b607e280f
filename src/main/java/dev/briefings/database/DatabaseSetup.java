package dev.briefings.database;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded database as the application's user, BRIEFINGS. It has no admin rights, so none of H2's
 * features that reach the operating system (CREATE ALIAS and triggers running Java, FILE_READ, CSVREAD/CSVWRITE,
 * LINK_SCHEMA, RUNSCRIPT, SCRIPT and BACKUP to files) can be used through the application's connections;
 * {@code ALTER ANY SCHEMA} lets it use the tables. The owner, SA (the admin), signs in to set the database up: when
 * BRIEFINGS cannot (to make a new database, to secure one made by an earlier version, whose SA had an empty
 * password, and to give BRIEFINGS its current password), and for Flyway, which brings the schema up to date at each
 * start (see {@link #ownerConnection()}).
 */
final class DatabaseSetup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);

    static final String APPLICATION_USER = "BRIEFINGS";
    static final String OWNER = "SA";
    /** Settings that need admin rights, for the database as this process opens it (see {@link #open()}). */
    static final String OWNER_SETTINGS = ";WRITE_DELAY=0";
    /** H2's block: its files and chunks are made of whole blocks; the first two hold the file's header. */
    private static final int BLOCK = 4096;
    /** H2's chunk footer, the last bytes of a chunk, and the most its header, at the start of a chunk, may take. */
    private static final int FOOTER = 128;
    private static final int HEADER = 1024;

    private final H2Files files;
    private final String url;
    private final DatabaseProperties configured;
    private final Path workFolder;
    private Passwords passwords;

    /**
     * @param workFolder the work folder of the data folder, named in messages (it belongs to the database's runs)
     */
    DatabaseSetup(H2Files files, String url, DatabaseProperties configured, Path workFolder) {
        this.files = files;
        this.url = url;
        this.configured = configured;
        this.workFolder = workFolder;
    }

    /** The application's connection and its password (for the pool). */
    record Opened(Connection connection, String password) {
    }

    /** The URL of the application's connections: they never create a database, which would make BRIEFINGS its admin. */
    String applicationUrl() {
        return url + ";IFEXISTS=TRUE";
    }

    /**
     * A connection as BRIEFINGS, after setting the database up if needed. It holds the database open until the
     * pool has its own connections (opening it again would cost about 0.15 s).
     *
     * @throws DatabaseFault when the database file is empty or damaged, or refuses the owner's password
     */
    Opened open() {
        Path data = files.data();
        if (isEmptyFile(data)) {
            throw new DatabaseFault("the database file " + data + " is empty (0 bytes): the run history, delivery log and "
                    + "snapshots it held are gone, and running again cannot bring them back." + recovery());
        }
        requireWhole(data);
        passwords = Passwords.resolve(configured, files);
        // H2 appends to its trace file and keeps the permissions of one that exists.
        PrivateFiles.createFile(files.trace());
        Connection application;
        // The owner's connection comes first, so that it opens the database in this process with the owner's
        // settings: WRITE_DELAY=0 (every commit reaches the file before it returns, so kill -9 loses no committed
        // row) needs admin rights, and H2 does not keep it across opens.
        try (Connection owner = owner()) {
            // Every start: the user, its password (it may have been changed in the configuration) and its rights.
            // Cheap, and no sign-in is ever tried with a password the database does not know (H2 traces those).
            setUp(owner);
            application = connect(applicationUrl(), APPLICATION_USER, passwords.application());
        } catch (SQLException e) {
            throw failure(e);
        }
        if (application == null) {
            throw new IllegalStateException("the database " + data + " refused the password it was just given for "
                    + APPLICATION_USER);
        }
        // H2 made these with the process's umask.
        PrivateFiles.secureFile(data);
        PrivateFiles.secureFile(files.lock());
        return new Opened(application, passwords.application());
    }

    /**
     * H2 opens a file that was cut short by going back to its last complete changes, silently dropping the rest (the
     * run history with them). Two signs tell such a file, read while this process holds H2's file lock (so no writer
     * is busy with it); skipped while another process has the file open.
     * <ul>
     * <li>The store opens at an older version than its header names. H2 rewrites the header only now and then (not
     * for a chunk it appends, and not at all in some files), so this alone misses a cut among the newest chunks.</li>
     * <li>The file does not end where H2 stopped writing (see {@link #endsWhereWritingStopped}).</li>
     * </ul>
     * A file cut exactly at the end of an older chunk is, byte for byte, the file as it was then, and one cut at a
     * block's end inside its newest chunk is, byte for byte, one whose last write a full disk or a kill stopped: nothing
     * can tell those from whole files.
     */
    private void requireWhole(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        try (MVStore store = new MVStore.Builder().fileName(data.toString()).readOnly().open()) {
            long written = DataUtils.readHexLong(store.getStoreHeader(), "version", 0);
            long opened = store.getCurrentVersion();
            if (opened < written || !endsWhereWritingStopped(data, opened)) {
                throw new DatabaseFault("the database file " + data + " is damaged (its last changes are missing or "
                        + "unreadable: truncated or corrupt), so no briefing can run or resume." + recovery());
            }
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return; // open in another process, which had it whole
            }
            String damage = damage(e);
            if (damage != null) {
                throw new DatabaseFault("the database file " + data + " is damaged (" + damage + "), so no briefing "
                        + "can run or resume." + recovery(), e);
            }
            throw new IllegalStateException("cannot read the database " + data + ": " + e.getMessage(), e);
        }
    }

    /**
     * A connection as the owner, to an existing database; only after {@link #open()}.
     *
     * @throws DatabaseFault when the database refuses the owner's password
     */
    Connection ownerConnection() {
        if (passwords == null) {
            throw new IllegalStateException("the database " + files.data() + " is not open yet");
        }
        Connection owner = connect(applicationUrl(), OWNER, passwords.owner());
        if (owner == null) {
            throw new DatabaseFault("the database " + files.data() + " does not accept the owner's password from "
                    + passwords.ownerSource() + ", which brings its schema up to date at each start. Give the owner's "
                    + "password it was secured with in BRIEFINGS_DATABASE_OWNER_PASSWORD, or put back the passwords file "
                    + files.passwords() + " that was made with it.");
        }
        return owner;
    }

    /**
     * Whether the file ends where H2 stopped writing it. H2 writes whole blocks, each chunk (the changes of one or more
     * commits) ending with its footer, and shrinks the file only down to the end of a chunk; a write that a full disk
     * or a kill stops ends at a block's end too, inside the chunk it was writing, which is newer than any the store
     * opens (its commit never returned). Any other end is a cut: inside a block, or inside a chunk written whole once.
     * H2 has no public call for this; chunk headers and footers are read as H2 writes them (its Chunk class).
     *
     * @param opened the version the store opens at
     */
    private static boolean endsWhereWritingStopped(Path data, long opened) {
        try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "r")) {
            long size = file.length();
            if (size % BLOCK != 0) {
                return false;
            }
            long blocks = size / BLOCK;
            if (blocks <= 2) {
                return true; // the header alone: no chunk to end with (the header's version says if one is missing)
            }
            byte[] footer = new byte[FOOTER];
            file.seek(size - FOOTER);
            file.readFully(footer);
            if (isFooter(footer, blocks)) {
                return true;
            }
            // The chunk the file ends in starts at the nearest block before the end that starts with a chunk header.
            byte[] header = new byte[HEADER];
            for (long block = blocks - 1; block >= 2; block--) {
                file.seek(block * BLOCK);
                file.readFully(header);
                Map<String, String> chunk = chunkHeader(header);
                if (chunk != null) {
                    return block + DataUtils.parseHexLong(chunk.get("len")) > blocks
                            && DataUtils.parseHexLong(chunk.get("version")) > opened;
                }
            }
            return false;
        } catch (IOException e) {
            throw new DatabaseFault("cannot read the database file " + data + ": " + PrivateFiles.reason(e), e);
        }
    }

    /** A chunk's footer: "chunk:ID,len:BLOCKS,version:V,fletcher:CHECKSUM", its checksum right, after the header. */
    private static boolean isFooter(byte[] bytes, long fileBlocks) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int checksum = text.indexOf(",fletcher:");
        if (!text.startsWith("chunk:") || checksum < 0) {
            return false;
        }
        try {
            Map<String, String> footer = DataUtils.parseMap(text.substring(0, checksum));
            String stated = DataUtils.parseMap(text.substring(checksum + 1).strip()).get("fletcher");
            return stated != null && (int) DataUtils.parseHexLong(stated) == DataUtils.getFletcher32(bytes, 0, checksum)
                    && footer.containsKey("len") && fileBlocks - DataUtils.parseHexLong(footer.get("len")) >= 2;
        } catch (MVStoreException | NumberFormatException e) {
            return false; // not a map: page data, not a footer
        }
    }

    /** A chunk's header, "chunk:ID,len:BLOCKS,...,version:V,...", one line at the start of its first block; else null. */
    private static Map<String, String> chunkHeader(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        if (!text.startsWith("chunk:") || end < 0) {
            return null;
        }
        try {
            Map<String, String> header = DataUtils.parseMap(text.substring(0, end).strip());
            return header.containsKey("len") && header.containsKey("version") && DataUtils.parseHexLong(header.get("len")) > 0
                    ? header : null;
        } catch (MVStoreException | NumberFormatException e) {
            return null; // not a map: page data, not a header
        }
    }

    /** The owner's connection; makes the database when there is none, and secures one of an earlier version. */
    private Connection owner() throws SQLException {
        Connection owner = connect(url + OWNER_SETTINGS, OWNER, passwords.owner());
        if (owner != null) {
            return owner;
        }
        owner = connect(applicationUrl() + OWNER_SETTINGS, OWNER, "");
        if (owner == null) {
            throw new DatabaseFault("the database " + files.data() + " does not accept the owner's password from "
                    + passwords.ownerSource() + ", nor is it one of an earlier version (whose owner " + OWNER
                    + " had no password), so it cannot be opened. Give the owner's password it was secured with in "
                    + "BRIEFINGS_DATABASE_OWNER_PASSWORD, or put back the passwords file " + files.passwords()
                    + " that was made with it.");
        }
        try (PreparedStatement secure = owner.prepareStatement("ALTER USER " + OWNER + " SET PASSWORD ?")) {
            secure.setString(1, passwords.owner());
            secure.execute();
        } catch (SQLException | RuntimeException e) {
            owner.close();
            throw e;
        }
        log.info("Secured the database {}, made by an earlier version: its owner {} has a password now (from {}) and the "
                + "application signs in as {}, without admin rights", files.data(), OWNER, passwords.ownerSource(),
                APPLICATION_USER);
        return owner;
    }

    private void setUp(Connection owner) throws SQLException {
        for (String sql : new String[] {"CREATE USER IF NOT EXISTS " + APPLICATION_USER + " PASSWORD ?",
                "ALTER USER " + APPLICATION_USER + " SET PASSWORD ?"}) {
            try (PreparedStatement user = owner.prepareStatement(sql)) {
                user.setString(1, passwords.application());
                user.execute();
            }
        }
        try (Statement s = owner.createStatement()) {
            s.execute("ALTER USER " + APPLICATION_USER + " ADMIN FALSE");
            s.execute("GRANT ALTER ANY SCHEMA TO " + APPLICATION_USER);
        }
    }

    /** The connection, or null when the database refuses the user or password or (with IFEXISTS) does not exist. */
    private Connection connect(String url, String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        try {
            return org.h2.Driver.load().connect(url, p);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD
                    || e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                return null;
            }
            throw failure(e);
        }
    }

    private RuntimeException failure(SQLException e) {
        String damage = damage(e);
        if (damage != null) {
            return new DatabaseFault("the database file " + files.data() + " is damaged (" + damage + "), so no briefing "
                    + "can run or resume." + recovery(), e);
        }
        return new IllegalStateException("cannot open the database " + files.data() + ": " + e.getMessage(), e);
    }

    private String recovery() {
        return "\n  To restore it: stop every briefings process that uses it, then copy a backup over " + files.data()
                + (Files.exists(files.passwords()) ? " (and keep " + files.passwords() + " beside it)." : ".")
                + "\n  To start afresh, without the run history and the delivery log: move " + files.data() + " and "
                + workFolder + " away; the next start makes a new, empty database.";
    }

    /** What is wrong with the file when the failure says it is damaged, else null. */
    static String damage(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException) {
                return "it was cut short: truncated";
            }
            if (t instanceof MVStoreException m && (m.getErrorCode() == DataUtils.ERROR_FILE_CORRUPT
                    || m.getErrorCode() == DataUtils.ERROR_UNSUPPORTED_FORMAT
                    || m.getErrorCode() == DataUtils.ERROR_CHUNK_NOT_FOUND)) {
                return "H2 cannot read it: " + firstLine(m.getMessage());
            }
        }
        return e instanceof SQLException s && (s.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                || s.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) ? "H2 cannot read it: " + firstLine(e.getMessage()) : null;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end);
    }

    private static boolean isEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            throw new DatabaseFault("cannot read the database file " + file + ": " + PrivateFiles.reason(e), e);
        }
    }
}
