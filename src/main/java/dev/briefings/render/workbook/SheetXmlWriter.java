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

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's writer of a streamed sheet's rows, made lighter in two ways, as the sheets' XML is most of a large
 * briefing's work (writing it while the records pass, then compressing it into the file):
 * <ul>
 * <li>a faster text sink: POI writes the XML one character at a time into a {@code BufferedWriter}, whose every
 * call takes a lock and checks that it is open;</li>
 * <li>shorter cells: a cell that follows the previous one in its row leaves out its reference ({@code r="N123"}),
 * and a number its type ({@code t="n"}), both optional in the file format (ECMA-376 part 1, 18.3.1.4) and implied
 * by position and default; a fifth less XML. A cell after a gap keeps its reference.</li>
 * </ul>
 * Text is escaped by POI's own code; formulas and error cells (which briefings do not write) are POI's as well.
 */
final class SheetXmlWriter extends SheetDataWriter {

    private int row;
    /** The column a cell without a reference would be taken to be in. */
    private int next;

    SheetXmlWriter() throws IOException {
        super();
    }

    @Override
    public void writeRow(int rownum, SXSSFRow sheetRow) throws IOException {
        row = rownum;
        next = 0;
        super.writeRow(rownum, sheetRow);
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
        if (cell == null) {
            return;
        }
        CellType type = cell.getCellType();
        if (type != CellType.BLANK && type != CellType.STRING && type != CellType.NUMERIC && type != CellType.BOOLEAN) {
            super.writeCell(columnIndex, cell);
            next = columnIndex + 1;
            return;
        }
        _out.write("<c");
        if (columnIndex != next) {
            attribute("r", new CellReference(row, columnIndex).formatAsString());
        }
        next = columnIndex + 1;
        int style = cell.getCellStyle().getIndex() & 0xffff;
        if (style != 0) {
            attribute("s", Integer.toString(style));
        }
        switch (type) {
            case STRING -> {
                String value = cell.getStringCellValue();
                attribute("t", "inlineStr");
                _out.write("><is><t");
                if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                        || Character.isWhitespace(value.charAt(value.length() - 1)))) {
                    attribute("xml:space", "preserve");
                }
                _out.write('>');
                outputEscapedString(value);
                _out.write("</t></is>");
            }
            case NUMERIC -> {
                _out.write("><v>");
                _out.write(Double.toString(cell.getNumericCellValue()));
                _out.write("</v>");
            }
            case BOOLEAN -> {
                attribute("t", "b");
                _out.write("><v>");
                _out.write(cell.getBooleanCellValue() ? '1' : '0');
                _out.write("</v>");
            }
            default -> _out.write('>'); // BLANK
        }
        _out.write("</c>");
    }

    private void attribute(String name, String value) throws IOException {
        _out.write(' ');
        _out.write(name);
        _out.write("=\"");
        _out.write(value);
        _out.write('"');
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
