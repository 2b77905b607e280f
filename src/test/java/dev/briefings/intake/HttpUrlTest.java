package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The quick check of plain addresses never accepts what java.net.URI's parse refuses. */
class HttpUrlTest {

    @Test
    void plainAddressesAreAcceptedWithoutTheFullParse() {
        for (String url : List.of("https://www.energy.gov/articles/doe-announces", "http://example.com",
                "https://a.b-c.org:8443/x/y?q=1&r=%20#top", "https://sub1.example.co.uk/path;p=1/~user/(x)*!$'+,@:",
                "https://example.com?x=/y?z", "https://example.com#frag?x/y", "https://x9.example.com/", "http://localhost/")) {
            assertThat(RecordValidator.isPlainHttpUrl(url)).as(url).isTrue();
            assertThat(RecordValidator.isHttpUri(url)).as(url).isTrue();
        }
    }

    @Test
    void otherTextIsLeftToTheFullParseWhichDecidesAsBefore() {
        // Addresses URI accepts that the quick check leaves to it: an upper-case scheme, an IP address, user info.
        for (String url : List.of("HTTPS://example.com/", "http://192.168.0.1/x", "https://user@example.com/",
                "https://example.com/caf\u00e9")) {
            assertThat(RecordValidator.isPlainHttpUrl(url)).as(url).isFalse();
            assertThat(RecordValidator.isHttpUrl(url)).as(url).isTrue();
        }
        for (String url : List.of("https://", "https://-a.com/", "https://a-.com/", "https://a..com/", "https://a.1com/",
                "https://example.com:/", "https://example.com:123456/", "https://example.com/a b", "https://example.com/%2",
                "https://example.com/%zz", "https://example.com/#a#b", "https://example.com/[x]", "ftp://example.com/",
                "https:example.com", "https://example.com\\x", "https://example.com/\u0000", "www.example.com")) {
            assertThat(RecordValidator.isPlainHttpUrl(url)).as(url).isFalse();
            assertThat(RecordValidator.isHttpUrl(url)).as(url).isEqualTo(RecordValidator.isHttpUri(url));
        }
    }

    @Test
    void onRandomTextTheQuickCheckNeverAcceptsWhatUriRefuses() {
        Random random = new Random(11);
        String alphabet = "abcXYZ019-._~!$&'()*+,;=:@/?#%[] \\\"<>^`{|}\u00e9\u0001";
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
            int hostLength = random.nextInt(12);
            for (int j = 0; j < hostLength; j++) {
                url.append("ab9-.".charAt(random.nextInt(5)));
            }
            int rest = random.nextInt(14);
            for (int j = 0; j < rest; j++) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = url.toString();
            if (RecordValidator.isPlainHttpUrl(text)) {
                accepted.add(text);
                assertThat(RecordValidator.isHttpUri(text)).as(text).isTrue();
            }
            assertThat(RecordValidator.isHttpUrl(text)).as(text).isEqualTo(RecordValidator.isHttpUri(text));
        }
        assertThat(accepted).hasSizeGreaterThan(1000); // the quick check was exercised, not only refused
    }
}
