package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.briefings.TestFolders;
import dev.briefings.cli.BriefingsCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole delivery through the command line, against a real SMTP server (GreenMail) and through the outbox:
 * one message per recipient with its own marked copy, interest editions made once, and a second run that sends
 * nothing new.
 */
class DeliveryEndToEndTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;
    Path input;

    @BeforeEach
    void setUp() throws IOException {
        input = TestFolders.copy(TestFolders.E2E_INPUT, tmp.resolve("input"));
        Files.writeString(input.resolve("recipients.json"), """
                [
                  {"id": "alice", "name": "Alice Archer", "email": "alice@example.org", "organization": "Archer Capital"},
                  {"id": "kenji", "name": "Kenji Sato", "email": "kenji@example.org", "organization": "東京アセットマネジメント",
                   "interests": {"parties": ["JP"]}, "formats": ["pdf", "xlsx"]},
                  {"id": "bad", "name": "No Address", "email": "not-an-address", "organization": "Nowhere"},
                  {"id": "mara", "name": "Mara Diaz", "email": "mara@example.org", "organization": "Diaz Partners",
                   "interests": {"parties": ["jp"]}}
                ]""");
    }

    @AfterEach
    void clearSmtp() {
        System.clearProperty("spring.mail.host");
        System.clearProperty("spring.mail.port");
        System.clearProperty("briefings.delivery.retry.initial-backoff");
    }

    private record Run(int code, String out, String err) {
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BriefingsCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Run runAndDistribute(Path out) {
        return cli("run", "--input", input.toString(), "--output", out.toString(), "--data", tmp.resolve("data").toString(),
                "--as-of", "2025-10-31", "--distribute");
    }

    private static String pdfText(InputStream pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.readAllBytes())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static List<Part> attachments(MimeMessage m) throws Exception {
        List<Part> parts = new ArrayList<>();
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(mp.getBodyPart(i).getDisposition())) {
                parts.add(mp.getBodyPart(i));
            }
        }
        return parts;
    }

    @Test
    void eachRecipientGetsOneMarkedCopyBySmtpAndASecondRunSendsNothing() throws Exception {
        System.setProperty("spring.mail.host", "127.0.0.1");
        System.setProperty("spring.mail.port", Integer.toString(smtp.getSmtp().getPort()));
        Path out = tmp.resolve("briefings/2025-10-31/nightly");
        Run first = runAndDistribute(out);
        // The bad recipient is reported and skipped: exit 3, the others are delivered.
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(3);
        assertThat(first.out()).contains("3 delivered now").contains("1 recipients rejected");
        assertThat(first.err()).contains("not-an-address");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        for (MimeMessage m : received) {
            assertThat(m.getAllRecipients()).hasSize(1);
            String to = ((InternetAddress) m.getAllRecipients()[0]).getAddress();
            List<Part> files = attachments(m);
            String text = pdfText(files.get(0).getInputStream());
            switch (to) {
                case "alice@example.org" -> {
                    assertThat(files).hasSize(1);
                    assertThat(text).contains("Prepared for Alice Archer, Archer Capital");
                }
                case "kenji@example.org" -> {
                    assertThat(files).extracting(Part::getFileName).containsExactly(
                            "critical-minerals-briefing-2025-10-31.pdf", "critical-minerals-briefing-2025-10-31.xlsx");
                    assertThat(text).contains("Prepared for Kenji Sato, 東京アセットマネジメント");
                    // The JP edition: only record d (USD 100.00 committed) is in scope.
                    assertThat(text).contains("Parties: JP").contains("100.00");
                }
                case "mara@example.org" -> assertThat(text).contains("Prepared for Mara Diaz").contains("Parties: JP");
                default -> throw new AssertionError("unexpected recipient " + to);
            }
            assertThat(m.getSubject()).contains("31 October 2025");
        }
        // One edition for the two JP readers, made once beside the master.
        assertThat(tmp.resolve("briefings/2025-10-31/party-jp/manifest.json")).exists();

        JsonNode log = JsonMapper.builder().build().readTree(out.resolve("deliveries.json").toFile());
        assertThat(log.get("deliveries")).hasSize(3);
        for (JsonNode d : log.get("deliveries")) {
            assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(d.get("copySha256").asString()).hasSize(64);
            assertThat(d.get("masterSha256").asString()).hasSize(64);
        }
        assertThat(log.get("rejectedRecipients")).hasSize(1);

        // Without --input: the recipients of the input the briefing was made from (not ./input of this process).
        Run again = cli("distribute", "--run", out.toString(), "--data", tmp.resolve("data").toString());
        assertThat(again.out()).as(again.out() + again.err())
                .contains("Recipients: " + input.toAbsolutePath().resolve("recipients.json")
                        + " (the input this briefing was made from)")
                .contains("0 delivered now, 3 already delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aBriefingWhoseManifestDoesNotNameItsInputNeedsInput() throws Exception {
        Path out = tmp.resolve("briefings/2025-10-31/nightly");
        assertThat(cli("run", "--input", input.toString(), "--output", out.toString(), "--data",
                tmp.resolve("data").toString(), "--as-of", "2025-10-31").code()).isZero();
        Path manifest = out.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"input\" : \"[^\"]*\",", ""));

        Run run = cli("distribute", "--run", out.toString(), "--data", tmp.resolve("data").toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("does not say which input the briefing was made from")
                .contains("--input DIR").doesNotContain("Exception");
    }

    @Test
    void withoutSmtpTheOutboxHoldsOneEmlPerRecipient() throws Exception {
        Path out = tmp.resolve("briefings/2025-10-31/nightly");
        Run first = runAndDistribute(out);
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(3);
        Path outbox = out.resolve("outbox");
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("alice.eml", "kenji.eml", "mara.eml");
        }
        try (InputStream in = Files.newInputStream(outbox.resolve("alice.eml"))) {
            MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
            assertThat(((InternetAddress) m.getAllRecipients()[0]).getAddress()).isEqualTo("alice@example.org");
            assertThat(pdfText(attachments(m).get(0).getInputStream())).contains("Prepared for Alice Archer");
        }
        // The master briefing is never altered.
        assertThat(pdfText(Files.newInputStream(out.resolve("briefing.pdf")))).doesNotContain("Prepared for Alice");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
