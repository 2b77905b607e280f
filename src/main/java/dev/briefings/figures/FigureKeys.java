package dev.briefings.figures;

import java.util.List;

/**
 * Where a record's funding is credited in the breakdowns.
 *
 * @param stages        distinct stage names (at least one)
 * @param parties       distinct country codes (at least one)
 * @param organizations distinct organization names; empty when the record names none
 */
public record FigureKeys(List<String> stages, List<String> parties, String kind, int year, String quarter,
                         List<String> organizations) {
}
