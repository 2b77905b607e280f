package dev.briefings.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.briefings.web.ThrottledSignIn.SignInThrottledException;

/** The API's sign-in and access refusals as problem details: 401 (with the Basic challenge), 429 and 403. */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Basic realm=\"Briefings\"";

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottledException t) {
            ProblemDetail p = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", t.getMessage());
            p.setProperty("retryAfterSeconds", t.retryAfterSeconds);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(t.retryAfterSeconds));
            problems.write(request, response, p);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        problems.write(request, response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                e instanceof BadCredentialsException ? "wrong user name or password"
                        : "sign in with HTTP basic: a user name and password"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden",
                "your role may not do this; stopping, restarting and distributing a briefing need the ADMIN role"));
    }
}
