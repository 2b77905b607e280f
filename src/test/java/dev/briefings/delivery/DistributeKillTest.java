package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.briefings.BriefingsApplication;
import dev.briefings.ChildJvm;
import dev.briefings.TestFolders;
import dev.briefings.cli.BriefingsCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code distribute} to 50 recipients in a real child JVM, killed with SIGKILL part-way, then run again: nobody
 * gets a second message, no message is rewritten, nothing temporary is left, and the log agrees with what was
 * sent, message by message.
 */
class DistributeKillTest {

    private static final int RECIPIENTS = 50;
    private static final Pattern COUNTS = Pattern.compile("(\\d+) delivered now, (\\d+) already delivered, (\\d+) failed, "
            + "(\\d+) uncertain");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;
    Path input;
    Path data;
    Path pristineData;
    Path run;

    private record Cli(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BriefingsCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    private static String id(int i) {
        return String.format("reader-%02d", i);
    }

    /** The Message-ID for a recipient: the distribution key 2025-10-31/nightly/r1 with '/' made '.'. */
    private static String messageId(String recipient) {
        return "<2025-10-31.nightly.r1." + recipient + "@briefings.local>";
    }

    /** A briefing written once; each kill starts again from its database and folder as they were then. */
    @BeforeEach
    void writeTheBriefing() throws Exception {
        input = TestFolders.copy(TestFolders.E2E_INPUT, tmp.resolve("input"));
        StringBuilder recipients = new StringBuilder("[");
        for (int i = 1; i <= RECIPIENTS; i++) {
            recipients.append(i == 1 ? "" : ",\n").append(String.format(
                    "{\"id\": \"%s\", \"name\": \"Reader %02d\", \"email\": \"%s@example.org\", \"organization\": \"Fund %02d\"%s}",
                    id(i), i, id(i), i, i % 10 == 0 ? ", \"formats\": [\"pdf\", \"xlsx\"]" : ""));
        }
        Files.writeString(input.resolve("recipients.json"), recipients.append("]").toString());
        data = tmp.resolve("data");
        run = tmp.resolve("out/2025-10-31/nightly");
        Cli written = cli("run", "--input", input.toString(), "--output", run.toString(), "--data", data.toString(),
                "--as-of", "2025-10-31");
        assertThat(written.code()).as(written.toString()).isZero();
        pristineData = TestFolders.copy(data, tmp.resolve("data-as-written"));
    }

    private void restoreTheWrittenBriefing() throws IOException {
        FileSystemUtils.deleteRecursively(data);
        TestFolders.copy(pristineData, data);
        FileSystemUtils.deleteRecursively(run.resolve("outbox"));
        FileSystemUtils.deleteRecursively(run.resolve("copies"));
        Files.deleteIfExists(run.resolve("deliveries.json"));
    }

    private String[] distributeArgs() {
        return new String[] {"distribute", "--run", run.toString(), "--input", input.toString(), "--data", data.toString()};
    }

    private long emlCount() {
        try (Stream<Path> files = Files.list(run.resolve("outbox"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml")).count();
        } catch (IOException e) {
            return 0; // not made yet
        }
    }

    private Map<String, byte[]> outbox() throws IOException {
        Map<String, byte[]> messages = new HashMap<>();
        if (Files.isDirectory(run.resolve("outbox"))) {
            try (Stream<Path> files = Files.list(run.resolve("outbox"))) {
                for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".eml")).toList()) {
                    messages.put(p.getFileName().toString().replace(".eml", ""), Files.readAllBytes(p));
                }
            }
        }
        return messages;
    }

    @Test
    void outboxKilledEarlyAndLateThenRerunWritesEachMessageOnceAndLogsItExactly() throws Exception {
        Map<String, byte[]> after = Map.of();
        for (int killAt : new int[] {2, 40}) {
            restoreTheWrittenBriefing();
            try (ChildJvm child = ChildJvm.start(tmp.resolve("distribute-" + killAt + ".log"), List.of(),
                    BriefingsApplication.class, distributeArgs())) {
                assertThat(child.killWhen(() -> emlCount() >= killAt, Duration.ofSeconds(90)))
                        .as("still delivering when killed:\n" + child.output()).isTrue();
            }
            Map<String, byte[]> beforeRerun = outbox();
            assertThat(beforeRerun).as("messages when killed at " + killAt).hasSizeBetween(killAt, RECIPIENTS - 1);
            for (var m : beforeRerun.entrySet()) {
                // Whole or absent: every message in the outbox reads back with its own id.
                assertThat(parse(m.getValue()).getMessageID()).isEqualTo(messageId(m.getKey()));
            }

            Cli rerun = cli(distributeArgs());
            assertThat(rerun.code()).as(rerun.toString()).isZero();
            Matcher counts = COUNTS.matcher(rerun.out());
            assertThat(counts.find()).as(rerun.out()).isTrue();
            // Those written before the kill count as delivered before, whatever the log had kept; the rest now.
            assertThat(Integer.parseInt(counts.group(1))).isEqualTo(RECIPIENTS - beforeRerun.size());
            assertThat(Integer.parseInt(counts.group(2))).isEqualTo(beforeRerun.size());

            after = outbox();
            assertThat(after).hasSize(RECIPIENTS);
            for (var m : beforeRerun.entrySet()) {
                assertThat(after.get(m.getKey())).as("message to " + m.getKey() + " rewritten").isEqualTo(m.getValue());
            }
            assertEveryMessageMatchesTheLog(after);
            assertNothingTemporaryIn(run);

        }
        Cli again = cli(distributeArgs());
        assertThat(again.out()).as(again.toString()).contains("0 delivered now, " + RECIPIENTS + " already delivered");
        Map<String, byte[]> untouched = after;
        assertThat(outbox()).hasSize(RECIPIENTS).allSatisfy((id, bytes) -> assertThat(bytes).isEqualTo(untouched.get(id)));
    }

    @Test
    void smtpKilledThenRerunNeverSendsAnyoneASecondMessage() throws Exception {
        String port = Integer.toString(smtp.getSmtp().getPort());
        for (int killAt : new int[] {12}) {
            restoreTheWrittenBriefing();
            smtp.purgeEmailFromAllMailboxes();
            try (ChildJvm child = ChildJvm.start(tmp.resolve("smtp-" + killAt + ".log"),
                    List.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + port),
                    BriefingsApplication.class, distributeArgs())) {
                assertThat(child.killWhen(() -> smtp.getReceivedMessages().length >= killAt, Duration.ofSeconds(90)))
                        .as("still sending when killed:\n" + child.output()).isTrue();
            }
            assertThat(smtp.getReceivedMessages().length).as("sent before the kill").isLessThan(RECIPIENTS);
            Cli rerun;
            System.setProperty("spring.mail.host", "127.0.0.1");
            System.setProperty("spring.mail.port", port);
            try {
                rerun = cli(distributeArgs());
            } finally {
                System.clearProperty("spring.mail.host");
                System.clearProperty("spring.mail.port");
            }

            // Everything the server got, from the killed process and the rerun, by recipient.
            Map<String, List<String>> received = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String to = ((InternetAddress) m.getAllRecipients()[0]).getAddress();
                received.computeIfAbsent(to.replace("@example.org", ""), k -> new ArrayList<>()).add(m.getMessageID());
            }
            int uncertain = 0;
            for (JsonNode d : deliveries()) {
                String id = d.get("recipientId").asString();
                List<String> got = received.getOrDefault(id, List.of());
                assertThat(got).as("messages to " + id).hasSizeLessThanOrEqualTo(1);
                switch (d.get("status").asString()) {
                    case "DELIVERED" -> {
                        assertThat(got).as("delivered to " + id).containsExactly(messageId(id));
                        assertThat(d.get("messageId").asString()).isEqualTo(messageId(id));
                    }
                    case "UNCERTAIN" -> {
                        // Being sent when the process died: never sent a second time, left to the operator.
                        uncertain++;
                        assertThat(d.get("error").asString()).contains("not sent again");
                    }
                    default -> throw new AssertionError(id + " is " + d.get("status") + ": " + d);
                }
            }
            assertThat(deliveries()).hasSize(RECIPIENTS);
            assertThat(received.keySet()).hasSizeGreaterThanOrEqualTo(RECIPIENTS - uncertain);
            // At most the four delivery threads had a message in flight.
            assertThat(uncertain).isLessThanOrEqualTo(4);
            assertThat(rerun.code()).as(rerun.toString()).isEqualTo(uncertain == 0 ? 0 : 3);
        }
    }

    private JsonNode deliveries() {
        return JsonMapper.builder().build().readTree(run.resolve("deliveries.json").toFile()).get("deliveries");
    }

    private void assertEveryMessageMatchesTheLog(Map<String, byte[]> outbox) throws Exception {
        JsonNode deliveries = deliveries();
        assertThat(deliveries).hasSize(RECIPIENTS);
        String masterSha = sha256(Files.readAllBytes(run.resolve("briefing.pdf")));
        for (JsonNode d : deliveries) {
            String id = d.get("recipientId").asString();
            assertThat(d.get("status").asString()).as(id).isEqualTo("DELIVERED");
            MimeMessage m = parse(outbox.get(id));
            assertThat(m.getMessageID()).isEqualTo(messageId(id)).isEqualTo(d.get("messageId").asString());
            assertThat(((InternetAddress) m.getAllRecipients()[0]).getAddress()).isEqualTo(id + "@example.org");
            MailParts parts = MailParts.of(m);
            int n = Integer.parseInt(id.substring("reader-".length()));
            assertThat(parts.attachments()).hasSize(n % 10 == 0 ? 2 : 1);
            byte[] pdf = parts.attachments().get(0).bytes();
            assertThat(d.get("copySha256").asString()).as("copy logged for " + id).isEqualTo(sha256(pdf))
                    .isEqualTo(sha256(Files.readAllBytes(run.resolve("copies").resolve(id)
                            .resolve("critical-minerals-briefing-2025-10-31.pdf"))));
            assertThat(d.get("masterSha256").asString()).isEqualTo(masterSha);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                        .contains(String.format("Prepared for Reader %02d, Fund %02d", n, n));
            }
        }
    }

    /** No temporary or hidden file anywhere in the run folder. */
    static void assertNothingTemporaryIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") || n.endsWith(".tmp") || n.endsWith(".part")))
                    .as("left in " + folder).isEmpty();
        }
    }

    private static MimeMessage parse(byte[] eml) throws Exception {
        try (InputStream in = new java.io.ByteArrayInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
