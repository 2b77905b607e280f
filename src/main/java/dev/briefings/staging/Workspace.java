package dev.briefings.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.util.FileSystemUtils;

import dev.briefings.database.PrivateFiles;

/**
 * The private working folder of one briefing instance ({@code <data>/work/<instance id>}): what the steps hand on
 * to each other. It survives a crash, so a restarted run picks up where it stopped, and is deleted once the
 * briefing is published.
 */
public record Workspace(Path dir) {

    public static Workspace of(Path dataDir, long jobInstanceId) {
        return new Workspace(dataDir.resolve("work").resolve(Long.toString(jobInstanceId)));
    }

    /** Accepted records as read, in the binary form of {@link AcceptedFile}. */
    public Path accepted() {
        return dir.resolve("accepted.bin");
    }

    /** One short line per accepted record (seq, id, partOf, included, position) for the cross-record checks. */
    public Path keys() {
        return dir.resolve("keys.tsv");
    }

    /** Records rejected on their own (bad fields, bad JSON), in read order. */
    public Path rejected() {
        return dir.resolve("rejected.jsonl");
    }

    /** Records rejected by the cross-record checks (duplicate id, partOf problems), in read order. */
    public Path reconcileRejected() {
        return dir.resolve("reconcile-rejected.jsonl");
    }

    /** Input files in read order; a record's seq carries the index into this list. */
    public Path files() {
        return dir.resolve("files.txt");
    }

    /** For each in-scope carve-out with an in-scope ancestor: child id TAB nearest in-scope ancestor id. */
    public Path ancestors() {
        return dir.resolve("ancestors.tsv");
    }

    /** The briefing model, as the figures step leaves it for the render step. */
    public Path model() {
        return dir.resolve("model.json");
    }

    /** The finished PDF, rendered by the compose step, published by the publish step. */
    public Path pdf() {
        return dir.resolve("briefing.pdf");
    }

    /** The finished workbook, written by the compose step, published by the publish step. */
    public Path workbook() {
        return dir.resolve("briefing.xlsx");
    }

    /** This run's snapshot of in-scope records (id, content hash, committed USD, title; gzipped) for the next run. */
    public Path snapshot() {
        return dir.resolve("snapshot.tsv.gz");
    }

    public Workspace create() {
        try {
            PrivateFiles.createFolder(dir);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work folder " + dir, e);
        }
    }

    public List<String> fileNames() {
        try {
            return Files.readAllLines(files());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files(), e);
        }
    }

    public void delete() {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the work folder " + dir, e);
        }
    }

    /** A record's place in the global read order: file index in the high bits, item ordinal in the low ones. */
    public static long seq(int fileIndex, long ordinal) {
        return ((long) fileIndex << 40) | ordinal;
    }

    public static int fileIndex(long seq) {
        return (int) (seq >>> 40);
    }
}
