package dev.briefings.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import dev.briefings.intake.ConfigurationException;
import dev.briefings.web.WebExceptions.BadRequestException;
import dev.briefings.web.WebExceptions.ConflictException;
import dev.briefings.web.WebExceptions.NotFoundException;
import dev.briefings.web.WebExceptions.TooBusyException;

/**
 * Every refusal of the API as an RFC 9457 problem detail (application/problem+json).
 * <p>
 * It extends Spring MVC's own handler for MVC's exceptions (unsupported media type, missing parameter, wrong
 * method, ...) so that those are problem details too, and so that Spring Boot's global one
 * (spring.mvc.problemdetails.enabled, which backs off when such a handler exists) does not answer an unreadable
 * body or a mistyped parameter before this class can: it used to, with generic words. It applies to requests no
 * controller took as well (a wrong method or path); outside the API those go to the server's error page instead.
 * {@link PageProblems} comes first for the pages' own controller.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    static final String REQUEST_SHAPE = "JSON with parties, stages, kinds, minerals (lists of text), asOf (YYYY-MM-DD) "
            + "and template (text)";

    @ExceptionHandler
    ProblemDetail badRequest(BadRequestException e) {
        ProblemDetail p = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        p.setProperty("problems", e.problems);
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.TooLargeException tooLarge) {
                return answer(ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", tooLarge.getMessage()), request);
            }
        }
        return answer(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", unreadable(e)), request);
    }

    /** What is wrong with the body, naming the field when the parser knows it. */
    private static String unreadable(HttpMessageNotReadableException e) {
        JacksonException json = e.getCause() instanceof JacksonException j ? j : null;
        if (json instanceof StreamReadException syntax && syntax.getLocation() != null) {
            return "the body is not valid JSON (line " + syntax.getLocation().getLineNr() + ", column "
                    + syntax.getLocation().getColumnNr() + "); a briefing request is " + REQUEST_SHAPE;
        }
        String field = json == null ? "" : field(json.getPath());
        if (field.isEmpty()) {
            return "the body is not a briefing request: " + REQUEST_SHAPE;
        }
        String expected = switch (field.replaceAll("\\[\\d+]$", "")) {
            case "asOf" -> "a date (YYYY-MM-DD)";
            case "parties", "stages", "kinds", "minerals" -> field.endsWith("]") ? "text" : "a list of text";
            case "template" -> "text";
            default -> "as in: " + REQUEST_SHAPE;
        };
        return field + " must be " + expected;
    }

    /** A path such as {@code minerals[2]}, shortened if absurdly long. */
    private static String field(List<JacksonException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() <= RequestLimits.SHOWN ? b.toString() : b.substring(0, RequestLimits.SHOWN) + "…";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String value = RequestLimits.shown(e.getValue() == null ? null : e.getValue().toString());
        return answer(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", name + " " + value + " is not a number"), request);
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooBusy(TooBusyException e) {
        ProblemDetail p = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "Too busy", e.getMessage());
        p.setProperty("retryAfterSeconds", e.retryAfter.toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter.toSeconds())).body(p);
    }

    @ExceptionHandler
    ProblemDetail configuration(ConfigurationException e) {
        // The message names server folders: it goes to the log, not to the client.
        log.error("Cannot run briefings: {}", e.getMessage());
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Server configuration error",
                "the server's input or templates are not usable; the administrator has been told in the log");
    }

    /** MVC's own refusals: as problem details in the API, as the error page elsewhere. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (!isApi(request)) {
            return errorPage(status.value(), request);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private ResponseEntity<Object> answer(ProblemDetail p, WebRequest request) {
        return isApi(request) ? ResponseEntity.status(p.getStatus()).body(p) : errorPage(p.getStatus(), request);
    }

    private static boolean isApi(WebRequest request) {
        return request instanceof ServletWebRequest r
                && r.getRequest().getRequestURI().startsWith(r.getRequest().getContextPath() + "/api/");
    }

    /** Leaves the answer to the server's error page; null tells MVC the response is taken care of. */
    private static ResponseEntity<Object> errorPage(int status, WebRequest request) {
        try {
            ((ServletWebRequest) request).getResponse().sendError(status);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return null;
    }
}
