package dev.briefings.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The sample users of application.properties, signing in as a client of the API does (HTTP Basic). */
final class SampleUsers {

    static final RequestPostProcessor ANALYST = httpBasic("analyst", "analyst-sample-password");
    static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-sample-password");

    private SampleUsers() {
    }
}
