package dev.briefings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Settings (application.properties, environment BRIEFINGS_*, or --briefings.x=y).
 *
 * @param dataDir         the H2 database, work folders and snapshots of past briefings
 * @param templatesDir    where templates live: one folder per template, plus risk-rules.json
 * @param outputDir       where run folders go by default ({@code <output>/<as-of>/<edition>})
 * @param largestListed   how many initiatives the PDF lists (the workbook lists all)
 * @param title           the briefing's title
 * @param confidentiality the line on the cover and in the footer
 * @param desk            the desk that publishes the briefings: on the PDF's cover and the author of both documents
 */
@ConfigurationProperties("briefings")
public record BriefingsProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("templates") Path templatesDir,
        @DefaultValue("output") Path outputDir,
        @DefaultValue("50") int largestListed,
        @DefaultValue("Critical Minerals Supply Chain Briefing") String title,
        @DefaultValue("Confidential. Prepared for professional investors; not for redistribution.") String confidentiality,
        @DefaultValue Desk desk) {

    /**
     * @param name    the desk's name, the documents' author (at most 200 characters)
     * @param contact how readers reach the desk: an e-mail address or an http(s) address; empty for none
     */
    public record Desk(@DefaultValue("Critical Minerals Research Desk") String name, @DefaultValue("") String contact) {

        public Desk {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("briefings.desk.name must be 1 to 200 characters, not '"
                        + (name == null ? "" : name) + "'");
            }
            contact = contact == null ? "" : contact.strip();
            if (!contact.isEmpty() && !isWebAddress(contact) && !isMailAddress(contact)) {
                throw new IllegalArgumentException("briefings.desk.contact '" + contact
                        + "' is neither an e-mail address (desk@example.org) nor an http(s) address");
            }
        }

        /** The value the briefing model carries. */
        public dev.briefings.briefing.Desk toBriefingDesk() {
            return new dev.briefings.briefing.Desk(name.strip(), contact);
        }

        private static boolean isWebAddress(String text) {
            try {
                URI uri = new URI(text);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false; // not an address; the caller's message says what is expected
            }
        }

        private static boolean isMailAddress(String text) {
            try {
                var address = new InternetAddress(text, true);
                return address.getPersonal() == null && text.equals(address.getAddress()) && text.contains("@");
            } catch (AddressException e) {
                return false; // reported by the caller with the property's name
            }
        }
    }
}
