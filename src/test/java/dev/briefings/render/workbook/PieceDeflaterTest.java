package dev.briefings.render.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PieceDeflaterTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void piecesMakeOneStreamThatInflatesToTheDataAtEverySizeAroundAPiece() throws Exception {
        var deflater = new PieceDeflater(threads, Deflater.BEST_SPEED, 1024);
        for (int size : new int[] {0, 1, 1023, 1024, 1025, 2048, 2049, 10_000}) {
            for (boolean random : new boolean[] {false, true}) {
                byte[] data = data(size, random, size);
                assertRoundTrip(deflater, data);
            }
        }
    }

    /** Incompressible pieces larger than the compressor's output buffer: a piece's output comes in several parts. */
    @Test
    void aPieceWhoseOutputOverflowsTheBufferIsWrittenWhole() throws Exception {
        var deflater = new PieceDeflater(threads, Deflater.BEST_SPEED, 300_000);
        assertRoundTrip(deflater, data(1_000_000, true, 7));
    }

    @Test
    void sheetXmlCompressesAsWellAsInOnePieceNearly() throws Exception {
        StringBuilder xml = new StringBuilder();
        for (int i = 0; xml.length() < 3_000_000; i++) {
            xml.append("<row r=\"").append(i).append("\"><c s=\"4\" t=\"inlineStr\"><is><t>syn-").append(i)
                    .append("</t></is></c></row>\n");
        }
        byte[] data = xml.toString().getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream();
        new PieceDeflater(threads, Deflater.BEST_SPEED).deflate(new ByteArrayInputStream(data), out);
        var whole = new Deflater(Deflater.BEST_SPEED, true);
        whole.setInput(data);
        whole.finish();
        byte[] buffer = new byte[data.length];
        int oneStream = whole.deflate(buffer);
        whole.end();
        assertThat(out.size()).isLessThan(oneStream + oneStream / 50);
    }

    private static void assertRoundTrip(PieceDeflater deflater, byte[] data) throws Exception {
        var out = new ByteArrayOutputStream();
        PieceDeflater.Deflated deflated = deflater.deflate(new ByteArrayInputStream(data), out);
        var crc = new CRC32();
        crc.update(data);
        assertThat(deflated.size()).as("size of %d bytes", data.length).isEqualTo(data.length);
        assertThat(deflated.crc()).as("CRC of %d bytes", data.length).isEqualTo(crc.getValue());
        assertThat(deflated.compressedSize()).isEqualTo(out.size());

        var inflater = new Inflater(true);
        inflater.setInput(out.toByteArray());
        byte[] back = new byte[data.length + 1];
        int n = 0;
        while (!inflater.finished() && n < back.length) {
            int got = inflater.inflate(back, n, back.length - n);
            if (got == 0 && inflater.needsInput()) {
                break;
            }
            n += got;
        }
        assertThat(inflater.finished()).as("the stream of %d bytes ends", data.length).isTrue();
        assertThat(inflater.getRemaining()).as("nothing after the end").isZero();
        inflater.end();
        byte[] inflated = java.util.Arrays.copyOf(back, n);
        assertThat(inflated).isEqualTo(data);
    }

    private static byte[] data(int size, boolean random, long seed) {
        byte[] data = new byte[size];
        if (random) {
            new Random(seed).nextBytes(data);
        } else {
            for (int i = 0; i < size; i++) {
                data[i] = (byte) ("<c><v>" + (i % 97) + "</v></c>").charAt(i % 10);
            }
        }
        return data;
    }
}
