package dev.briefings.delivery;

import java.util.Set;

/**
 * An investor who receives the briefing.
 *
 * @param interests the edition this recipient gets: empty means the nightly edition of every record
 * @param formats   what is attached (PDF by default; XLSX on request)
 * @param protect   whether the PDF is encrypted with this recipient's password (from the environment or the
 *                  secrets file, never from the recipients file)
 */
public record Recipient(String id, String name, String email, String organization, Interests interests,
                        Set<Format> formats, boolean protect) {

    public enum Format {
        PDF, XLSX
    }
}
