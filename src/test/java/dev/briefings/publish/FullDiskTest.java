package dev.briefings.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing to a full disk names the file: a stream reports only "No space left on device". Linux's /dev/full
 * answers every write that way, which stands in for a full output disk.
 */
class FullDiskTest {

    static final Path FULL = Path.of("/dev/full");

    @TempDir
    Path tmp;

    @BeforeEach
    void needsDevFull() {
        assumeTrue(Files.isWritable(FULL), "no /dev/full on this system");
    }

    @Test
    void rejectsFileNamesItself() {
        Throwable t = catchThrowable(() -> RejectsFile.write(tmp.resolve("none"), tmp.resolve("none-either"), FULL));
        assertThat(t).isInstanceOf(FileSystemException.class).hasMessage("/dev/full: No space left on device");
        assertThat(((FileSystemException) t).getFile()).isEqualTo("/dev/full");
    }

    @Test
    void manifestNamesItself() {
        var manifest = new Manifest(LocalDate.of(2025, 10, 31), "nightly", Map.of(), "default", "/briefings/input", 1, "0.1.0",
                OffsetDateTime.parse("2025-10-31T22:00:00Z"), List.of(), new Manifest.Counts(0, 0, 0, 0),
                new Manifest.Totals(BigDecimal.ZERO, BigDecimal.ZERO, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()),
                List.of());
        Throwable t = catchThrowable(() -> manifest.write(FULL));
        assertThat(t).isInstanceOf(UncheckedIOException.class).cause().isInstanceOf(FileSystemException.class)
                .hasMessage("/dev/full: No space left on device");
    }
}
