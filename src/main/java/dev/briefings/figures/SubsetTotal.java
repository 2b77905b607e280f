package dev.briefings.figures;

import java.math.BigDecimal;

/**
 * The ledger's carve-out rule over a set of in-scope records: a record's funding counts only if none of its in-scope
 * ancestors is in the set too. Over the whole scope this is the briefing's total; over the records a risk note names
 * it is the note's amount, so the two can never disagree by a carve-out counted twice.
 */
public final class SubsetTotal {

    private BigDecimal committed = BigDecimal.ZERO;
    private BigDecimal proposed = BigDecimal.ZERO;

    /**
     * @param ancestorInSet whether one of the record's in-scope ancestors (following partOf) is in the set: its
     *                      funding already holds this record's
     */
    public void add(BigDecimal committedUsd, BigDecimal proposedUsd, boolean ancestorInSet) {
        if (!ancestorInSet) {
            committed = committed.add(committedUsd);
            proposed = proposed.add(proposedUsd);
        }
    }

    public BigDecimal committed() {
        return committed;
    }

    public BigDecimal proposed() {
        return proposed;
    }

    public Amounts total() {
        return new Amounts(committed, proposed);
    }
}
