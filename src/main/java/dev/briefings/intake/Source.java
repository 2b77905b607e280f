package dev.briefings.intake;

import java.time.LocalDate;

/** A cited source; {@code reported} is the figure it states, or null when the curator recorded none. */
public record Source(String url, String publisher, LocalDate published, String title, ReportedFigure reported) {

    /** A source that states no figure (or whose figure was not recorded). */
    public Source(String url, String publisher, LocalDate published, String title) {
        this(url, publisher, published, title, null);
    }
}
