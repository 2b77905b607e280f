package dev.briefings.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: ANALYST submits, lists and downloads; ADMIN also restarts and distributes. The API takes HTTP basic on every
 * request (stateless, so no CSRF token is needed); pages use a form login with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {

    static final String ANALYST = "ANALYST";
    static final String ADMIN = "ADMIN";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(new BCryptPasswordEncoder(), java.time.Clock.systemUTC());
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
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/openapi.yaml").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/briefings/*/restart", "/api/briefings/*/distribute").hasRole(ADMIN)
                        .anyRequest().hasAnyRole(ANALYST, ADMIN))
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/css/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/briefings/*/restart", "/briefings/*/distribute").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
