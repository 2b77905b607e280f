package dev.briefings.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.briefings.intake.InputFiles;
import dev.briefings.intake.RawRecord;
import dev.briefings.intake.RecordStream;
import dev.briefings.publish.FileDigest;
import dev.briefings.staging.Workspace;

/**
 * Reads every input file in name order, one item at a time, parsed on a thread of its own, then validated and
 * encoded by the intake on worker threads (see {@link RecordStream}); remembers the file and item it reached so that
 * a restarted run carries on from the last committed chunk, and each finished file's SHA-256 for the manifest.
 */
class RecordFilesReader implements ItemStreamReader<PreparedRecord> {

    private static final String FILE = "reader.file";
    private static final String ORDINAL = "reader.ordinal";
    /** The digests of the record files read to their end, as {@link InputDigests} text. */
    static final String DIGESTS = "reader.digests";

    private final Path initiativesDir;
    private final Workspace workspace;
    private List<String> files;
    private int fileIndex;
    private long ordinal;
    private final List<FileDigest> digests = new ArrayList<>();
    private final IntakeProcessor intake;
    private final int workers;
    private RecordStream<PreparedRecord> stream;

    /** @param workers how many threads validate and encode records (besides the one that parses them) */
    RecordFilesReader(Path initiativesDir, Workspace workspace, IntakeProcessor intake, int workers) {
        this.initiativesDir = initiativesDir;
        this.workspace = workspace;
        this.intake = intake;
        this.workers = workers;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            if (context.containsKey(FILE)) {
                files = workspace.fileNames();
                fileIndex = context.getInt(FILE);
                ordinal = context.getLong(ORDINAL);
                digests.addAll(InputDigests.fromText(context.getString(DIGESTS, "")));
            } else {
                files = InputFiles.initiativeFiles(initiativesDir);
                workspace.create();
                Files.write(workspace.files(), files);
                fileIndex = 0;
                ordinal = 0;
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot list the input files in " + initiativesDir, e);
        }
        long bytes = InputFiles.recordBytes(initiativesDir, files.subList(fileIndex, files.size()));
        stream = RecordStream.prepared(initiativesDir, files, fileIndex, ordinal, () -> intake.forBatch(bytes), workers);
    }

    @Override
    public PreparedRecord read() {
        for (RecordStream.Next<PreparedRecord> next = stream.next(); next != null; next = stream.next()) {
            if (next instanceof RecordStream.Item<PreparedRecord> item) {
                ordinal++;
                return item.value();
            }
            var end = (RecordStream.FileEnd<PreparedRecord>) next;
            digests.add(new FileDigest("initiatives/" + end.name(), "initiatives", end.size(), end.sha256()));
            fileIndex = end.fileIndex() + 1;
            ordinal = 0;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE, fileIndex);
        context.putLong(ORDINAL, ordinal);
        context.putString(DIGESTS, InputDigests.toText(digests));
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
