package dev.briefings.briefing;

import java.util.List;

/**
 * The format-neutral briefing: everything the PDF and the workbook show, already rounded for display
 * (money to cents, half-even, breakdowns allocated so that they sum exactly to their totals).
 * Both renderers read only this, plus the streamed {@link InitiativeRows} for the full list of records.
 */
public record BriefingModel(
        BriefingMeta meta,
        KeyFigures keyFigures,
        List<Breakdown> breakdowns,
        List<TimelinePoint> timeline,
        List<InitiativeRow> largest,
        List<RiskNote> risks,
        List<DataQualityNote> dataQuality,
        Changes changes,
        List<SourceRef> sources,
        Methodology methodology,
        RejectSummary rejects) {

    /** The breakdown with the given dimension, or an empty one. */
    public Breakdown breakdown(Dimension dimension) {
        return breakdowns.stream().filter(b -> b.dimension() == dimension).findFirst()
                .orElse(new Breakdown(dimension, List.of(), keyFigures.committedUsd(), keyFigures.proposedUsd()));
    }
}
