package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.briefing.SampleBriefings;
import dev.briefings.intake.ConfigurationException;

class MailComposerTest {

    private final MailComposer composer = new MailComposer(MailFixtures.TEMPLATES);

    @Test
    void subjectAndBodiesStateDateFiguresAndName() {
        Composed mail = composer.compose(MailFixtures.recipient("alice", "Alice Example"), SampleBriefings.small(), "nightly");

        // SampleBriefings.small(): as of 2025-10-31; committed 1,250,000.00; proposed 975,000,000.00; 4 included; 1 high risk.
        assertThat(mail.subject()).contains("31 October 2025", "USD 1.25 million", "Alice Example")
                .doesNotContain("\n", "\r");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("Alice Example", "31 October 2025", "USD 1,250,000.00", "USD 975,000,000.00",
                    "nightly");
        }
        assertThat(mail.text()).containsPattern("Initiatives in scope:\\s+4\\b").containsPattern("High risks:\\s+1\\b");
        assertThat(mail.html()).containsPattern("Initiatives in scope</th>\\s*<td[^>]*>4</td>")
                .containsPattern("High risks</th>\\s*<td[^>]*>1</td>");
    }

    @Test
    void htmlEscapesNames() {
        Composed mail = composer.compose(MailFixtures.recipient("bob", "<b>Bob</b> & Co"), SampleBriefings.small(), "nightly");

        assertThat(mail.html()).contains("&lt;b&gt;Bob&lt;/b&gt; &amp; Co").doesNotContain("<b>Bob</b>");
        // The text body is plain text: the name as given.
        assertThat(mail.text()).contains("Dear <b>Bob</b> & Co,");
    }

    @Test
    void missingTemplateNamesTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(MailComposer.SUBJECT), "Subject");
        Files.writeString(dir.resolve(MailComposer.HTML), "<p>x</p>");

        assertThatThrownBy(() -> new MailComposer(dir)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(MailComposer.TEXT);
    }

    @Test
    void brokenTemplateNamesTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(MailComposer.SUBJECT), "Briefing [(${model.meta().asOf(})]");
        Files.writeString(dir.resolve(MailComposer.TEXT), "Text");
        Files.writeString(dir.resolve(MailComposer.HTML), "<p>x</p>");
        var broken = new MailComposer(dir);

        assertThatThrownBy(() -> broken.compose(MailFixtures.recipient("a", "A"), SampleBriefings.small(), "nightly"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(MailComposer.SUBJECT);
    }

    @Test
    void controlCharactersFromTheTemplatesBecomeReplacementCharacters(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(MailComposer.SUBJECT), "Brief\u0007ing [(${recipient.name()})]");
        Files.writeString(dir.resolve(MailComposer.TEXT), "Dear\u0000 [(${recipient.name()})],\n\tregards");
        Files.writeString(dir.resolve(MailComposer.HTML), "<p>Dear\u001b[2J <span th:text=\"${recipient.name()}\">x</span></p>");

        Composed mail = new MailComposer(dir).compose(MailFixtures.recipient("a", "Ann"), SampleBriefings.small(), "nightly");

        assertThat(mail.subject()).isEqualTo("Brief\uFFFDing Ann");
        assertThat(mail.text()).isEqualTo("Dear\uFFFD Ann,\n\tregards");
        assertThat(mail.html()).isEqualTo("<p>Dear\uFFFD[2J <span>Ann</span></p>");
    }
}
