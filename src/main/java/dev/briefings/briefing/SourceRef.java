package dev.briefings.briefing;

import java.time.LocalDate;

/** A numbered source, cited from the initiative table as [number]. */
public record SourceRef(int number, String url, String publisher, LocalDate published, String title) {
}
