package dev.briefings;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings (application.properties, environment BRIEFINGS_*, or --briefings.x=y).
 *
 * @param dataDir         the H2 database, work folders and snapshots of past briefings
 * @param templatesDir    where templates live: one folder per template, plus risk-rules.json
 * @param outputDir       where run folders go by default ({@code <output>/<as-of>/<edition>})
 * @param largestListed   how many initiatives the PDF lists (the workbook lists all)
 * @param title           the briefing's title
 * @param confidentiality the line on the cover and in the footer
 */
@ConfigurationProperties("briefings")
public record BriefingsProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("templates") Path templatesDir,
        @DefaultValue("output") Path outputDir,
        @DefaultValue("50") int largestListed,
        @DefaultValue("Critical Minerals Supply Chain Briefing") String title,
        @DefaultValue("Confidential. Prepared for professional investors; not for redistribution.") String confidentiality) {
}
