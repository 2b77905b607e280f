package dev.briefings.job;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.briefings.filters.Filters;
import dev.briefings.intake.FundingLine;
import dev.briefings.intake.FxRates;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.RawRecord;
import dev.briefings.intake.RecordValidator;
import dev.briefings.intake.Validation;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/** Validates one item: accepted (with its funding in USD and whether it is in scope) or rejected with reasons. */
class IntakeProcessor implements ItemProcessor<IndexedRecord, StagedRecord> {

    private final RecordValidator validator;
    private final FxRates rates;
    private final Filters filters;

    IntakeProcessor(FxRates rates, Filters filters) {
        this.validator = new RecordValidator(rates);
        this.rates = rates;
        this.filters = filters;
    }

    @Override
    public StagedRecord process(IndexedRecord item) {
        RawRecord raw = item.raw();
        long seq = Workspace.seq(item.fileIndex(), raw.ordinal());
        if (raw instanceof RawRecord.Malformed m) {
            return new StagedRecord.Rejected(seq, m.file(), m.position(), null, List.of(m.reason()));
        }
        RawRecord.Parsed p = (RawRecord.Parsed) raw;
        Validation validation = validator.validate(p.node());
        if (validation instanceof Validation.Invalid invalid) {
            return new StagedRecord.Rejected(seq, p.file(), p.position(), invalid.id(), invalid.reasons());
        }
        return accept(seq, p.position(), ((Validation.Valid) validation).initiative());
    }

    private StagedRecord.Accepted accept(long seq, String position, Initiative initiative) {
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal proposed = BigDecimal.ZERO;
        for (FundingLine line : initiative.funding()) {
            BigDecimal usd = rates.toUsd(line.amount(), line.currency());
            if (line.status().isCommitted()) {
                committed = committed.add(usd);
            } else {
                proposed = proposed.add(usd);
            }
        }
        return new StagedRecord.Accepted(seq, position, filters.matches(initiative), committed, proposed, initiative);
    }
}
