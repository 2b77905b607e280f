package dev.briefings.job;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import dev.briefings.digest.Sha256;
import dev.briefings.filters.Filters;
import dev.briefings.intake.FundingLine;
import dev.briefings.intake.FxRates;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.RawRecord;
import dev.briefings.intake.RecordStream;
import dev.briefings.intake.RecordValidator;
import dev.briefings.intake.Validation;
import dev.briefings.staging.AcceptedFile;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/**
 * Validates one item: accepted (with its funding in USD and whether it is in scope) or rejected with reasons. Runs
 * on the threads that prepare the records ({@link RecordStream}), several at a time: it holds no state of its own.
 */
class IntakeProcessor {

    private final RecordValidator validator;
    private final FxRates rates;
    private final Filters filters;

    IntakeProcessor(FxRates rates, Filters filters) {
        this.validator = new RecordValidator(rates);
        this.rates = rates;
        this.filters = filters;
    }

    /**
     * A function for one batch of items, with its own encoder: each item validated, converted and encoded.
     *
     * @param inputBytes about how many bytes of records the run reads, which decides how to digest them
     */
    Function<RecordStream.Item<RawRecord>, PreparedRecord> forBatch(long inputBytes) {
        var encoder = new AcceptedFile.Encoder(Sha256.of(inputBytes));
        return item -> PreparedRecord.of(process(item.fileIndex(), item.value()), encoder);
    }

    StagedRecord process(int fileIndex, RawRecord raw) {
        long seq = Workspace.seq(fileIndex, raw.ordinal());
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
