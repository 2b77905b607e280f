package dev.briefings.web;

import java.time.Duration;
import java.util.List;

/** What the service refuses, each answered with its own problem detail. */
final class WebExceptions {

    private WebExceptions() {
    }

    /** Every pool thread and queue slot is taken. */
    static final class TooBusyException extends RuntimeException {
        final Duration retryAfter;

        TooBusyException(Duration retryAfter) {
            super("all briefing slots are taken; try again in " + retryAfter.toSeconds() + " seconds");
            this.retryAfter = retryAfter;
        }
    }

    static final class BadRequestException extends RuntimeException {
        final List<String> problems;

        BadRequestException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = problems;
        }
    }

    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }

    static final class ConflictException extends RuntimeException {
        ConflictException(String message) {
            super(message);
        }
    }
}
