package dev.briefings.render.workbook;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's writer of a streamed sheet's rows, given a faster text sink. POI writes the sheet's XML one character at a
 * time into a {@code BufferedWriter}, whose every call takes a lock and checks that it is open: on a large briefing
 * that was most of the row writer thread's time. The XML is POI's own, unchanged; only the sink differs.
 */
final class SheetXmlWriter extends SheetDataWriter {

    SheetXmlWriter() throws IOException {
        super();
    }

    @Override
    public Writer createWriter(File fd) throws IOException {
        return new Utf8FileWriter(Files.newOutputStream(fd.toPath()));
    }

    /**
     * An unsynchronised writer that encodes to UTF-8 in large blocks. Characters that UTF-8 cannot encode (an
     * unpaired surrogate) become '?', as with {@code OutputStreamWriter}. Used by one thread at a time.
     */
    static final class Utf8FileWriter extends Writer {
        private static final int CHARS = 1 << 15;

        private final OutputStream out;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final char[] chars = new char[CHARS];
        private final CharBuffer charView = CharBuffer.wrap(chars);
        private final ByteBuffer bytes = ByteBuffer.allocate(CHARS * 3 + 16);
        private int length;
        private boolean closed;

        Utf8FileWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (length == CHARS) {
                drain(false);
            }
            chars[length++] = (char) c;
        }

        @Override
        public void write(char[] source, int offset, int count) throws IOException {
            while (count > 0) {
                if (length == CHARS) {
                    drain(false);
                }
                int n = Math.min(count, CHARS - length);
                System.arraycopy(source, offset, chars, length, n);
                length += n;
                offset += n;
                count -= n;
            }
        }

        @Override
        public void write(String source, int offset, int count) throws IOException {
            while (count > 0) {
                if (length == CHARS) {
                    drain(false);
                }
                int n = Math.min(count, CHARS - length);
                source.getChars(offset, offset + n, chars, length);
                length += n;
                offset += n;
                count -= n;
            }
        }

        @Override
        public void write(String source) throws IOException {
            write(source, 0, source.length());
        }

        /** Encodes the buffered characters; a high surrogate at the very end waits for its pair unless this is the end. */
        private void drain(boolean end) throws IOException {
            charView.limit(length).position(0);
            bytes.clear();
            CoderResult result = encoder.encode(charView, bytes, end);
            if (result.isOverflow()) {
                throw new IllegalStateException("UTF-8 buffer too small"); // cannot happen: 3 bytes a char at most
            }
            if (end) {
                encoder.flush(bytes);
                encoder.reset();
            }
            out.write(bytes.array(), 0, bytes.position());
            int left = charView.remaining();
            System.arraycopy(chars, charView.position(), chars, 0, left);
            length = left;
        }

        @Override
        public void flush() throws IOException {
            if (!closed) {
                drain(false);
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                try (out) {
                    drain(true);
                } finally {
                    closed = true;
                }
            }
        }
    }
}
