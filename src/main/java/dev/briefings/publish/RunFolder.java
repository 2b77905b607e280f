package dev.briefings.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * A run folder appears whole or not at all: everything is written into a hidden sibling folder, which is renamed
 * into place at the end. A folder a reader can find is therefore always complete.
 */
public final class RunFolder {

    private RunFolder() {
    }

    /**
     * A fresh, empty hidden sibling of {@code target} to write into. Unfinished siblings that killed runs of this
     * briefing left behind go first (the caller holds the briefing's lock, so none of them is still being written).
     */
    public static Path prepare(Path target, long jobInstanceId) {
        Path partial = sibling(target, ".partial-" + jobInstanceId);
        deleteLeftovers(target, ".partial-");
        deleteTree(partial);
        try {
            Files.createDirectories(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + partial, e);
        }
        return partial;
    }

    /**
     * Renames {@code partial} to {@code target}. A briefing already at {@code target} (a forced re-run) is first
     * renamed aside and deleted once the new one is in place.
     */
    public static void publish(Path partial, Path target) {
        try {
            // Also what a run killed between the two renames left: the briefing it was replacing.
            Path old = sibling(target, ".replaced-" + partial.getFileName());
            deleteTree(old);
            if (Files.exists(target)) {
                move(target, old);
            }
            move(partial, target);
            deleteTree(old);
            deleteLeftovers(target, ".replaced-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished briefing into " + target, e);
        }
    }

    /** Removes an unfinished folder after a failure, so that nothing half-written is left behind. */
    public static void discard(Path partial) {
        deleteTree(partial);
    }

    /**
     * Removes a published briefing: renamed aside first, so that a reader finds it whole or not at all, then
     * deleted. Refuses a folder that holds no briefing (no manifest), so that a wrong path deletes nothing.
     */
    public static void remove(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!isBriefing(target)) {
            throw new IllegalStateException(target + " holds no briefing (no " + Manifest.FILE_NAME + "); not removed");
        }
        Path aside = sibling(target, ".removing");
        try {
            deleteTree(aside);
            move(target, aside);
            deleteTree(aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the briefing at " + target, e);
        }
    }

    /** Whether {@code dir} holds a briefing (its manifest), and so may be replaced by a forced re-run. */
    public static boolean isBriefing(Path dir) {
        return Files.isRegularFile(dir.resolve(Manifest.FILE_NAME));
    }

    /**
     * Removes what runs of this briefing killed while publishing left beside {@code target}: unfinished folders and
     * a briefing that was being replaced. Only while holding the briefing's lock.
     */
    public static void removeLeftovers(Path target) {
        deleteLeftovers(target, ".partial-");
        deleteLeftovers(target, ".replaced-");
    }

    /** Removes the hidden siblings {@code .<target name><kind>*}. */
    private static void deleteLeftovers(Path target, String kind) {
        Path abs = target.toAbsolutePath().normalize();
        String prefix = "." + abs.getFileName() + kind;
        if (!Files.isDirectory(abs.getParent())) {
            return;
        }
        try (Stream<Path> siblings = Files.list(abs.getParent())) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + abs.getParent(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically", e);
        }
    }

    private static Path sibling(Path target, String suffix) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + suffix);
    }

    static void deleteTree(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
