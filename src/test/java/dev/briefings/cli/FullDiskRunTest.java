package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.publish.Manifest;

/**
 * Real full disks: a small tmpfs as the data or the output disk. Mounting needs root, so elsewhere this is skipped
 * ({@link FaultsTest} and the publish package's FullDiskTest cover the same faults without one). The run fails
 * with one message naming the folder (no stack trace, in the message or the log), and once there is room the same
 * command resumes and writes the briefing.
 */
@EnabledOnOs(OS.LINUX)
class FullDiskRunTest {

    @TempDir
    Path tmp;
    Path disk;
    Path input;
    boolean mounted;

    @BeforeEach
    void setUp() throws Exception {
        input = CliRun.copyResource("e2e/input", tmp.resolve("input"));
        disk = Files.createDirectories(tmp.resolve("disk"));
    }

    /** A disk smaller than what the run writes there (the database and work files, or the briefing). */
    private void mount(String size) throws Exception {
        mounted = exec("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString());
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            exec("umount", disk.toString());
        }
    }

    private static boolean exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private void grow() throws Exception {
        assertThat(exec("mount", "-o", "remount,size=50m", disk.toString())).isTrue();
    }

    /** The run, with what the log wrote to standard output captured as well. */
    private CliRun run(Path data, Path out) {
        PrintStream original = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            CliRun r = CliRun.of("run", "--input", input.toString(), "--data", data.toString(), "--output",
                    out.toString(), "--as-of", "2025-10-31");
            return new CliRun(r.code(), r.out() + log.toString(StandardCharsets.UTF_8), r.err());
        } finally {
            System.setOut(original);
        }
    }

    private static void assertOneMessage(CliRun r) {
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain(" ERROR ");
    }

    @Test
    void aFullDataDiskIsNamedAndTheRunResumesOnceThereIsRoom() throws Exception {
        mount("100k");
        Path data = disk.resolve("data");
        Path out = tmp.resolve("out");
        CliRun full = run(data, out);
        assertOneMessage(full);
        assertThat(full.err()).contains("the disk holding the data folder " + data + " is full")
                .contains("then run the same command again");
        assertThat(out).doesNotExist();

        grow();
        CliRun again = run(data, out);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(Manifest.read(out.resolve("manifest.json")).counts().read()).isEqualTo(15);
    }

    @Test
    void aFullOutputDiskIsNamedAndTheRunResumesOnceThereIsRoom() throws Exception {
        mount("24k");
        Path data = tmp.resolve("data");
        Path out = disk.resolve("briefing");
        CliRun full = run(data, out);
        assertOneMessage(full);
        assertThat(full.err()).contains("the disk holding the output folder " + out + " is full")
                .contains("no space left to write " + disk.resolve(".briefing.partial-1"))
                .contains("give --output a folder on another one");
        assertThat(out).doesNotExist();

        grow();
        CliRun again = run(data, out);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Resumed and wrote");
        assertThat(Manifest.read(out.resolve("manifest.json")).counts().accepted()).isEqualTo(6);
    }
}
