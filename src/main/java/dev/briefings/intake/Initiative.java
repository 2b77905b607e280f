package dev.briefings.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * An accepted, validated initiative record. Lists are never null; optional texts may be null.
 */
public record Initiative(
        String id,
        String title,
        InitiativeKind kind,
        LocalDate announced,
        List<String> parties,
        List<Stage> stages,
        List<Source> sources,
        String summary,
        List<String> minerals,
        List<Organization> organizations,
        String location,
        InitiativeStatus status,
        boolean binding,
        String partOf,
        List<FundingLine> funding,
        List<StatedRisk> risks,
        List<String> tags) {
}
