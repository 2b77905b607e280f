package dev.briefings.render.workbook;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's writer of a streamed sheet's rows, made lighter in two ways, as the sheets' XML is most of a large
 * briefing's work (writing it while the records pass, then compressing it into the file):
 * <ul>
 * <li>a faster text sink: POI writes the XML one character at a time into a {@code BufferedWriter}, whose every
 * call takes a lock and checks that it is open; here characters go straight into a byte buffer as UTF-8;</li>
 * <li>shorter cells: a cell that follows the previous one in its row leaves out its reference ({@code r="N123"}),
 * and a number its type ({@code t="n"}), both optional in the file format (ECMA-376 part 1, 18.3.1.4) and implied
 * by position and default; a fifth less XML. A cell after a gap keeps its reference.</li>
 * </ul>
 * Text is escaped as POI escapes it, with runs of plain ASCII copied whole; formulas and error cells (which
 * briefings do not write) are POI's own.
 */
final class SheetXmlWriter extends SheetDataWriter {

    private int row;
    /** The column a cell without a reference would be taken to be in. */
    private int next;
    // Rows written without POI's objects (see beginRow), counted as POI counts the rows it writes: its sheet asks
    // these to order new rows and to count and find its rows.
    private int directRows;
    private int directLowest;
    private int directLast = -1;

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
        int style = cell.getCellStyle().getIndex() & 0xffff;
        switch (type) {
            case STRING -> text(columnIndex, cell.getStringCellValue(), style);
            case NUMERIC -> number(columnIndex, cell.getNumericCellValue(), style);
            case BOOLEAN -> bool(columnIndex, cell.getBooleanCellValue(), style);
            default -> blank(columnIndex, style);
        }
    }

    /**
     * Starts a row written straight into the sheet's XML, without POI's row and cell objects (a tree map and an
     * object per cell, much of a large briefing's work): the cells that follow ({@link #text}, {@link #number},
     * {@link #bool}, {@link #blank}) are written as {@link #writeRow} writes those of a plain row, and
     * {@link #endRow()} ends it. Rows must come in order, after any that POI wrote.
     */
    void beginRow(int rownum) throws IOException {
        if (rownum <= getLastFlushedRow()) {
            throw new IllegalArgumentException("row " + rownum + " comes after row " + getLastFlushedRow());
        }
        if (getNumberOfFlushedRows() == 0) {
            directLowest = rownum;
        }
        directRows++;
        directLast = rownum;
        row = rownum;
        next = 0;
        _out.write("<row r=\"");
        _out.write(Integer.toString(rownum + 1));
        _out.write("\">\n");
    }

    void endRow() throws IOException {
        _out.write("</row>\n");
    }

    /** A string cell (the text as it is: the caller cleans and fits it); null makes a styled blank cell. */
    void text(int column, String value, int style) throws IOException {
        if (value == null) {
            blank(column, style);
            return;
        }
        begin(column, style);
        attribute("t", "inlineStr");
        _out.write("><is><t");
        if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)))) {
            attribute("xml:space", "preserve");
        }
        _out.write('>');
        outputEscapedString(value);
        _out.write("</t></is></c>");
    }

    /** A number cell; as POI does, an infinity is written as the error #DIV/0! and NaN as #NUM!. */
    void number(int column, double value, int style) throws IOException {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            begin(column, style, true); // POI's own error cells always carry their reference
            attribute("t", "e");
            _out.write("><v>");
            outputEscapedString((Double.isNaN(value) ? FormulaError.NUM : FormulaError.DIV0).getString());
            _out.write("</v></c>");
            return;
        }
        begin(column, style);
        _out.write("><v>");
        _out.write(Double.toString(value));
        _out.write("</v></c>");
    }

    void bool(int column, boolean value, int style) throws IOException {
        begin(column, style);
        attribute("t", "b");
        _out.write("><v>");
        _out.write(value ? '1' : '0');
        _out.write("</v></c>");
    }

    void blank(int column, int style) throws IOException {
        begin(column, style);
        _out.write("></c>");
    }

    private void begin(int column, int style) throws IOException {
        begin(column, style, false);
    }

    /** Opens a cell element: its reference when it does not follow the previous cell (or always), its style. */
    private void begin(int column, int style, boolean withReference) throws IOException {
        _out.write("<c");
        if (withReference || column != next) {
            attribute("r", new CellReference(row, column).formatAsString());
        }
        next = column + 1;
        if (style != 0) {
            attribute("s", Integer.toString(style));
        }
    }

    @Override
    public int getNumberOfFlushedRows() {
        return super.getNumberOfFlushedRows() + directRows;
    }

    @Override
    public int getLowestIndexOfFlushedRows() {
        return super.getNumberOfFlushedRows() > 0 ? super.getLowestIndexOfFlushedRows() : directLowest;
    }

    @Override
    public int getLastFlushedRow() {
        return Math.max(super.getLastFlushedRow(), directLast);
    }

    private void attribute(String name, String value) throws IOException {
        _out.write(' ');
        _out.write(name);
        _out.write("=\"");
        _out.write(value);
        _out.write('"');
    }

    /**
     * The same characters as POI's escaping ({@code <>&"}, line breaks, tab and no-break space as references; other
     * control characters and U+FFFE/U+FFFF as '?'; everything else, unpaired surrogates included, as it is), but a
     * run of plain ASCII goes to the file in one copy instead of one code point at a time.
     */
    @Override
    protected void outputEscapedString(String s) throws IOException {
        if (s == null || s.isEmpty()) {
            return;
        }
        Utf8FileWriter out = (Utf8FileWriter) _out;
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c < 0x7F && c != '<' && c != '>' && c != '&' && c != '"') {
                continue;
            }
            out.ascii(s, run, i);
            run = i + 1;
            switch (c) {
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '&' -> out.write("&amp;");
                case '"' -> out.write("&quot;");
                case '\n' -> out.write("&#xa;");
                case '\r' -> out.write("&#xd;");
                case '\t' -> out.write("&#x9;");
                case '\u00A0' -> out.write("&#xa0;");
                default -> out.write(c < ' ' || c >= '\uFFFE' ? '?' : c);
            }
        }
        out.ascii(s, run, n);
    }

    /** Closes a writer used on its own and deletes its temporary file (a workbook disposes of its sheets' own). */
    void discard() throws IOException {
        close();
        Files.deleteIfExists(getTempFile().toPath());
    }

    @Override
    public Writer createWriter(File fd) throws IOException {
        return new Utf8FileWriter(Files.newOutputStream(fd.toPath()));
    }

    /**
     * An unsynchronised writer that encodes to UTF-8 straight into a large byte buffer. Characters that UTF-8
     * cannot encode (an unpaired surrogate) become '?', as with {@code OutputStreamWriter}. Used by one thread at a
     * time.
     */
    static final class Utf8FileWriter extends Writer {
        private static final int BYTES = 1 << 16;
        /** Room kept for one character's bytes: a pending high surrogate's '?' and then three more. */
        private static final int ONE_CHAR = 4;

        private final OutputStream out;
        private final byte[] bytes = new byte[BYTES];
        private int length;
        /** A high surrogate waiting for the low one that makes a pair with it; 0 if none. */
        private char high;
        private boolean closed;

        Utf8FileWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (length > BYTES - ONE_CHAR) {
                drain();
            }
            encode((char) c);
        }

        @Override
        public void write(char[] source, int offset, int count) throws IOException {
            for (int i = offset, end = offset + count; i < end; i++) {
                write(source[i]);
            }
        }

        @Override
        public void write(String source, int offset, int count) throws IOException {
            for (int i = offset, end = offset + count; i < end; i++) {
                char c = source.charAt(i);
                if (c < 0x80 && high == 0 && length < BYTES) {
                    bytes[length++] = (byte) c;
                } else {
                    write(c);
                }
            }
        }

        @Override
        public void write(String source) throws IOException {
            write(source, 0, source.length());
        }

        /**
         * Characters {@code from} to {@code to} of {@code source}, which the caller has found all ASCII: copied as
         * bytes without a look at each (the one method of {@code String} that does so).
         */
        @SuppressWarnings("deprecation")
        void ascii(String source, int from, int to) throws IOException {
            if (from < to && high != 0) {
                write(source.charAt(from++)); // settles the pending surrogate as '?'
            }
            while (from < to) {
                if (length == BYTES) {
                    drain();
                }
                int n = Math.min(to - from, BYTES - length);
                source.getBytes(from, from + n, bytes, length);
                length += n;
                from += n;
            }
        }

        private void encode(char c) {
            if (high != 0) {
                char h = high;
                high = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(h, c);
                    bytes[length++] = (byte) (0xF0 | cp >> 18);
                    bytes[length++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                    bytes[length++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                    bytes[length++] = (byte) (0x80 | (cp & 0x3F));
                    return;
                }
                bytes[length++] = '?';
            }
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                high = c;
            } else if (Character.isLowSurrogate(c)) {
                bytes[length++] = '?';
            } else {
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | (c >> 6 & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }

        private void drain() throws IOException {
            out.write(bytes, 0, length);
            length = 0;
        }

        /** Writes out what is buffered; a high surrogate at the very end still waits for its pair. */
        @Override
        public void flush() throws IOException {
            if (!closed) {
                drain();
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                try (out) {
                    if (high != 0) {
                        high = 0;
                        bytes[length++] = '?';
                    }
                    drain();
                } finally {
                    closed = true;
                }
            }
        }
    }
}
