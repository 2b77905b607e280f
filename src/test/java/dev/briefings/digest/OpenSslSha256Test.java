package dev.briefings.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSslSha256Test {

    /** SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void aSmallInputGetsTheJdksDigest() {
        MessageDigest digest = Sha256.of(10_000);
        assertThat(digest).isNotInstanceOf(OpenSslSha256.class);
        assertThat(HexFormat.of().formatHex(digest.digest("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ABC);
    }

    @Test
    void aLargeInputGetsSha256WhicheverDigestServesIt() {
        // On Java 17 the JDK's, on 22+ with libcrypto 3 OpenSSL's: the same digest either way.
        MessageDigest digest = Sha256.of(64L << 20);
        assertThat(HexFormat.of().formatHex(digest.digest("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ABC);
    }

    /**
     * OpenSSL's digest is bound only on Java 22 and later; the tests may run on 17. So a Java 22+ JDK on this machine
     * runs {@link OpenSslSha256Check} (this machine's launcher, bin/briefings, finds and uses the same JDK).
     */
    @Test
    void openSslsDigestAgreesWithTheJdksOnJava22AndLater(@TempDir Path dir) throws Exception {
        Optional<Path> java = java22OrLater();
        assumeTrue(java.isPresent(), "no Java 22+ JDK here");
        Path output = dir.resolve("check.txt");
        Process p = new ProcessBuilder(java.get().toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-cp", classpath(), OpenSslSha256Check.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(output);
        assertThat(p.exitValue()).as(printed).isZero();
        assertThat(printed).contains("OpenSSL's SHA-256 agrees with the JDK's").doesNotContain("WARNING");
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The java of a JDK 22 or later: this JVM's, JAVA_HOME's, or one in /usr/lib/jvm (as bin/briefings looks). */
    private static Optional<Path> java22OrLater() throws IOException {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        if (System.getenv("JAVA_HOME") != null) {
            homes.add(Path.of(System.getenv("JAVA_HOME")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin/java");
            if (Files.isExecutable(java) && major(home) >= 22) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static int major(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                String digits = v.split("[^0-9]", 2)[0];
                return digits.isEmpty() ? 0 : Integer.parseInt(digits);
            }
        }
        return 0;
    }
}
