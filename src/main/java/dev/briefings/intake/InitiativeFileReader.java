package dev.briefings.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Streams the items of one initiatives file, one record at a time, so a file of a million records never sits in
 * memory whole.
 *
 * <ul>
 *   <li>{@code .json}: a JSON array of records. Anything else at the top level, a syntax error or bytes that are not
 *       UTF-8 yield one {@link RawRecord.Malformed} (after the records before it) and end the file, because a
 *       streaming parser cannot find where the next element starts after such an error.</li>
 *   <li>{@code .jsonl}: one record per line; blank lines are skipped but counted; a bad line yields a
 *       {@link RawRecord.Malformed} for that line and reading goes on with the next one.</li>
 * </ul>
 * Not thread-safe; one reader per file.
 */
public final class InitiativeFileReader implements AutoCloseable {

    private final String displayName;
    private final ItemSource source;
    private final InputStream stream;
    private long ordinal;

    /**
     * @param file        the file to read; its name must end with {@code .json} or {@code .jsonl}
     * @param displayName how the file is named in every item and message, e.g. {@code initiatives/partnerships.json}
     * @throws IllegalArgumentException if the file name has another extension
     * @throws UncheckedIOException     if the file cannot be opened
     */
    public InitiativeFileReader(Path file, String displayName) {
        this(file, displayName, null);
    }

    /**
     * @param digest when not null, updated with every byte of the file as it is read (so that a file read to its
     *               end has been digested without a second read)
     */
    public InitiativeFileReader(Path file, String displayName, java.security.MessageDigest digest) {
        Objects.requireNonNull(file, "file");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean lines = name.endsWith(".jsonl");
        if (!lines && !name.endsWith(".json")) {
            throw new IllegalArgumentException(displayName + ": not a .json or .jsonl file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
            if (digest != null) {
                in = new java.security.DigestInputStream(in, digest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(displayName + ": cannot open the file (" + e.getMessage() + ")", e);
        }
        this.stream = in;
        // The parsers may close what they read at its end; the file stays open for drain() until close().
        InputStream shielded = new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
        this.source = lines ? new JsonLinesSource(shielded) : new JsonArraySource(shielded);
    }

    /**
     * @return the next item, or null when the file has no more
     * @throws UncheckedIOException on a read failure of the file system (not on bad content)
     */
    public RawRecord next() {
        ItemSource.Item item = source.next();
        if (item == null) {
            return null;
        }
        RawRecord record = item.node() != null
                ? new RawRecord.Parsed(displayName, item.position(), ordinal, item.node())
                : new RawRecord.Malformed(displayName, item.position(), ordinal, item.reason());
        ordinal++;
        return record;
    }

    /** Fast-forwards past {@code items} items already processed before a restart (fewer if the file ends first). */
    public void skip(long items) {
        if (items < 0) {
            throw new IllegalArgumentException("cannot skip a negative number of items: " + items);
        }
        for (long i = 0; i < items; i++) {
            if (next() == null) {
                return;
            }
        }
    }

    /**
     * Reads whatever is left of the file without parsing it, so that a digest given to the constructor covers the
     * whole file even when reading stopped early (a .json file ends at its first syntax error).
     */
    public void drain() {
        try {
            stream.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(displayName + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            source.close();
        } finally {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(displayName + ": cannot close the file (" + e.getMessage() + ")", e);
            }
        }
    }
}
