package dev.briefings.intake;

import java.time.LocalDate;

public record Source(String url, String publisher, LocalDate published, String title) {
}
