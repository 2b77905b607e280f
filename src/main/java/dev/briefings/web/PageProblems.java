package dev.briefings.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.briefings.intake.ConfigurationException;

/** The pages' refusals as a readable page with the right status; ahead of {@link ApiProblems}, which is global. */
@ControllerAdvice(assignableTypes = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler
    ModelAndView notFound(WebExceptions.NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ModelAndView conflict(WebExceptions.ConflictException e) {
        return page(HttpStatus.CONFLICT, "Cannot do that now", e.getMessage());
    }

    @ExceptionHandler
    ModelAndView tooBusy(WebExceptions.TooBusyException e) {
        return page(HttpStatus.TOO_MANY_REQUESTS, "Too busy", e.getMessage());
    }

    /** A mistyped parameter (e.g. {@code ?page=x}): said in words, the value shortened. */
    @ExceptionHandler
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        String value = RequestLimits.shown(e.getValue() == null ? null : e.getValue().toString());
        return page(HttpStatus.BAD_REQUEST, "Not understood", e.getName() + " " + value + " is not a number.");
    }

    @ExceptionHandler
    ModelAndView configuration(ConfigurationException e) {
        // The message names server folders: it goes to the log, not to the page.
        log.error("Cannot run briefings: {}", e.getMessage());
        return page(HttpStatus.SERVICE_UNAVAILABLE, "Server configuration error",
                "The server's input or templates are not usable; the administrator has been told in the log.");
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView mv = new ModelAndView("web/problem");
        mv.setStatus(status);
        mv.addObject("title", title);
        mv.addObject("message", message);
        return mv;
    }
}
