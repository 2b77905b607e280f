package dev.briefings.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Problem details (RFC 9457) for answers given before Spring MVC is reached (the body limit, sign-in and access
 * refusals), written by the kind of Jackson converter MVC uses (with its problem-detail mix-in), so that they look
 * exactly like the controllers' ones.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemResponses {

    private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        ServletServerHttpResponse out = new ServletServerHttpResponse(response);
        json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, out);
        out.flush();
    }
}
