package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written slug check answers as the rule's regular expression does. */
class SlugTest {

    @Test
    void answersAsTheRegularExpression() {
        Pattern rule = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
        Random random = new Random(5);
        String alphabet = "ab09-Z_. \u00e9";
        int slugs = 0;
        for (int i = 0; i < 100_000; i++) {
            int length = random.nextInt(70);
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(random.nextInt(10) < 8 ? 5 : alphabet.length())));
            }
            String s = text.toString();
            boolean expected = rule.matcher(s).matches();
            slugs += expected ? 1 : 0;
            assertThat(RecordValidator.isSlug(s)).as("'%s'", s).isEqualTo(expected);
        }
        assertThat(slugs).isGreaterThan(10_000); // both answers were exercised
        assertThat(RecordValidator.isSlug("a".repeat(64))).isTrue();
        assertThat(RecordValidator.isSlug("a".repeat(65))).isFalse();
    }
}
