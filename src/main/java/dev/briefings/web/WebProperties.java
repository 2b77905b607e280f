package dev.briefings.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web server ({@code briefings.web.*}).
 *
 * @param users      who may sign in: name, bcrypt password hash, roles (ANALYST, ADMIN)
 * @param input      the input folder briefings are made from
 * @param threads    briefings run at the same time
 * @param queue      briefings that may wait for a thread; beyond that a request is refused as too busy
 * @param retryAfter what a refused client is told to wait
 */
@ConfigurationProperties("briefings.web")
public record WebProperties(
        @DefaultValue List<User> users,
        @DefaultValue("input") Path input,
        @DefaultValue("2") int threads,
        @DefaultValue("4") int queue,
        @DefaultValue("30s") Duration retryAfter) {

    public record User(String name, String passwordHash, @DefaultValue List<String> roles) {
    }
}
