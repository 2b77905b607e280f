package dev.briefings.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly (a bad byte is reported, never replaced) and skips a leading byte order mark. It counts
 * lines and columns in characters, so the parser's columns (and this reader's own report of a bad byte) match what
 * an editor shows even for non-ASCII text, unlike byte-based parsing. Characters before a bad byte are delivered
 * first, so the records before it can still be read.
 */
final class StrictUtf8Reader extends Reader {

    /** Thrown (through the parser) when the bytes are not UTF-8; the message says where, in characters. */
    static final class InvalidUtf8Exception extends IOException {

        private static final long serialVersionUID = 1L;

        InvalidUtf8Exception(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private boolean started;
    private boolean eof;
    private boolean flushed;
    private String badBytes;
    private long line = 1;
    private long column = 1;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (badBytes == null && out.hasRemaining()) {
            if (!started) {
                started = true;
                fill();
                skipByteOrderMark();
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                badBytes = hex(result.length());
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (eof) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                }
                break;
            }
            if (out.position() > offset) {
                break; // deliver what is decoded rather than wait for more input
            }
            fill();
        }
        int count = out.position() - offset;
        advance(buffer, offset, count);
        if (count > 0) {
            return count;
        }
        if (badBytes != null) {
            throw new InvalidUtf8Exception("not valid UTF-8 at line " + line + ", column " + column
                    + ": the byte sequence " + badBytes + " is not UTF-8; save the file as UTF-8");
        }
        return -1;
    }

    private void advance(char[] buffer, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            if (buffer[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void skipByteOrderMark() {
        if (bytes.remaining() >= 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
                && (bytes.get(2) & 0xFF) == 0xBF) {
            bytes.position(3);
        }
    }

    /** The malformed bytes and, for context, the one after them. */
    private String hex(int malformedLength) {
        StringBuilder sb = new StringBuilder();
        int end = Math.min(bytes.limit(), bytes.position() + Math.max(malformedLength, 2));
        for (int i = bytes.position(); i < end; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("0x%02X", bytes.get(i) & 0xFF));
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
