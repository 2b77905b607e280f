package dev.briefings.database;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only files: folders 0700, files 0600, whatever the umask. Java cannot set the umask, so files are created
 * with these permissions where the application creates them, and files other code creates (H2's) are tightened.
 * Where the file system has no POSIX permissions, nothing is changed and a log line says so.
 */
public final class PrivateFiles {

    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Attributes that create a file owner-only in {@code folder} (none where permissions are not POSIX). */
    public static FileAttribute<?>[] fileAttributes(Path folder) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates {@code folder} (and missing parents) owner-only; an existing folder is left as it is. */
    public static Path createFolder(Path folder) throws IOException {
        Path existing = nearestExisting(folder);
        return posix(existing) ? Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER))
                : Files.createDirectories(folder);
    }

    /**
     * Creates {@code folder} owner-only, or makes an existing one and everything in it owner-only (folders 0700,
     * files 0600; symbolic links are not followed).
     *
     * @param what how messages name the folder, e.g. "data folder"
     * @throws DatabaseFault when the permissions cannot be set (the folder belongs to another account)
     */
    static void secureTree(Path folder, String what) {
        try {
            createFolder(folder);
            if (!posix(folder)) {
                log.info("The {} {} is on a file system without POSIX permissions; its permissions are left as they are",
                        what, folder);
                return;
            }
            int[] tightened = {0};
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    tightened[0] += restrict(dir, FOLDER) ? 1 : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        tightened[0] += restrict(file, FILE) ? 1 : 0;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            if (tightened[0] > 0) {
                log.info("Made the {} {} owner-only ({} files and folders were readable by others)", what, folder,
                        tightened[0]);
            }
        } catch (IOException e) {
            throw new DatabaseFault("cannot make the " + what + " " + folder + " owner-only: " + reason(e)
                    + ". Run briefings as the account that owns it, or give it one with --data.", e);
        }
    }

    /** Makes an existing file 0600 (a missing one is fine). */
    static void secureFile(Path file) {
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && posix(file)) {
                restrict(file, FILE);
            }
        } catch (IOException e) {
            throw new DatabaseFault("cannot make " + file + " owner-only: " + reason(e)
                    + ". Run briefings as the account that owns it.", e);
        }
    }

    /** Creates an empty owner-only file unless it exists. */
    static void createFile(Path file) {
        try {
            Files.createFile(file, fileAttributes(file.getParent()));
        } catch (FileAlreadyExistsException e) {
            secureFile(file);
        } catch (IOException e) {
            throw new DatabaseFault("cannot create " + file + ": " + reason(e), e);
        }
    }

    static String reason(IOException e) {
        String reason = e instanceof java.nio.file.AccessDeniedException ? "access denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason;
    }

    private static boolean restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view.readAttributes().permissions().equals(wanted)) {
            return false;
        }
        view.setPermissions(wanted);
        return true;
    }

    private static boolean posix(Path path) {
        try {
            return Files.getFileStore(nearestExisting(path)).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            // No file store to ask (e.g. a dangling path): go by the platform.
            return path.getFileSystem().supportedFileAttributeViews().contains("posix");
        }
    }

    private static Path nearestExisting(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.toAbsolutePath().getRoot() : p;
    }
}
