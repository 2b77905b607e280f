package dev.briefings.staging;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import dev.briefings.digest.Sha256;

/**
 * The accepted records of a run, staged once by the ingest step in a compact binary form and read back by later
 * steps without any JSON parsing. A file is a header followed by one frame per record: the frame's length, then
 * seq, in-scope flag, position, committed and proposed USD, a content digest and the initiative
 * ({@link RecordCodec}). The {@link Reader} decodes the leading fields of every frame and the initiative only when
 * asked, so passes that skip most records stay cheap.
 */
public final class AcceptedFile {

    /** The last byte is the layout's version: 3 added the figures sources report. A workspace of another is refused. */
    private static final byte[] HEADER = {'B', 'R', 'S', 3};
    private static final int DIGEST_BYTES = 16;
    /**
     * Digests carry their scheme, so a snapshot written by an earlier version is recognised as such; it changes with
     * the layout, whose bytes the digest is taken over.
     */
    public static final String DIGEST_SCHEME = "3:";

    private AcceptedFile() {
    }

    /** Appends frames to a file, first cutting it back to a committed length (0 for a new file). */
    public static Writer append(Path file, long committedLength) {
        return new Writer(file, committedLength);
    }

    public static Reader read(Path file) {
        return new Reader(file);
    }

    /**
     * Turns accepted records into frames, ready to be appended: the costly part of staging (encoding and the digest),
     * so that it can run on other threads than the writer's. Not thread-safe: one per thread.
     */
    public static final class Encoder {
        private final RecordCodec.Out initiative = new RecordCodec.Out();
        private final RecordCodec.Out frame = new RecordCodec.Out();
        private final RecordCodec.Out length = new RecordCodec.Out();
        private final MessageDigest sha256;

        public Encoder() {
            this(Sha256.jdk());
        }

        /** @param sha256 the digest to take of each record (see {@link Sha256#of}) */
        public Encoder(MessageDigest sha256) {
            this.sha256 = sha256;
        }

        /** The record's whole frame, its length first. */
        public byte[] frame(StagedRecord.Accepted a) {
            initiative.reset();
            RecordCodec.writeInitiative(initiative, a.initiative());
            sha256.update(initiative.bytes, 0, initiative.length);
            byte[] digest = sha256.digest();

            frame.reset();
            frame.varint(a.seq());
            frame.b(a.included() ? 1 : 0);
            frame.text(a.position());
            frame.decimal(a.committedUsd());
            frame.decimal(a.proposedUsd());
            length.reset();
            length.varint((long) frame.length + DIGEST_BYTES + initiative.length);
            byte[] all = new byte[length.length + frame.length + DIGEST_BYTES + initiative.length];
            System.arraycopy(length.bytes, 0, all, 0, length.length);
            System.arraycopy(frame.bytes, 0, all, length.length, frame.length);
            System.arraycopy(digest, 0, all, length.length + frame.length, DIGEST_BYTES);
            System.arraycopy(initiative.bytes, 0, all, length.length + frame.length + DIGEST_BYTES, initiative.length);
            return all;
        }
    }

    public static final class Writer implements Closeable {
        private final Path file;
        private final FileChannel channel;
        private final OutputStream out;
        private Encoder encoder;
        private long position;

        private Writer(Path file, long committedLength) {
            this.file = file;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel.truncate(committedLength);
                channel.position(committedLength);
                out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                position = committedLength;
                if (committedLength == 0) {
                    out.write(HEADER);
                    position = HEADER.length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the staged records " + file, e);
            }
        }

        public void write(StagedRecord.Accepted a) throws IOException {
            if (encoder == null) {
                encoder = new Encoder();
            }
            write(encoder.frame(a));
        }

        /** Appends a frame made by an {@link Encoder}. */
        public void write(byte[] frame) throws IOException {
            out.write(frame);
            position += frame.length;
        }

        public void flush() throws IOException {
            out.flush();
        }

        /** The length of the file with everything written so far flushed: what a commit records. */
        public long size() throws IOException {
            out.flush();
            return position;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    /**
     * Walks the frames in order: {@link #next()} moves to the next record and decodes its seq and scope flag;
     * {@link #record()} decodes the rest of the current one.
     */
    public static final class Reader implements Closeable {
        private final Path file;
        private final InputStream in;
        private byte[] buffer = new byte[4096];
        private int frameLength;
        private long seq;
        private boolean included;
        private int afterHeader;

        private Reader(Path file) {
            this.file = file;
            try {
                in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                byte[] header = in.readNBytes(HEADER.length);
                if (header.length == 0) {
                    return; // an empty file: no records were staged
                }
                if (!Arrays.equals(header, HEADER)) {
                    throw new IllegalStateException(file + " is not a staged-records file of this version; "
                            + "run again with --force to start a fresh run");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staged records " + file, e);
            }
        }

        /** @return false at the end of the file */
        public boolean next() {
            try {
                long length = 0;
                int shift = 0;
                while (true) {
                    int x = in.read();
                    if (x < 0) {
                        if (shift == 0) {
                            return false;
                        }
                        throw new EOFException("a staged record is cut short");
                    }
                    length |= (long) (x & 0x7F) << shift;
                    if ((x & 0x80) == 0) {
                        break;
                    }
                    shift += 7;
                }
                frameLength = Math.toIntExact(length);
                if (buffer.length < frameLength) {
                    buffer = new byte[Math.max(frameLength, buffer.length * 2)];
                }
                if (in.readNBytes(buffer, 0, frameLength) != frameLength) {
                    throw new EOFException("a staged record is cut short");
                }
                var decoder = new RecordCodec.In(buffer, 0);
                seq = decoder.varint();
                included = decoder.b() == 1;
                afterHeader = decoder.position();
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staged records " + file, e);
            }
        }

        public long seq() {
            return seq;
        }

        public boolean included() {
            return included;
        }

        /** The whole current record. */
        public StagedInitiative record() {
            var decoder = new RecordCodec.In(buffer, afterHeader);
            String position = decoder.text();
            BigDecimal committed = decoder.decimal();
            BigDecimal proposed = decoder.decimal();
            int digestAt = decoder.position();
            String hash = DIGEST_SCHEME + HexFormat.of().formatHex(buffer, digestAt, digestAt + DIGEST_BYTES);
            var initiative = RecordCodec.readInitiative(new RecordCodec.In(buffer, digestAt + DIGEST_BYTES));
            return new StagedInitiative(seq, position, included, committed, proposed, hash, initiative);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the staged records " + file, e);
            }
        }
    }
}
