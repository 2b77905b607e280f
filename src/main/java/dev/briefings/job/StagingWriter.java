package dev.briefings.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import dev.briefings.staging.AcceptedFile;
import dev.briefings.staging.Workspace;

/**
 * Appends each chunk to the workspace files. The length of every file is saved with the chunk's commit; a
 * restarted run first cuts the files back to those lengths, so records from a chunk that never committed are not
 * staged twice.
 */
class StagingWriter implements ItemStreamWriter<PreparedRecord> {

    private static final String ACCEPTED = "staging.accepted.bytes";
    private static final String KEYS = "staging.keys.bytes";
    private static final String REJECTED = "staging.rejected.bytes";
    static final String ACCEPTED_COUNT = "staging.accepted.count";
    static final String REJECTED_COUNT = "staging.rejected.count";

    private final Workspace workspace;
    private final RunProgress progress;
    private AcceptedFile.Writer accepted;
    private Output keys;
    private Output rejected;
    private long acceptedCount;
    private long rejectedCount;

    StagingWriter(Workspace workspace) {
        this(workspace, RunProgress.NONE);
    }

    StagingWriter(Workspace workspace, RunProgress progress) {
        this.workspace = workspace;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        workspace.create();
        accepted = AcceptedFile.append(workspace.accepted(), context.getLong(ACCEPTED, 0L));
        keys = new Output(workspace.keys(), context.getLong(KEYS, 0L));
        rejected = new Output(workspace.rejected(), context.getLong(REJECTED, 0L));
        acceptedCount = context.getLong(ACCEPTED_COUNT, 0L);
        rejectedCount = context.getLong(REJECTED_COUNT, 0L);
    }

    @Override
    public void write(Chunk<? extends PreparedRecord> chunk) throws IOException {
        for (PreparedRecord item : chunk) {
            if (item.accepted()) {
                accepted.write(item.frame());
                keys.line(item.line());
                acceptedCount++;
            } else {
                rejected.line(item.line());
                rejectedCount++;
            }
        }
        accepted.flush();
        keys.flush();
        rejected.flush();
        progress.records(BriefingJobConfig.INGEST_STEP, acceptedCount + rejectedCount);
    }

    @Override
    public void update(ExecutionContext context) {
        try {
            context.putLong(ACCEPTED, accepted.size());
        } catch (IOException e) {
            throw new ItemStreamException("cannot write " + workspace.accepted(), e);
        }
        context.putLong(KEYS, keys.size());
        context.putLong(REJECTED, rejected.size());
        context.putLong(ACCEPTED_COUNT, acceptedCount);
        context.putLong(REJECTED_COUNT, rejectedCount);
    }

    @Override
    public void close() {
        ItemStreamException failure = null;
        try {
            if (accepted != null) {
                accepted.close();
            }
        } catch (IOException e) {
            failure = new ItemStreamException("cannot close " + workspace.accepted(), e);
        }
        for (Output o : new Output[] {keys, rejected}) {
            if (o != null) {
                o.close();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One append-only text file, cut back to its committed length on open. */
    private static final class Output {
        private final Path path;
        private final FileChannel channel;
        private final BufferedWriter writer;

        Output(Path path, long committedLength) {
            this.path = path;
            try {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel.truncate(committedLength);
                channel.position(committedLength);
                writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                        StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                throw new ItemStreamException("cannot open " + path, e);
            }
        }

        void line(String text) throws IOException {
            writer.write(text);
            writer.write('\n');
        }

        void flush() throws IOException {
            writer.flush();
        }

        long size() {
            try {
                writer.flush();
                return channel.position();
            } catch (IOException e) {
                throw new ItemStreamException("cannot write " + path, e);
            }
        }

        void close() {
            try {
                writer.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + path, e);
            }
        }
    }
}
