package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.delivery.Recipient.Format;
import dev.briefings.intake.ConfigurationException;

class RecipientsFileTest {

    /** Distinctive, so that a leak into any message is unmistakable. */
    private static final String PASSWORD = "Zq7!tangerine-Kestrel-4471";
    private static final PasswordSource NONE = PasswordSource.of(Map.of(), null);

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("recipients.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String entry(String id, String extra) {
        return "{\"id\": \"" + id + "\", \"name\": \"Ann Lee\", \"email\": \"ann@example.org\", "
                + "\"organization\": \"Acme Capital\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private List<String> reasonsFor(String json) throws IOException {
        Recipients recipients = RecipientsFile.load(write("[" + json + "]"), NONE);
        assertThat(recipients.accepted()).isEmpty();
        assertThat(recipients.rejected()).hasSize(1);
        return recipients.rejected().get(0).reasons();
    }

    @Test
    void theSampleFileLoadsCompletely() {
        Recipients recipients = RecipientsFile.load(Path.of("input/recipients.json"), NONE);

        assertThat(recipients.rejected()).isEmpty();
        assertThat(recipients.accepted()).extracting(Recipient::id).containsExactly("harbor-point-capital",
                "tokyo-asset-management", "northfield-resources-fund", "cedar-ridge-partners");
        Recipient tokyo = recipients.accepted().get(1);
        assertThat(tokyo.organization()).isEqualTo("東京アセットマネジメント");
        assertThat(tokyo.interests().parties()).containsExactly("JP");
        assertThat(recipients.accepted().get(2).interests().stages()).containsExactly("MINING", "PROCESSING");
        assertThat(recipients.accepted().get(3).formats()).containsExactlyInAnyOrder(Format.PDF, Format.XLSX);
        assertThat(recipients.accepted()).noneMatch(Recipient::protect);
    }

    @Test
    void namesWithControlCharactersOrLineBreaksAreRejectedWithTheFieldAndShownEscaped() throws IOException {
        // JSON escapes: a line break in a name would split the mail header and the one-line mark on every page.
        String json = "{\"id\": \"ann\", \"name\": \"Ann\\nBcc: x@evil.example\", \"email\": \"ann@example.org\", "
                + "\"organization\": \"Acme\\u0007\", \"interests\": {\"minerals\": [\"nd\\u001bpr\"]}}";
        assertThat(reasonsFor(json)).containsExactly(
                "`name` contains the control character U+000A at character 4; remove it",
                "`organization` contains the control character U+0007 at character 5; remove it",
                "interests.minerals[0] contains the control character U+001B at character 3; remove it");
    }

    @Test
    void defaultsAreAllRecordsPdfOnlyAndUnprotected() throws IOException {
        Recipients recipients = RecipientsFile.load(write("[" + entry("ann", "") + "]"), NONE);

        assertThat(recipients.rejected()).isEmpty();
        Recipient ann = recipients.accepted().get(0);
        assertThat(ann).isEqualTo(new Recipient("ann", "Ann Lee", "ann@example.org", "Acme Capital", Interests.ALL,
                Set.of(Format.PDF), false));
    }

    @Test
    void formatsAndInterestsAreCaseInsensitive() throws IOException {
        Recipients recipients = RecipientsFile.load(write("[" + entry("ann",
                "\"formats\": [\"XLSX\", \"Pdf\"], \"interests\": {\"parties\": [\"jp\", \"AU\"], "
                        + "\"stages\": [\"refining\"], \"kinds\": [\"Partnership\"], \"minerals\": [\"Gallium\"]}")
                + "]"), NONE);

        Recipient ann = recipients.accepted().get(0);
        assertThat(ann.formats()).containsExactlyInAnyOrder(Format.PDF, Format.XLSX);
        assertThat(ann.interests()).isEqualTo(new Interests(List.of("AU", "JP"), List.of("REFINING"),
                List.of("PARTNERSHIP"), List.of("gallium")));
    }

    @Test
    void missingAndBlankRequiredFieldsAreEachReported() throws IOException {
        assertThat(reasonsFor("{\"email\": \" \", \"name\": 7}")).containsExactly(
                "`id` is missing", "`name` must be a string, found a number", "`email` is blank",
                "`organization` is missing");
    }

    @Test
    void anEntryThatIsNotAnObjectHasNoId() throws IOException {
        Recipients recipients = RecipientsFile.load(write("[" + entry("ann", "") + ", \"bob@example.org\"]"), NONE);

        assertThat(recipients.accepted()).extracting(Recipient::id).containsExactly("ann");
        RecipientProblem problem = recipients.rejected().get(0);
        assertThat(problem).isEqualTo(new RecipientProblem("[1]", null,
                List.of("a recipient must be an object, found a string")));
    }

    @Test
    void anIdMustBeASlug() throws IOException {
        Recipients recipients = RecipientsFile.load(write("[" + entry("Ann Lee", "") + "]"), NONE);

        RecipientProblem problem = recipients.rejected().get(0);
        assertThat(problem.id()).isEqualTo("Ann Lee");
        assertThat(problem.reasons()).singleElement().asString().startsWith("`id` 'Ann Lee' is not a valid id");
        assertThat(reasonsFor(entry("-ann", ""))).hasSize(1);
        assertThat(reasonsFor(entry("a".repeat(65), ""))).hasSize(1);
    }

    @Test
    void badEmailAddressesAreRejected() throws IOException {
        for (String email : List.of("not-an-address", "ann@localhost", "Ann Lee <ann@example.org>",
                "<ann@example.org>", "ann@example.org, bob@example.org", "ann@@example.org", "ann@example.org.")) {
            String json = "{\"id\": \"ann\", \"name\": \"Ann\", \"email\": \"" + email + "\", \"organization\": \"A\"}";
            assertThat(reasonsFor(json)).as(email).singleElement().asString()
                    .startsWith("`email` '" + email + "' is not a valid e-mail address: ");
        }
    }

    @Test
    void aDuplicateIdIsRejectedAndTheFirstWins() throws IOException {
        Recipients recipients = RecipientsFile.load(write("[" + entry("ann", "") + ", " + entry("bob", "") + ", "
                + entry("ann", "\"formats\": [\"xlsx\"]") + "]"), NONE);

        assertThat(recipients.accepted()).extracting(Recipient::id).containsExactly("ann", "bob");
        assertThat(recipients.accepted().get(0).formats()).containsExactly(Format.PDF);
        assertThat(recipients.rejected()).containsExactly(new RecipientProblem("[2]", "ann",
                List.of("duplicate id 'ann': already used by the recipient at [0]")));
    }

    @Test
    void aMisplacedFilterRejectsTheRecipientInsteadOfSendingItEverything() throws IOException {
        // "parties" beside "interests" instead of in it: without the check this recipient got the full nightly.
        Recipients recipients = RecipientsFile.load(write("[" + entry("ann", "\"parties\": [\"JP\"]") + ", "
                + entry("bob", "\"interests\": {\"parties\": [\"JP\"], \"stage\": [\"MINING\"]}, \"emial\": \"x\"") + ", "
                + entry("cy", "\"colour\": \"blue\"") + "]"), NONE);

        assertThat(recipients.accepted()).isEmpty();
        assertThat(recipients.rejected()).extracting(RecipientProblem::reasons).containsExactly(
                List.of("unknown field `parties`: did you mean `interests.parties`? (this recipient is not sent anything"
                        + " until the file is fixed)"),
                List.of("unknown field `emial`: did you mean `email`? (this recipient is not sent anything until the file"
                        + " is fixed)",
                        "unknown field `interests.stage`: did you mean `interests.stages`? (this recipient is not sent"
                                + " anything until the file is fixed)"),
                List.of("unknown field `colour` (this recipient is not sent anything until the file is fixed)"));
    }

    @Test
    void unknownInterestValuesAndFormatsAreNamed() throws IOException {
        List<String> reasons = reasonsFor(entry("ann", "\"interests\": {\"parties\": [\"US\", \"XX\"], "
                + "\"stages\": [\"MINNING\"], \"kinds\": [\"HEDGE_FUND\"], \"minerals\": [\" \"]}, "
                + "\"formats\": [\"pdf\", \"docx\"]"));

        assertThat(reasons).containsExactly(
                "interests.parties[1] 'XX' is not an ISO 3166 alpha-2 country code such as US or JP",
                "interests.stages[0] 'MINNING' is not one of MINING, PROCESSING, REFINING, MAGNETS, RECYCLING, "
                        + "STOCKPILING, RESEARCH",
                "interests.kinds[0] 'HEDGE_FUND' is not one of PARTNERSHIP, FEDERAL_PROGRAM, LEGISLATION, "
                        + "PRIVATE_PROJECT, RESEARCH_AGREEMENT, STOCKPILE",
                "interests.minerals[0] must be a non-blank string, found a blank string",
                "formats[1] 'docx' is not one of pdf, xlsx");
    }

    @Test
    void wrongShapesAreReported() throws IOException {
        assertThat(reasonsFor(entry("ann", "\"interests\": [\"JP\"], \"formats\": \"pdf\", \"protect\": \"yes\"")))
                .containsExactly("`interests` must be an object, found an array",
                        "`formats` must be an array, found a string", "`protect` must be true or false, found a string");
        assertThat(reasonsFor(entry("ann", "\"formats\": []"))).singleElement().asString()
                .startsWith("`formats` is empty");
    }

    @Test
    void protectWithoutAPasswordIsRejectedWithHowToFixIt() throws IOException {
        assertThat(reasonsFor(entry("acme-fund", "\"protect\": true"))).containsExactly(
                "`protect` is true but no password is configured for 'acme-fund': set "
                        + "BRIEFINGS_PDF_PASSWORD_ACME_FUND or add acme-fund to the secrets file");
    }

    @Test
    void protectWithAPasswordIsAccepted() throws IOException {
        var passwords = PasswordSource.of(Map.of("BRIEFINGS_PDF_PASSWORD_ACME_FUND", PASSWORD), null);

        Recipients recipients = RecipientsFile.load(write("[" + entry("acme-fund", "\"protect\": true") + "]"), passwords);

        assertThat(recipients.rejected()).isEmpty();
        assertThat(recipients.accepted().get(0).protect()).isTrue();
    }

    @Test
    void everyReasonOfAnEntryIsCollected() throws IOException {
        List<String> reasons = reasonsFor("{\"id\": \"x y\", \"email\": \"nope\", \"organization\": \"\", "
                + "\"formats\": [\"txt\"], \"protect\": true}");

        // No password check for an id that is not valid: it could not name the variable correctly.
        assertThat(reasons).hasSize(5);
        assertThat(reasons.get(0)).startsWith("`id` 'x y'");
        assertThat(reasons.get(1)).isEqualTo("`name` is missing");
        assertThat(reasons.get(2)).startsWith("`email` 'nope'");
        assertThat(reasons.get(3)).isEqualTo("`organization` is blank");
        assertThat(reasons.get(4)).isEqualTo("formats[0] 'txt' is not one of pdf, xlsx");
    }

    @Test
    void aMissingFileNamesIt() {
        Path missing = dir.resolve("nowhere.json");
        assertThatThrownBy(() -> RecipientsFile.load(missing, NONE))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(missing.toString())
                .hasMessageContaining("not found");
    }

    @Test
    void malformedJsonGivesLineAndColumn() throws IOException {
        Path file = write("[\n  {\"id\": \"ann\",\n   \"name\": }\n]");
        assertThatThrownBy(() -> RecipientsFile.load(file, NONE))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("is not valid JSON at line 3, column 12");
    }

    @Test
    void trailingContentIsNotJson() throws IOException {
        Path file = write("[]\n[]");
        assertThatThrownBy(() -> RecipientsFile.load(file, NONE))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is not valid JSON at line 2");
    }

    @Test
    void theTopLevelMustBeAnArray() throws IOException {
        Path file = write("{\"recipients\": []}");
        assertThatThrownBy(() -> RecipientsFile.load(file, NONE))
                .isInstanceOf(ConfigurationException.class).hasMessage("Recipients file " + file
                        + " must hold a JSON array of recipients, found an object");
    }

    @Test
    void anEmptyArrayHasNoRecipients() throws IOException {
        assertThat(RecipientsFile.load(write("[]"), NONE)).isEqualTo(new Recipients(List.of(), List.of()));
    }

    // --- passwords

    @Test
    void theEnvironmentWinsOverTheSecretsFile() throws IOException {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "acme-fund=from-file\nbeta=beta-file\n");
        var passwords = PasswordSource.of(Map.of("BRIEFINGS_PDF_PASSWORD_ACME_FUND", "from-env", "PATH", "/bin"),
                secrets);

        assertThat(passwords.passwordFor("acme-fund")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from-env"));
        assertThat(passwords.passwordFor("beta")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("beta-file"));
        assertThat(passwords.passwordFor("gamma")).isEmpty();
    }

    @Test
    void anEmptyPasswordIsNone() throws IOException {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "acme-fund=from-file\nbeta=\n");
        var passwords = PasswordSource.of(Map.of("BRIEFINGS_PDF_PASSWORD_ACME_FUND", "",
                "BRIEFINGS_PDF_PASSWORD_BETA", ""), secrets);

        // An empty variable does not hide the file's password; an empty file entry is no password.
        assertThat(passwords.passwordFor("acme-fund")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from-file"));
        assertThat(passwords.passwordFor("beta")).isEmpty();
    }

    @Test
    void eachCallGivesAFreshArrayTheCallerMayWipe() {
        var passwords = PasswordSource.of(Map.of("BRIEFINGS_PDF_PASSWORD_ANN", PASSWORD), null);
        char[] first = passwords.passwordFor("ann").orElseThrow();
        java.util.Arrays.fill(first, '\0');
        assertThat(new String(passwords.passwordFor("ann").orElseThrow())).isEqualTo(PASSWORD);
    }

    @Test
    void aMissingSecretsFileNamesIt() {
        Path missing = dir.resolve("secrets.properties");
        assertThatThrownBy(() -> PasswordSource.of(Map.of(), missing))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void theVariableNameFollowsTheId() {
        assertThat(PasswordSource.environmentVariable("tokyo-am-2")).isEqualTo("BRIEFINGS_PDF_PASSWORD_TOKYO_AM_2");
    }

    @Test
    void noMessageOrToStringContainsAPassword() throws IOException {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "bob=" + PASSWORD + "\n");
        var passwords = PasswordSource.of(Map.of("BRIEFINGS_PDF_PASSWORD_ANN", PASSWORD), secrets);
        Recipients recipients = RecipientsFile.load(write("[" + entry("ann", "\"protect\": true") + ", "
                + entry("bob", "\"protect\": true, \"email\": \"bad\"") + ", "
                + entry("carol", "\"protect\": true") + "]"), passwords);

        var texts = new ArrayList<String>();
        texts.add(passwords.toString());
        texts.add(recipients.toString());
        recipients.rejected().forEach(r -> texts.addAll(r.reasons()));
        try {
            // A malformed secrets file: its error must not quote the line either.
            Files.writeString(secrets, "bob=" + PASSWORD + "\\u12\n");
            PasswordSource.of(Map.of(), secrets);
        } catch (ConfigurationException e) {
            texts.add(e.getMessage());
        }

        assertThat(recipients.accepted()).extracting(Recipient::id).containsExactly("ann");
        assertThat(recipients.rejected()).extracting(RecipientProblem::id).containsExactly("bob", "carol");
        assertThat(texts).hasSizeGreaterThanOrEqualTo(5).noneMatch(t -> t.contains(PASSWORD));
    }
}
