package dev.briefings.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One initiative as listed in a table. Amounts are the record's own funding in USD (scale 2);
 * {@code countedInTotals} is false for a carve-out whose funding an included ancestor already holds.
 *
 * @param sources       every source the record cites, numbered 1.. within the record
 * @param sourceNumbers numbers into {@link BriefingModel#sources()} (1-based) for rows the PDF lists; empty otherwise
 */
public record InitiativeRow(
        String id,
        String title,
        String kind,
        String status,
        LocalDate announced,
        List<String> parties,
        List<String> stages,
        List<String> minerals,
        List<String> organizations,
        String location,
        boolean binding,
        String partOf,
        boolean countedInTotals,
        BigDecimal committedUsd,
        BigDecimal proposedUsd,
        List<SourceRef> sources,
        List<Integer> sourceNumbers) {

    /** The first source's address, or null when the row carries no source (never for an accepted record). */
    public String firstSourceUrl() {
        return sources.isEmpty() ? null : sources.get(0).url();
    }
}
