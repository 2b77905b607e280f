package dev.briefings.delivery;

import java.nio.file.Path;

/**
 * A file attached to a message.
 *
 * @param fileName    the name the recipient sees (e.g. "briefing-2025-10-31.pdf")
 * @param contentType e.g. "application/pdf"
 */
public record Attachment(Path file, String fileName, String contentType) {
}
