package dev.briefings.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what: ANALYST submits, lists and downloads (and reads the API documentation); ADMIN also stops,
 * restarts and distributes, and sees what retention would remove. The API takes HTTP basic on every
 * request (stateless, so no CSRF token is needed); pages use a form login with CSRF protection. Every sign-in goes
 * through {@link ThrottledSignIn}; bodies are capped by {@link BodyLimit} before any of this runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {

    static final String ANALYST = "ANALYST";
    static final String ADMIN = "ADMIN";

    /** The API serves JSON and files only: nothing in it may load or frame anything. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The pages load their own style sheet and script only, and have no inline script or style. */
    static final String PAGES_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    /**
     * Swagger UI (springdoc's own page) only: its scripts and style sheets come from this server too, but it sets
     * style attributes and shows data: images, which the pages' policy forbids. Nothing else gets this policy.
     */
    static final String SWAGGER_UI_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    static final String SWAGGER_UI = "/swagger-ui/**";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(new BCryptPasswordEncoder(), Clock.systemUTC());
    }

    @Bean
    UserDetailsService users(WebProperties web) {
        var manager = new InMemoryUserDetailsManager();
        for (WebProperties.User u : web.users()) {
            manager.createUser(User.withUsername(u.name()).password(u.passwordHash())
                    .roles(u.roles().toArray(String[]::new)).build());
        }
        return manager;
    }

    @Bean
    ThrottledSignIn signIn(UserDetailsService users, PasswordEncoder encoder, WebProperties web) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ThrottledSignIn(new ProviderManager(provider), new SignInThrottle(web.signIn(), Clock.systemUTC()));
    }

    @Bean
    SecurityProblems securityProblems(ProblemResponses problems) {
        return new SecurityProblems(problems);
    }

    /** Ahead of the security filters (and of everything that reads a body). */
    @Bean
    FilterRegistrationBean<BodyLimit> bodyLimit(WebProperties web, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new BodyLimit(web.maxBodySize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ThrottledSignIn signIn, SecurityProblems problems) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/briefings/*/restart", "/api/briefings/*/stop",
                                "/api/briefings/*/distribute").hasRole(ADMIN)
                        .anyRequest().hasAnyRole(ANALYST, ADMIN))
                .authenticationManager(signIn)
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ThrottledSignIn signIn, SecurityProblems problems) throws Exception {
        // A throttled sign-in comes back to the form with its own message (the wait), not as a wrong password.
        // Both keep the refusal in the session, where the page finds the wait.
        var failures = new DelegatingAuthenticationFailureHandler(new LinkedHashMap<>(Map.of(
                ThrottledSignIn.SignInThrottledException.class, new SimpleUrlAuthenticationFailureHandler(SignInPage.PATH + "?throttled"))),
                new SimpleUrlAuthenticationFailureHandler(SignInPage.PATH + "?error"));
        RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher(SWAGGER_UI);
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/css/**", SignInPage.PATH).permitAll()
                        .requestMatchers(HttpMethod.POST, "/briefings/*/restart", "/briefings/*/stop",
                                "/briefings/*/distribute").hasRole(ADMIN)
                        .requestMatchers(RetentionPage.PATH).hasRole(ADMIN)
                        .anyRequest().authenticated())
                .authenticationManager(signIn)
                .formLogin(f -> f.loginPage(SignInPage.PATH).failureHandler(failures))
                // Scripts (metrics, curl) sign in with HTTP basic here too, and are answered like the API.
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                                new ContentSecurityPolicyHeaderWriter(PAGES_CSP)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
