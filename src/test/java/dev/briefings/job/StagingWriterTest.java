package dev.briefings.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;
import dev.briefings.staging.AcceptedFile;
import dev.briefings.staging.StagedLines;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/** A crash after a chunk was written but before it committed must not leave its lines staged twice. */
class StagingWriterTest {

    @TempDir
    Path tmp;

    private final AcceptedFile.Encoder encoder = new AcceptedFile.Encoder();

    private Chunk<PreparedRecord> chunk(StagedRecord... records) {
        return new Chunk<>(java.util.Arrays.stream(records).map(r -> PreparedRecord.of(r, encoder)).toList());
    }

    private static StagedRecord.Accepted accepted(long seq, String id) {
        var i = new Initiative(id, "Title " + id, InitiativeKind.PARTNERSHIP, LocalDate.of(2025, 1, 1), List.of("US"),
                List.of(Stage.MINING), List.of(new Source("https://example.org/" + id, "X", LocalDate.of(2025, 1, 2), null)),
                null, List.of(), List.of(), null, InitiativeStatus.ANNOUNCED, true, null, List.of(), List.of(), List.of());
        return new StagedRecord.Accepted(seq, "[" + seq + "]", true, BigDecimal.ONE, BigDecimal.ZERO, i);
    }

    @Test
    void restartCutsTheFilesBackToTheLastCommittedChunk() throws Exception {
        Workspace ws = Workspace.of(tmp, 7);
        ExecutionContext committed = new ExecutionContext();

        var first = new StagingWriter(ws);
        first.open(committed);
        first.write(chunk(accepted(0, "a"), accepted(1, "b"),
                new StagedRecord.Rejected(2, "initiatives/x.json", "[2]", "c", List.of("bad"))));
        first.update(committed); // chunk 1 commits
        first.write(chunk(accepted(3, "d"))); // chunk 2 written, then the process dies
        // (no update: the commit never happened; the context on record is the one after chunk 1)

        var restarted = new StagingWriter(ws);
        restarted.open(committed);
        restarted.write(chunk(accepted(3, "d"), accepted(4, "e")));
        restarted.update(committed);
        restarted.close();

        List<String> ids = new java.util.ArrayList<>();
        try (var in = AcceptedFile.read(ws.accepted())) {
            while (in.next()) {
                ids.add(in.record().initiative().id());
            }
        }
        assertThat(ids).containsExactly("a", "b", "d", "e");
        assertThat(Files.readAllLines(ws.keys())).hasSize(4);
        assertThat(Files.readAllLines(ws.rejected())).singleElement()
                .satisfies(l -> assertThat(StagedLines.parseRejected(l).id()).isEqualTo("c"));
        assertThat(committed.getLong(StagingWriter.ACCEPTED_COUNT)).isEqualTo(4);
        assertThat(committed.getLong(StagingWriter.REJECTED_COUNT)).isEqualTo(1);
    }
}
