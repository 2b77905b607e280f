package dev.briefings.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A placeholder start page (behind the form login) until the briefings page is built. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HomeController {

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Briefings</title></head>
                <body><h1>Briefings</h1>
                <p>The API is at <a href="/api/briefings">/api/briefings</a>; its description at
                <a href="/api/openapi.yaml">/api/openapi.yaml</a>.</p>
                </body></html>
                """;
    }
}
