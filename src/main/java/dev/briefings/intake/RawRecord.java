package dev.briefings.intake;

import tools.jackson.databind.JsonNode;

/**
 * One item read from an initiatives file, before validation: either a parsed JSON value or a piece of the file
 * that could not be read as JSON.
 *
 * <p>{@code file} is the display name given to the reader, {@code position} is {@code [12]} (0-based array index)
 * for {@code .json} files or {@code line 13} (1-based) for {@code .jsonl} files, and {@code ordinal} is the 0-based
 * count of items the reader returned before this one, so a restart can {@link InitiativeFileReader#skip(long) skip}
 * exactly {@code ordinal} items.
 */
public sealed interface RawRecord {

    String file();

    String position();

    long ordinal();

    /** A JSON value read from the file; it may still be something other than an object. */
    record Parsed(String file, String position, long ordinal, JsonNode node) implements RawRecord {
    }

    /** Content that is not valid JSON (or not UTF-8); the reason says where and what is wrong. */
    record Malformed(String file, String position, long ordinal, String reason) implements RawRecord {
    }
}
