package dev.briefings.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the API answers with (JSON), and what the pages show. */
final class Views {

    private Views() {
    }

    /** What a distribution did: counts by outcome, and where the log is. */
    record Distributed(long id, String channel, String status, int delivered, int alreadyDelivered, int failed,
                       int uncertain, int rejectedRecipients) {
    }

    record Accepted(long id, String status) {
    }

    record Counts(long read, long accepted, long rejected, long included) {
    }

    record Summary(long id, LocalDate asOf, String edition, Map<String, List<String>> filters, String template,
                   long revision, String status, String startedBy, LocalDateTime startTime, LocalDateTime endTime,
                   Long durationSeconds, Counts counts) {
    }

    record FileLink(String role, String name, long size, String sha256, String href) {
    }

    record Detail(Summary briefing, BigDecimal committedUsd, BigDecimal proposedUsd, List<FileLink> files,
                  List<String> failures, Map<String, String> links) {
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    record Step(String name, String status, long read, long written, long filtered, Long durationMillis) {
    }
}
