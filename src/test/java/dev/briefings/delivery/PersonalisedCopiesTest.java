package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.PdfAValidation;
import dev.briefings.briefing.SampleBriefings;
import dev.briefings.delivery.PersonalisedCopies.CopyResult;
import dev.briefings.render.pdf.PdfBriefingRenderer;

class PersonalisedCopiesTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 31);
    private static final Recipient HANAKO = new Recipient("tokyo-am", "山田 花子", "hanako@example.org",
            "東京アセットマネジメント", Interests.ALL, Set.of(Recipient.Format.PDF), true);
    private static final Recipient ANN = new Recipient("acme", "Ann Lee", "ann@example.com", "Acme Capital",
            Interests.ALL, Set.of(Recipient.Format.PDF), false);
    /** Written out by hand from the brief's format, not built by the code under test. */
    private static final String HANAKO_MARK =
            "Prepared for 山田 花子, 東京アセットマネジメント · as of 31 October 2025 · Confidential";
    private static final String ANN_MARK = "Prepared for Ann Lee, Acme Capital · as of 31 October 2025 · Confidential";
    private static final String PASSWORD = "Hydrangea-Ω-5520";

    @TempDir
    static Path shared;
    private static Path master;
    private static String masterSha;
    private static int masterPages;
    private static String masterTitle;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderMaster() throws IOException {
        master = shared.resolve("briefing.pdf");
        new PdfBriefingRenderer(Path.of("templates/default")).render(SampleBriefings.small(), master);
        masterSha = sha256(master);
        try (PDDocument doc = Loader.loadPDF(master.toFile())) {
            masterPages = doc.getNumberOfPages();
            masterTitle = doc.getDocumentInformation().getTitle();
        }
        assertThat(masterPages).isGreaterThan(1);
        assertThat(masterTitle).isNotBlank();
    }

    @Test
    void everyPageCarriesTheMarkWithAJapaneseName() throws IOException {
        CopyResult copy = PersonalisedCopies.personalise(master, HANAKO, AS_OF, null, dir.resolve("hanako.pdf"));

        List<String> pages = pageTexts(copy.file(), null);
        assertThat(pages).hasSize(masterPages).allSatisfy(text -> assertThat(text).contains(HANAKO_MARK));
    }

    @Test
    void theRecipientIsInTheDocumentInformationAndTheMastersIsKept() throws IOException {
        CopyResult copy = PersonalisedCopies.personalise(master, ANN, AS_OF, null, dir.resolve("ann.pdf"));

        try (PDDocument doc = Loader.loadPDF(copy.file().toFile())) {
            var info = doc.getDocumentInformation();
            assertThat(info.getCustomMetadataValue("Recipient")).isEqualTo("acme");
            assertThat(info.getKeywords()).endsWith(", recipient:acme");
            assertThat(info.getTitle()).isEqualTo(masterTitle);
        }
    }

    @Test
    void anUnencryptedCopyStaysPdfA2bWithXmpMatchingItsInformation() throws IOException {
        CopyResult copy = PersonalisedCopies.personalise(master, HANAKO, AS_OF, null, dir.resolve("hanako.pdf"));

        assertThat(PdfAValidation.pdfA2bFailures(copy.file())).isEmpty();
        try (PDDocument doc = Loader.loadPDF(copy.file().toFile())) {
            assertThat(PdfAValidation.claimedConformance(doc)).isEqualTo("2B");
            assertThat(PdfAValidation.infoXmpDisagreements(doc)).isEmpty();
            assertThat(doc.getDocumentInformation().getKeywords()).endsWith(", recipient:tokyo-am");
            assertThat(doc.getDocumentInformation().getSubject()).doesNotContain("not the archival");
            // The master's identifier entry is not carried over (the copy has an identifier of its own).
            assertThat(doc.getDocumentInformation().getMetadataKeys()).doesNotContain("FileId");
        }
    }

    @Test
    void anEncryptedCopySaysItIsNotTheArchivalFormAndClaimsNoConformance() throws IOException {
        CopyResult copy = PersonalisedCopies.personalise(master, HANAKO, AS_OF, PASSWORD.toCharArray(),
                dir.resolve("hanako.pdf"));

        try (PDDocument doc = Loader.loadPDF(copy.file().toFile(), PASSWORD)) {
            assertThat(doc.getDocumentInformation().getSubject())
                    .startsWith("Investor briefing, nightly edition, as of 31 October 2025")
                    .endsWith("(encrypted personal copy, not the archival PDF/A-2b form)");
            assertThat(PdfAValidation.claimedConformance(doc)).isEmpty();
            assertThat(PdfAValidation.infoXmpDisagreements(doc)).isEmpty();
        }
        assertThat(PdfAValidation.pdfA2bFailures(copy.file())).isNotEmpty();
    }

    @Test
    void theResultDescribesTheFileAndTheMasterIsUnchanged() throws IOException {
        Path out = dir.resolve("ann.pdf");
        CopyResult copy = PersonalisedCopies.personalise(master, ANN, AS_OF, null, out);

        assertThat(copy.file()).isEqualTo(out.toAbsolutePath());
        assertThat(copy.bytes()).isEqualTo(Files.size(out));
        assertThat(copy.sha256()).isEqualTo(sha256(out));
        assertThat(sha256(master)).isEqualTo(masterSha);
        // Only the copy is left behind: no partial temp file.
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void aProtectedCopyOpensOnlyWithThePasswordAndAllowsPrintingOnly() throws IOException {
        CopyResult copy = PersonalisedCopies.personalise(master, HANAKO, AS_OF, PASSWORD.toCharArray(),
                dir.resolve("hanako.pdf"));

        assertThatThrownBy(() -> Loader.loadPDF(copy.file().toFile()).close())
                .isInstanceOf(InvalidPasswordException.class);
        assertThatThrownBy(() -> Loader.loadPDF(copy.file().toFile(), "wrong").close())
                .isInstanceOf(InvalidPasswordException.class);
        try (PDDocument doc = Loader.loadPDF(copy.file().toFile(), PASSWORD)) {
            assertThat(doc.isEncrypted()).isTrue();
            assertThat(doc.getEncryption().getLength()).isEqualTo(256);
            assertThat(doc.getEncryption().getSecurityHandler().getClass().getSimpleName())
                    .isEqualTo("StandardSecurityHandler");
            var permissions = doc.getCurrentAccessPermission();
            assertThat(permissions.isOwnerPermission()).isFalse();
            assertThat(permissions.canPrint()).isTrue();
            assertThat(permissions.canModify()).isFalse();
            assertThat(permissions.canExtractContent()).isFalse();
            assertThat(permissions.canAssembleDocument()).isFalse();
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("Recipient")).isEqualTo("tokyo-am");
        }
        assertThat(pageTexts(copy.file(), PASSWORD)).allSatisfy(text -> assertThat(text).contains(HANAKO_MARK));
        assertThat(sha256(master)).isEqualTo(masterSha);
    }

    @Test
    void copiesForTwoRecipientsDifferAndEachNamesOnlyItsOwn() throws IOException {
        CopyResult ann = PersonalisedCopies.personalise(master, ANN, AS_OF, null, dir.resolve("ann.pdf"));
        CopyResult hanako = PersonalisedCopies.personalise(master, HANAKO, AS_OF, null, dir.resolve("hanako.pdf"));

        assertThat(ann.sha256()).isNotEqualTo(hanako.sha256());
        String annText = String.join("\n", pageTexts(ann.file(), null));
        String hanakoText = String.join("\n", pageTexts(hanako.file(), null));
        assertThat(annText).contains(ANN_MARK).doesNotContain("山田").doesNotContain("東京アセットマネジメント");
        assertThat(hanakoText).contains(HANAKO_MARK).doesNotContain("Ann Lee").doesNotContain("Acme Capital");
    }

    @Test
    void anExistingCopyIsReplaced() throws IOException {
        Path out = dir.resolve("copy.pdf");
        PersonalisedCopies.personalise(master, HANAKO, AS_OF, null, out);
        CopyResult second = PersonalisedCopies.personalise(master, ANN, AS_OF, null, out);

        assertThat(String.join("\n", pageTexts(out, null))).contains(ANN_MARK).doesNotContain("山田");
        assertThat(second.sha256()).isEqualTo(sha256(out));
    }

    @Test
    void aVeryLongNameIsShrunkAndShortenedButStaysOnOneLine() throws IOException {
        var longName = new Recipient("long", "Maximilian " + "Alexander-".repeat(30) + "Smith", "m@example.org",
                "Very Long Organization Name Holdings", Interests.ALL, Set.of(Recipient.Format.PDF), false);

        CopyResult copy = PersonalisedCopies.personalise(master, longName, AS_OF, null, dir.resolve("long.pdf"));

        assertThat(pageTexts(copy.file(), null)).allSatisfy(text -> assertThat(text)
                .contains("Prepared for Maximilian Alexander-").contains("…").doesNotContain("Smith"));
    }

    @Test
    void copiesMadeOnSeveralThreadsAtOnceAreEachCorrect() throws Exception {
        var recipients = new ArrayList<Recipient>();
        for (int i = 0; i < 8; i++) {
            recipients.add(new Recipient("r-" + i, "Reader Number " + i, "r" + i + "@example.org", "Firm " + i,
                    Interests.ALL, Set.of(Recipient.Format.PDF), i % 2 == 0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<CopyResult>>();
            for (Recipient r : recipients) {
                futures.add(pool.submit(() -> PersonalisedCopies.personalise(master, r, AS_OF,
                        r.protect() ? (PASSWORD + r.id()).toCharArray() : null, dir.resolve(r.id() + ".pdf"))));
            }
            for (int i = 0; i < recipients.size(); i++) {
                Recipient r = recipients.get(i);
                CopyResult copy = futures.get(i).get();
                String expected = "Prepared for Reader Number " + i + ", Firm " + i
                        + " · as of 31 October 2025 · Confidential";
                assertThat(pageTexts(copy.file(), r.protect() ? PASSWORD + r.id() : null))
                        .hasSize(masterPages).allSatisfy(text -> assertThat(text).contains(expected));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sha256(master)).isEqualTo(masterSha);
    }

    @Test
    void refusesToOverwriteTheMasterOrToProtectWithAnEmptyPassword() {
        assertThatThrownBy(() -> PersonalisedCopies.personalise(master, ANN, AS_OF, null, master))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalisedCopies.personalise(master, ANN, AS_OF, new char[0], dir.resolve("x.pdf")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void aMissingMasterIsNamed() {
        Path missing = dir.resolve("none.pdf");
        assertThatThrownBy(() -> PersonalisedCopies.personalise(missing, ANN, AS_OF, null, dir.resolve("x.pdf")))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void theInformationKeepsEveryMasterEntry() {
        var info = PersonalisedCopies.info(java.util.Map.of("Title", "T", "Keywords", "a, b"), "acme", false);
        assertThat(info).containsEntry("Title", "T").containsEntry("Keywords", "a, b, recipient:acme")
                .containsEntry("Recipient", "acme");
        assertThat(PersonalisedCopies.info(java.util.Map.of(), "acme", false)).containsEntry("Keywords", "recipient:acme");
    }

    private static List<String> pageTexts(Path pdf, String password) throws IOException {
        try (PDDocument doc = password == null ? Loader.loadPDF(pdf.toFile()) : Loader.loadPDF(pdf.toFile(), password)) {
            var texts = new ArrayList<String>();
            var stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(doc));
            }
            return texts;
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
