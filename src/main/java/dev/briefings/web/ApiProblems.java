package dev.briefings.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.briefings.intake.ConfigurationException;
import dev.briefings.web.WebExceptions.BadRequestException;
import dev.briefings.web.WebExceptions.ConflictException;
import dev.briefings.web.WebExceptions.NotFoundException;
import dev.briefings.web.WebExceptions.TooBusyException;

/** Every refusal of the API as an RFC 9457 problem detail (application/problem+json). */
@RestControllerAdvice(assignableTypes = BriefingController.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler
    ProblemDetail badRequest(BadRequestException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        p.setProperty("problems", e.problems);
        return p;
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the body is not a briefing request: JSON with "
                + "parties, stages, kinds, minerals (lists of text), asOf (YYYY-MM-DD) and template");
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if ("id".equals(e.getName())) {
            return problem(HttpStatus.NOT_FOUND, "Not found", "no briefing with id '" + e.getValue() + "'");
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getName() + " '" + e.getValue() + "' is not a number");
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooBusy(TooBusyException e) {
        ProblemDetail p = problem(HttpStatus.TOO_MANY_REQUESTS, "Too busy", e.getMessage());
        p.setProperty("retryAfterSeconds", e.retryAfter.toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter.toSeconds())).body(p);
    }

    @ExceptionHandler
    ProblemDetail configuration(ConfigurationException e) {
        // The message names server folders: it goes to the log, not to the client.
        log.error("Cannot run briefings: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Server configuration error",
                "the server's input or templates are not usable; the administrator has been told in the log");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }

}
