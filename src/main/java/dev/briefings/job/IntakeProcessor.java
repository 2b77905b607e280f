package dev.briefings.job;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.briefings.intake.FundingLine;
import dev.briefings.intake.FxRates;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeJson;
import dev.briefings.intake.RawRecord;
import dev.briefings.intake.RecordValidator;
import dev.briefings.intake.Validation;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/** Validates one item: accepted (with its funding in USD and whether it is in scope) or rejected with reasons. */
class IntakeProcessor implements ItemProcessor<IndexedRecord, StagedRecord> {

    private final RecordValidator validator;
    private final FxRates rates;
    private final BriefingParameters.Filters filters;
    private final MessageDigest sha256;

    IntakeProcessor(FxRates rates, BriefingParameters.Filters filters) {
        this.validator = new RecordValidator(rates);
        this.rates = rates;
        this.filters = filters;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
        String json = InitiativeJson.write(initiative);
        String hash = HexFormat.of().formatHex(sha256.digest(json.getBytes(StandardCharsets.UTF_8)), 0, 16);
        return new StagedRecord.Accepted(seq, position, filters.matches(initiative), committed, proposed, hash,
                initiative, json);
    }
}
