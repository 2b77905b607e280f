package dev.briefings.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.briefings.intake.InitiativeFileReader;
import dev.briefings.intake.InputFiles;
import dev.briefings.intake.RawRecord;
import dev.briefings.staging.Workspace;

/**
 * Reads every input file in name order, one item at a time, remembering the file and item it reached so that a
 * restarted run carries on from the last committed chunk.
 */
class RecordFilesReader implements ItemStreamReader<IndexedRecord> {

    private static final String FILE = "reader.file";
    private static final String ORDINAL = "reader.ordinal";

    private final Path initiativesDir;
    private final Workspace workspace;
    private List<String> files;
    private int fileIndex;
    private long ordinal;
    private InitiativeFileReader current;

    RecordFilesReader(Path initiativesDir, Workspace workspace) {
        this.initiativesDir = initiativesDir;
        this.workspace = workspace;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            if (context.containsKey(FILE)) {
                files = workspace.fileNames();
                fileIndex = context.getInt(FILE);
                ordinal = context.getLong(ORDINAL);
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
    }

    @Override
    public IndexedRecord read() {
        while (fileIndex < files.size()) {
            if (current == null) {
                String name = files.get(fileIndex);
                current = new InitiativeFileReader(initiativesDir.resolve(name), "initiatives/" + name);
                current.skip(ordinal);
            }
            RawRecord raw = current.next();
            if (raw != null) {
                ordinal++;
                return new IndexedRecord(fileIndex, raw);
            }
            closeCurrent();
            fileIndex++;
            ordinal = 0;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE, fileIndex);
        context.putLong(ORDINAL, ordinal);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                throw new UncheckedIOException(new IOException("cannot close " + files.get(fileIndex), e));
            } finally {
                current = null;
            }
        }
    }
}
