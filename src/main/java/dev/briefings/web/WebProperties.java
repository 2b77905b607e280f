package dev.briefings.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web server ({@code briefings.web.*}).
 *
 * @param users          who may sign in: name, bcrypt password hash, roles (ANALYST, ADMIN)
 * @param input          the input folder briefings are made from
 * @param threads        briefings run at the same time
 * @param queue          briefings that may wait for a thread; beyond that a request is refused as too busy
 * @param retryAfter     what a refused client is told to wait
 * @param maxBodySize    the largest request body (API JSON and page forms); larger ones get 413
 * @param maxValues      the most values one filter (parties, stages, kinds, minerals) may have
 * @param maxValueLength the longest filter value, in characters
 * @param signIn         how failed sign-ins are slowed down
 */
@ConfigurationProperties("briefings.web")
public record WebProperties(
        @DefaultValue List<User> users,
        @DefaultValue("input") Path input,
        @DefaultValue("2") int threads,
        @DefaultValue("4") int queue,
        @DefaultValue("30s") Duration retryAfter,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("50") int maxValues,
        @DefaultValue("100") int maxValueLength,
        @DefaultValue SignIn signIn) {

    public record User(String name, String passwordHash, @DefaultValue List<String> roles) {
    }

    /**
     * Failed sign-ins allowed before the account (or the address) must wait, and how long: {@code block} after the
     * last allowed failure, doubling with each further failure up to {@code maxBlock}. A success resets the account;
     * failures are forgotten {@code forgetAfter} after the last one.
     *
     * @param accountFailures failures per account name (any address)
     * @param addressFailures failures per client address (any account; IPv6 per /64 network)
     * @param block           the first wait, after the last allowed failure
     * @param maxBlock        the longest wait (the wait doubles with each further failure up to this)
     * @param forgetAfter     failures are forgotten this long after the last one
     * @param tracked         the most account names, and the most addresses, remembered (the least recent go first)
     */
    public record SignIn(
            @DefaultValue("5") int accountFailures,
            @DefaultValue("20") int addressFailures,
            @DefaultValue("30s") Duration block,
            @DefaultValue("15m") Duration maxBlock,
            @DefaultValue("1h") Duration forgetAfter,
            @DefaultValue("10000") int tracked) {
    }
}
