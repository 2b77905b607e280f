package dev.briefings.database;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's two passwords and where each came from (for messages). Each comes from configuration when given,
 * else from the owner-only passwords file beside the database, which the first start makes with random passwords.
 *
 * @param application the application's user's password
 * @param owner       the owner's password
 * @param ownerSource where the owner's password came from, as a message names it
 */
record Passwords(String application, String owner, String ownerSource) {

    private static final Logger log = LoggerFactory.getLogger(Passwords.class);

    static final String APPLICATION_KEY = "password";
    static final String OWNER_KEY = "owner-password";

    @Override
    public String toString() {
        return "Passwords[owner's from " + ownerSource + "]"; // never the passwords themselves
    }

    static Passwords resolve(DatabaseProperties configured, H2Files database) {
        Path file = database.passwords();
        String application = blankToNull(configured.password());
        String owner = blankToNull(configured.ownerPassword());
        String ownerSource = "briefings.database.owner-password (BRIEFINGS_DATABASE_OWNER_PASSWORD)";
        if (application == null || owner == null) {
            Properties stored = readOrCreate(file, database.data().getFileName().toString());
            if (application == null) {
                application = required(stored, APPLICATION_KEY, file);
            }
            if (owner == null) {
                owner = required(stored, OWNER_KEY, file);
                ownerSource = "the passwords file " + file;
            }
        }
        return new Passwords(application, owner, ownerSource);
    }

    private static Properties readOrCreate(Path file, String databaseName) {
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            return create(file, databaseName);
        } catch (IOException e) {
            throw new DatabaseFault("cannot read the database's passwords file " + file + ": " + PrivateFiles.reason(e), e);
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        return p;
    }

    /** Written whole under a temporary name and linked into place, so a process starting at the same moment reads
     *  either no file or the finished one, and the first one made wins. */
    private static Properties create(Path file, String databaseName) {
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp",
                    PrivateFiles.fileAttributes(file.getParent()));
            Files.writeString(temp, """
                    # The passwords of the database %s beside this file, made at its first start. Keep this file
                    # owner-only and with the database (a backup of one needs the other).
                    # password: the application's user BRIEFINGS (no admin rights); owner-password: the owner SA.
                    %s=%s
                    %s=%s
                    """.formatted(databaseName,
                    APPLICATION_KEY, generate(), OWNER_KEY, generate()), StandardCharsets.ISO_8859_1);
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException e) {
                Files.move(temp, file); // no hard links here: fails too when the file appeared meanwhile
            }
            log.info("Made the database's passwords file {} (owner-only)", file);
        } catch (FileAlreadyExistsException e) {
            // Another process made it a moment ago: use its passwords.
        } catch (IOException e) {
            throw new DatabaseFault("cannot write the database's passwords file " + file + ": " + PrivateFiles.reason(e), e);
        } finally {
            deleteQuietly(temp);
        }
        try {
            return read(file);
        } catch (IOException e) {
            throw new DatabaseFault("cannot read the database's passwords file " + file + ": " + PrivateFiles.reason(e), e);
        }
    }

    private static String required(Properties stored, String key, Path file) {
        String value = blankToNull(stored.getProperty(key));
        if (value == null) {
            throw new DatabaseFault("the database's passwords file " + file + " has no " + key + "= line: put back "
                    + "the file made with the database (from the same backup), or give the password in "
                    + (key.equals(OWNER_KEY) ? "BRIEFINGS_DATABASE_OWNER_PASSWORD" : "BRIEFINGS_DATABASE_PASSWORD"));
        }
        return value;
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}: {}", temp, e.toString());
        }
    }
}
