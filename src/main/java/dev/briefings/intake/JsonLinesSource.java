package dev.briefings.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Reads a JSON Lines file: splits raw bytes at '\n', decodes each line as strict UTF-8 (a bad byte is reported, never
 * replaced) and parses it as one JSON value. A bad line does not stop the file.
 */
final class JsonLinesSource implements ItemSource {

    /** A longer line is reported and skipped, so one runaway line cannot exhaust memory. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPos;
    private int bufferEnd;
    private boolean eof;

    private byte[] line = new byte[1024];
    private int lineLength;
    private boolean lineTooLong;
    private long lineNumber;

    /** Reused for every line; grows to the longest line. */
    private CharBuffer chars = CharBuffer.allocate(1024);

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    JsonLinesSource(InputStream in) {
        this.in = in;
    }

    @Override
    public Item next() {
        while (readLine()) {
            lineNumber++;
            String position = "line " + lineNumber;
            if (lineTooLong) {
                return Item.malformed(position, "the line is longer than " + MAX_LINE_BYTES / (1024 * 1024)
                        + " MiB; a line must hold one record");
            }
            int start = 0;
            int end = lineLength;
            if (end > 0 && line[end - 1] == '\r') {
                end--;
            }
            if (lineNumber == 1 && end >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                    && (line[2] & 0xFF) == 0xBF) {
                start = 3; // UTF-8 byte order mark
            }
            if (isBlank(start, end)) {
                continue;
            }
            return parse(position, start, end);
        }
        return null;
    }

    private Item parse(String position, int start, int end) {
        if (isAscii(start, end)) {
            // Plain ASCII is valid UTF-8 as it is, one character a byte: parsed straight from the bytes. A line that
            // is not valid JSON is parsed again from its characters below, whose parser words its errors better.
            try (JsonParser parser = IntakeJson.MAPPER.createParser(line, start, end - start)) {
                Item item = parse(position, parser);
                if (item.reason() == null) {
                    return item;
                }
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
        if (chars.capacity() < end - start) {
            chars = CharBuffer.allocate(Math.max(end - start, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int bad = bytes.position();
            return Item.malformed(position, "not valid UTF-8 at " + position + ", column " + (chars.position() + 1)
                    + ": the byte sequence " + hex(bad, Math.min(end, bad + Math.max(result.length(), 2)))
                    + " is not UTF-8; save the file as UTF-8");
        }
        // Parsed straight from the decoded characters: no String copy of the line.
        try (JsonParser parser = IntakeJson.MAPPER.createParser(chars.array(), 0, chars.position())) {
            return parse(position, parser);
        }
    }

    /** One JSON value from the line's parser (the file's line and the parser's column in messages). */
    private static Item parse(String position, JsonParser parser) {
        try {
            parser.nextToken();
            JsonNode node = IntakeJson.MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                return Item.malformed(position, "not valid JSON at " + position + ", column "
                        + parser.currentTokenLocation().getColumnNr()
                        + ": unexpected content after the record; put one record on each line");
            }
            return Item.parsed(position, node == null ? NullNode.getInstance() : node);
        } catch (JacksonIOException e) {
            throw e;
        } catch (JacksonException e) {
            // The line is parsed alone, so Jackson's line is always 1: report the file's line and Jackson's column.
            String detail = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String where = column > 0 ? position + ", column " + column : position;
            return Item.malformed(position, "not valid JSON at " + where + ": " + detail);
        }
    }

    private String hex(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("0x%02X", line[i] & 0xFF));
        }
        return sb.toString();
    }

    private boolean isAscii(int start, int end) {
        for (int i = start; i < end; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Reads the bytes up to the next '\n' (excluded) into {@code line}; false at end of file with nothing read. */
    private boolean readLine() {
        lineLength = 0;
        lineTooLong = false;
        boolean any = false;
        while (true) {
            if (bufferPos == bufferEnd && !fill()) {
                return any;
            }
            any = true;
            int newline = -1;
            for (int i = bufferPos; i < bufferEnd; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int chunkEnd = newline < 0 ? bufferEnd : newline;
            append(bufferPos, chunkEnd);
            if (newline >= 0) {
                bufferPos = newline + 1;
                return true;
            }
            bufferPos = bufferEnd;
        }
    }

    private void append(int from, int to) {
        int count = to - from;
        if (lineTooLong || count == 0) {
            return;
        }
        if (lineLength + count > MAX_LINE_BYTES) {
            lineTooLong = true;
            lineLength = 0;
            return;
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + count, Math.min(MAX_LINE_BYTES, line.length * 2)));
        }
        System.arraycopy(buffer, from, line, lineLength, count);
        lineLength += count;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n < 0) {
                eof = true;
                return false;
            }
            bufferPos = 0;
            bufferEnd = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
