package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import dev.briefings.web.ThrottledSignIn.SignInThrottledException;

import dev.briefings.MutableClock;

/** Failed sign-ins make the account and the address wait, never for good, in bounded memory. */
class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-31T10:00:00Z"));

    /** 3 failures per account, 5 per address, then 30 s doubling up to 4 min; forgotten after an hour. */
    private SignInThrottle throttle(int tracked) {
        return new SignInThrottle(new WebProperties.SignIn(3, 5, Duration.ofSeconds(30), Duration.ofMinutes(4),
                Duration.ofHours(1), tracked), clock);
    }

    @Test
    void anAccountWaitsAfterItsAllowedFailuresAndEachFurtherFailureDoublesTheWaitUpToTheCap() {
        SignInThrottle t = throttle(100);
        t.failed("analyst", "10.0.0.1");
        t.failed("analyst", "10.0.0.2");
        assertThat(t.waitFor("analyst", "10.0.0.3")).isZero();
        t.failed("analyst", "10.0.0.3");
        // Three failures from three addresses: the account waits, from any address; another account does not.
        assertThat(t.waitFor("analyst", "10.0.0.9")).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.waitFor("admin", "10.0.0.9")).isZero();
        clock.advance(Duration.ofSeconds(29));
        assertThat(t.waitFor("analyst", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(t.waitFor("analyst", "10.0.0.9")).isZero();
        // 4th failure: 60 s; 5th: 120 s; 6th: 240 s; 7th: still 240 s (the cap).
        long[] waits = {60, 120, 240, 240};
        for (long expected : waits) {
            t.failed("analyst", "10.0.0.9");
            assertThat(t.waitFor("analyst", "10.0.0.10")).isEqualTo(Duration.ofSeconds(expected));
            clock.advance(Duration.ofSeconds(expected));
            assertThat(t.waitFor("analyst", "10.0.0.10")).isZero();
        }
    }

    @Test
    void accountNamesDifferingOnlyInCaseAreOneAccount() {
        SignInThrottle t = throttle(100);
        t.failed("Analyst", "10.0.0.1");
        t.failed("ANALYST", "10.0.0.2");
        t.failed("analyst", "10.0.0.3");
        assertThat(t.waitFor("aNaLySt", "10.0.0.4")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anAddressWaitsAfterItsAllowedFailuresWhateverTheAccounts() {
        SignInThrottle t = throttle(100);
        for (int i = 0; i < 5; i++) {
            t.failed("guess" + i, "192.0.2.7");
        }
        assertThat(t.waitFor("analyst", "192.0.2.7")).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.waitFor("analyst", "192.0.2.8")).isZero();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        SignInThrottle t = throttle(100);
        t.failed("mallory", "192.0.2.7");
        t.failed("mallory", "192.0.2.7");
        t.succeeded("mallory");
        // The account starts again: two more failures are still allowed before a wait.
        t.failed("mallory", "192.0.2.7");
        t.failed("mallory", "192.0.2.8");
        assertThat(t.waitFor("mallory", "192.0.2.9")).isZero();
        // The address kept its count: 3 from it so far, 2 more and it waits.
        t.failed("eve", "192.0.2.7");
        assertThat(t.waitFor("eve", "192.0.2.7")).isZero();
        t.failed("trent", "192.0.2.7");
        assertThat(t.waitFor("trent", "192.0.2.7")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        SignInThrottle t = throttle(100);
        for (int i = 0; i < 6; i++) {
            t.failed("analyst", "10.0.0.1");
        }
        // Six failures: 30 s doubled three times, 240 s (the cap).
        assertThat(t.waitFor("analyst", "10.0.0.1")).isEqualTo(Duration.ofSeconds(240));
        clock.advance(Duration.ofSeconds(3599));
        assertThat(t.waitFor("analyst", "10.0.0.1")).isZero();
        t.failed("analyst", "10.0.0.1");
        t.failed("analyst", "10.0.0.1");
        // 3,599 s after the sixth failure they still counted: eight failures, so the cap.
        assertThat(t.waitFor("analyst", "10.0.0.1")).isEqualTo(Duration.ofSeconds(240));
        clock.advance(Duration.ofSeconds(3600));
        t.failed("analyst", "10.0.0.1");
        // An hour after the last one they are gone: this one is the first again.
        assertThat(t.waitFor("analyst", "10.0.0.1")).isZero();
        t.failed("analyst", "10.0.0.1");
        assertThat(t.waitFor("analyst", "10.0.0.1")).isZero();
    }

    @Test
    void memoryIsBoundedAndTheLeastRecentlyFailedAreDroppedFirst() {
        SignInThrottle t = throttle(100);
        for (int i = 0; i < 3; i++) {
            t.failed("victim", "198.51.100.1");
        }
        // 99 other names (and addresses) fit beside the victim in 100 entries: it still waits.
        for (int i = 0; i < 99; i++) {
            t.failed("name" + i, "203.0.113." + i);
        }
        assertThat(t.waitFor("victim", "198.51.100.2")).isEqualTo(Duration.ofSeconds(30));
        // The 100th pushes out the least recent, the victim.
        t.failed("name99", "203.0.113.99");
        assertThat(t.waitFor("victim", "198.51.100.2")).isZero();
        // However many names and addresses an attacker invents, at most 100 of each are held.
        for (int i = 0; i < 10_000; i++) {
            t.failed("n" + i, "2001:db8:" + Integer.toHexString(i) + "::1");
        }
        assertThat(t.tracked()).isEqualTo(200);
    }

    @Test
    void ipv6CountsPerNetworkAndLongNamesAreKeptShort() {
        assertThat(SignInThrottle.addressKey("2001:db8:1:2::1")).isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:ffff::9"))
                .isEqualTo("20010db800010002::/64");
        assertThat(SignInThrottle.addressKey("2001:db8:1:3::1")).isNotEqualTo(SignInThrottle.addressKey("2001:db8:1:2::1"));
        assertThat(SignInThrottle.addressKey("fe80::1%eth0")).isEqualTo("fe80000000000000::/64");
        assertThat(SignInThrottle.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(SignInThrottle.accountKey("x".repeat(100_000))).hasSize(65).startsWith("#");
        assertThat(SignInThrottle.accountKey("x".repeat(100_000))).isNotEqualTo(SignInThrottle.accountKey("x".repeat(99_999)));
    }

    @Test
    void aThrottledSignInNeverReachesThePasswordCheck() {
        AtomicInteger checks = new AtomicInteger();
        ThrottledSignIn signIn = new ThrottledSignIn(a -> {
            checks.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, java.util.List.of());
        }, throttle(100));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("analyst", "wrong", "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(attempt("analyst", "right", "10.0.0.2")))
                .isInstanceOf(SignInThrottledException.class)
                .hasMessage("too many failed sign-ins for this account or from this address; try again in 30 seconds")
                .satisfies(e -> assertThat(((SignInThrottledException) e).retryAfterSeconds).isEqualTo(30));
        assertThat(checks.get()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(30));
        // After the wait the right password is let in, and the account starts from nothing again.
        assertThat(signIn.authenticate(attempt("analyst", "right", "10.0.0.2")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIn.authenticate(attempt("analyst", "wrong", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks.get()).isEqualTo(5);
    }

    private static Authentication attempt(String user, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }
}
