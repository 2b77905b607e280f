package dev.briefings.render.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses one large zip entry on several threads: the data is cut into pieces, each piece is deflated on its own
 * (a sync flush ends every piece but the last, which ends the stream), and the pieces' output, in order, is one
 * valid deflate stream, as pigz makes it. The pieces do not share a dictionary, which costs a few bytes per
 * megabyte. The CRC-32 and size the zip entry needs are taken from the data as it is read, on the caller's thread.
 * <p>
 * A large briefing's Initiatives sheet is most of its workbook: compressed on one thread it held up the workbook's
 * end while the other core had finished.
 */
final class PieceDeflater {

    /** What the zip entry needs of the data: its CRC-32 and size, and the size of its compressed form. */
    record Deflated(long crc, long size, long compressedSize) {
    }

    static final int PIECE = 1 << 20;
    /** Pieces being compressed or waiting to be written at once: enough to keep every thread busy. */
    private static final int IN_FLIGHT = 6;

    private final ExecutorService threads;
    private final int level;
    private final int piece;

    PieceDeflater(ExecutorService threads, int level) {
        this(threads, level, PIECE);
    }

    /** @param piece the size of a piece (smaller in tests) */
    PieceDeflater(ExecutorService threads, int level, int piece) {
        this.threads = threads;
        this.level = level;
        this.piece = piece;
    }

    /** Writes the raw deflate stream (no zlib or gzip header) of everything {@code in} holds to {@code out}. */
    Deflated deflate(InputStream in, OutputStream out) throws IOException {
        var crc = new CRC32();
        long size = 0;
        long compressed = 0;
        Deque<Future<byte[]>> pending = new ArrayDeque<>();
        try {
            byte[] data = in.readNBytes(piece);
            while (true) {
                // Read one piece ahead: the last piece, and only it, finishes the stream.
                byte[] next = data.length == piece ? in.readNBytes(piece) : new byte[0];
                boolean last = next.length == 0;
                crc.update(data);
                size += data.length;
                byte[] input = data;
                pending.add(threads.submit(() -> compress(input, last)));
                while (!pending.isEmpty() && (last || pending.size() >= IN_FLIGHT)) {
                    byte[] output = pending.removeFirst().get();
                    out.write(output);
                    compressed += output.length;
                }
                if (last) {
                    return new Deflated(crc.getValue(), size, compressed);
                }
                data = next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            // Compressing in memory fails only as the JVM does (out of memory, say): passed on as it is.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException("cannot compress: " + e.getCause(), e.getCause());
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    private byte[] compress(byte[] input, boolean last) {
        var deflater = new Deflater(level, true);
        try {
            deflater.setInput(input);
            var output = new ByteArrayOutputStream(input.length / 4 + 64);
            byte[] buffer = new byte[64 * 1024];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    output.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                // A sync flush ends the piece on a byte boundary without ending the stream; a full buffer means more.
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    output.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            return output.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
