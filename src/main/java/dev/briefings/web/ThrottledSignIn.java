package dev.briefings.web;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every sign-in (HTTP basic on the API and the pages, the sign-in form) goes through here: refused at once while
 * the account or the address must wait (without checking the password, so a guess learns nothing and costs no
 * bcrypt), counted when it fails, and clearing the account when it succeeds.
 */
final class ThrottledSignIn implements AuthenticationManager {

    private final AuthenticationManager delegate;
    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationManager delegate, SignInThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String account = request.getName();
        // The filters of both chains fill in the request's details, the remote address among them.
        String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Duration wait = throttle.waitFor(account, address);
        if (!wait.isZero()) {
            throw new SignInThrottledException(wait);
        }
        Authentication result;
        try {
            result = delegate.authenticate(request);
        } catch (AuthenticationException e) {
            throttle.failed(account, address);
            throw e;
        }
        if (result != null && result.isAuthenticated()) {
            throttle.succeeded(account);
        }
        return result;
    }

    /** Too many failed sign-ins for the account or from the address: try again after {@link #retryAfterSeconds}. */
    static final class SignInThrottledException extends AuthenticationException {
        private static final long serialVersionUID = 1L;
        final long retryAfterSeconds;

        SignInThrottledException(Duration wait) {
            super(message(seconds(wait)));
            this.retryAfterSeconds = seconds(wait);
        }

        private static long seconds(Duration wait) {
            // Rounded up: a client that waits exactly this long is let in.
            return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
        }

        private static String message(long seconds) {
            return "too many failed sign-ins for this account or from this address; try again in " + seconds
                    + (seconds == 1 ? " second" : " seconds");
        }
    }
}
