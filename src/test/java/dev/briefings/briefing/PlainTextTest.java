package dev.briefings.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void controlCharactersOtherThanTabAndLineBreaksAreNotText() {
        for (char c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(PlainText.isClean("a" + c + "b")).as("U+%04X", (int) c).isEqualTo(allowed);
        }
        assertThat(PlainText.isClean("a\u007Fb")).isFalse();
        assertThat(PlainText.isClean("a\u0085b")).isFalse();
        assertThat(PlainText.isClean("a\uFFFEb")).isFalse();
        assertThat(PlainText.isClean("a\uD800b")).isFalse(); // a high surrogate alone
        assertThat(PlainText.isClean("a\uDC00")).isFalse(); // a low surrogate alone
        assertThat(PlainText.isClean("東京 ・ 🙂 é \u00A0")).isTrue();
    }

    @Test
    void theProblemNamesTheCharacterAndWhereItIsCountedAsAnEditorDoes() {
        assertThat(PlainText.problem("Bad\u0001title")).isEqualTo("contains the control character U+0001 at character 4");
        // The emoji is two UTF-16 units but one character.
        assertThat(PlainText.problem("🙂\u0007")).isEqualTo("contains the control character U+0007 at character 2");
        assertThat(PlainText.problem("x\uD800")).isEqualTo("contains an unpaired surrogate U+D800 at character 2");
        assertThat(PlainText.problem("line\nbreak")).isNull();
        assertThat(PlainText.lineProblem("line\nbreak")).isEqualTo("contains the control character U+000A at character 5");
    }

    @Test
    void cleanedReplacesOnlyForbiddenCharacters() {
        assertThat(PlainText.cleaned("a\u0000b\tc\uD800d🙂")).isEqualTo("a\uFFFDb\tc\uFFFDd🙂");
        String clean = "nothing to do";
        assertThat(PlainText.cleaned(clean)).isSameAs(clean);
    }

    @Test
    void visibleWritesEveryControlCharacterAsAnEscape() {
        assertThat(PlainText.visible("a\u001b[31mb\nc")).isEqualTo("a\\u001B[31mb\\u000Ac");
        assertThat(PlainText.visible("東京🙂")).isEqualTo("東京🙂");
    }
}
