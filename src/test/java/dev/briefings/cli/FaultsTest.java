package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk, as the layers below report it, told as one message that names the folder and the next step. */
class FaultsTest {

    @TempDir
    Path tmp;

    private List<Faults.Folder> folders() {
        // As the run command names them: --output out (written beside it first), --data data.
        return List.of(new Faults.Folder("output folder", "--output", tmp.resolve("out"), tmp),
                new Faults.Folder("data folder", "--data", tmp.resolve("data")));
    }

    @Test
    void aCopyIntoAFullOutputDiskNamesTheTargetAndTheOutputOption() {
        // Files.copy reports source and target; the target is what could not be written.
        var copy = new FileSystemException(tmp.resolve("data/work/1/briefing.pdf").toString(),
                tmp.resolve(".out.partial-1/briefing.pdf").toString(), "No space left on device");
        String message = Faults.diskFull(List.of(new IllegalStateException("step failed", copy)), folders());
        assertThat(message)
                .startsWith("the disk holding the output folder " + tmp.resolve("out") + " is full (")
                .contains("free now): no space left to write " + tmp.resolve(".out.partial-1/briefing.pdf") + ".")
                .contains("Free space on that disk (or give --output a folder on another one), then run the same "
                        + "command again to resume where it stopped.");
    }

    @Test
    void aPathNamedOnlyInAMessageIsFoundToo() {
        var failure = new UncheckedIOException("cannot write " + tmp.resolve("data/work/1/keys.tsv"),
                new IOException("No space left on device"));
        assertThat(Faults.diskFull(List.of(failure), folders()))
                .startsWith("the disk holding the data folder " + tmp.resolve("data") + " is full")
                .contains("no space left to write " + tmp.resolve("data/work/1/keys.tsv"))
                .contains("give --data a folder on another one, which starts afresh");
    }

    @Test
    void theDatabaseFailingOnAFullDiskNamesTheDataFolder() {
        var h2 = new SQLException("IO Exception: \"java.io.IOException: No space left on device\"");
        var failure = new IllegalStateException("JDBC commit failed", h2);
        assertThat(Faults.diskFull(List.of(failure), folders()))
                .startsWith("the disk holding the data folder " + tmp.resolve("data") + " is full")
                .contains("no space left in it (the database)");
    }

    @Test
    void withoutAPathEveryFolderIsListed() {
        String message = Faults.diskFull(List.of(new IOException("No space left on device")), folders());
        assertThat(message).startsWith("a disk is full. The folders this command writes to:")
                .contains("output folder " + tmp.resolve("out")).contains("data folder " + tmp.resolve("data"))
                .endsWith("Free space on the full one, then run the same command again to resume where it stopped.");
    }

    @Test
    void whereTheRunStoppedNamesTheFolderWhenNothingElseDoes() {
        var failures = List.<Throwable>of(new IOException("No space left on device"));
        assertThat(Faults.diskFull(failures, folders(), folders().get(1)))
                .startsWith("the disk holding the data folder " + tmp.resolve("data") + " is full")
                .contains("no space left in it (the database or the work files)");
    }

    @Test
    void otherFailuresAreNotDiskFaults() {
        assertThat(Faults.diskFull(List.of(new IOException("Permission denied")), folders())).isNull();
        assertThat(Faults.diskFull(List.of(new IllegalStateException("boom")), folders())).isNull();
    }
}
