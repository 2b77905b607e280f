package dev.briefings.intake;

import java.math.BigDecimal;

/** One funding line as curated: the amount in major units of its own currency. */
public record FundingLine(BigDecimal amount, String currency, FundingStatus status, FundingType type, String note) {
}
