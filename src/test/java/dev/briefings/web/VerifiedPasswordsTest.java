package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.briefings.MutableClock;

/** A verified password is not checked again for a while; a wrong one always is. */
class VerifiedPasswordsTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    @Test
    void rightPasswordsAreRememberedWrongOnesNever() {
        MutableClock clock = new MutableClock(Instant.parse("2025-10-31T10:00:00Z"));
        var encoder = new VerifiedPasswords(counting, clock);
        String hash = bcrypt.encode("analyst-password");

        assertThat(encoder.matches("analyst-password", hash)).isTrue();
        assertThat(encoder.matches("analyst-password", hash)).isTrue();
        assertThat(encoder.matches("analyst-password", hash)).isTrue();
        assertThat(checks.get()).isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            assertThat(encoder.matches("wrong-password", hash)).isFalse();
        }
        assertThat(checks.get()).isEqualTo(4);

        // A new password for the user (a new hash) is checked, and the old one does not pass against it.
        String newHash = bcrypt.encode("new-password");
        assertThat(encoder.matches("analyst-password", newHash)).isFalse();
        assertThat(checks.get()).isEqualTo(5);

        // After a while, the right password is checked once more.
        clock.advance(VerifiedPasswords.REMEMBER.plusSeconds(1));
        assertThat(encoder.matches("analyst-password", hash)).isTrue();
        assertThat(checks.get()).isEqualTo(6);
    }
}
