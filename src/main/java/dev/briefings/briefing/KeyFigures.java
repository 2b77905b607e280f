package dev.briefings.briefing;

import java.math.BigDecimal;

/**
 * Headline figures. Money in USD, scale 2.
 *
 * @param read             records read from the input files
 * @param accepted         records that passed validation
 * @param rejected         records rejected (read = accepted + rejected)
 * @param included         accepted records that match the edition's filters (the briefing's scope)
 * @param withFunding      included records with at least one funding line
 * @param carveOuts        included records whose funding is already inside an included ancestor's
 * @param partnerCountries distinct parties among included records
 */
public record KeyFigures(
        long read,
        long accepted,
        long rejected,
        long included,
        long withFunding,
        long carveOuts,
        BigDecimal committedUsd,
        BigDecimal proposedUsd,
        int partnerCountries,
        int highRisks) {
}
