package dev.briefings.briefing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Identity of one briefing.
 *
 * @param title           e.g. "Critical Minerals Supply Chain Briefing"
 * @param edition         "nightly" or the ad hoc edition name derived from the filters
 * @param filters         the filters in words, e.g. "Parties: AU, JP · Stages: MINING"; "All records" when none
 * @param confidentiality the line shown on the cover and in the footer
 * @param template        the template name used
 * @param desk            who publishes it (null in briefings stored before the desk was recorded)
 */
public record BriefingMeta(
        String title,
        LocalDate asOf,
        String edition,
        String filters,
        OffsetDateTime generatedAt,
        String applicationVersion,
        String confidentiality,
        String template,
        Desk desk) {
}
