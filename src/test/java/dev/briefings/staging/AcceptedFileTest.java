package dev.briefings.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.intake.FundingLine;
import dev.briefings.intake.FundingStatus;
import dev.briefings.intake.FundingType;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.Organization;
import dev.briefings.intake.ReportedFigure;
import dev.briefings.intake.RiskCategory;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;
import dev.briefings.intake.StatedRisk;

/** The staged form gives back exactly what was staged, for every shape of field, without JSON. */
class AcceptedFileTest {

    @TempDir
    Path tmp;

    static Initiative full() {
        return new Initiative("us-jp-framework", "U.S.–Japan Framework (経済産業省) \"quoted\"\ttab",
                InitiativeKind.RESEARCH_AGREEMENT, LocalDate.of(2025, 10, 28), List.of("US", "JP"),
                List.of(Stage.MAGNETS, Stage.MINING),
                List.of(new Source("https://example.org/a", "dpa-AFX", LocalDate.of(2025, 10, 29), null,
                                new ReportedFigure(new BigDecimal("3000000000.000001"), "USD", "over $3B \"combined\"")),
                        new Source("https://example.org/b", "METI", null, "Title b"),
                        new Source("https://example.org/c", "日経", LocalDate.of(2025, 11, 1), "Title c",
                                new ReportedFigure(new BigDecimal("1.5E+11"), "JPY", null))),
                "A summary with a line\nbreak.", List.of("rare earths", "NdPr"),
                List.of(new Organization("経済産業省", "government", null), new Organization("Lynas", null, "LYC.AX")),
                null, InitiativeStatus.STALLED, false, "parent-id",
                List.of(new FundingLine(new BigDecimal("550000000000.00"), "JPY", FundingStatus.DISBURSED, FundingType.LOAN, "note"),
                        new FundingLine(new BigDecimal("123456789012345678901234567890.125"), "USD", FundingStatus.PROPOSED, null, null),
                        new FundingLine(new BigDecimal("-1E+3"), "EUR", FundingStatus.COMMITTED, FundingType.CONTRACT, null)),
                List.of(new StatedRisk(RiskCategory.EXECUTION, "Late.")), List.of("tag-a", "tag-b"));
    }

    static Initiative bare(String id) {
        return new Initiative(id, "Bare " + id, InitiativeKind.PARTNERSHIP, LocalDate.of(1999, 1, 1), List.of(),
                List.of(), List.of(), null, List.of(), List.of(), null, InitiativeStatus.ANNOUNCED, true, null,
                List.of(), List.of(), List.of());
    }

    @Test
    void readsBackEveryFieldExactly() throws Exception {
        Path file = tmp.resolve("accepted.bin");
        var first = new StagedRecord.Accepted(Long.MAX_VALUE >>> 1, "line 7", true, new BigDecimal("3630000000.00"),
                new BigDecimal("0.000001"), full());
        var second = new StagedRecord.Accepted(0, "[0]", false, BigDecimal.ZERO, new BigDecimal("12.5"), bare("b"));
        try (var w = AcceptedFile.append(file, 0)) {
            w.write(first);
            w.write(second);
        }
        List<StagedInitiative> read = new ArrayList<>();
        try (var r = AcceptedFile.read(file)) {
            while (r.next()) {
                read.add(r.record());
            }
        }
        assertThat(read).hasSize(2);
        StagedInitiative a = read.get(0);
        assertThat(a.initiative()).isEqualTo(full());
        assertThat(a.seq()).isEqualTo(Long.MAX_VALUE >>> 1);
        assertThat(a.position()).isEqualTo("line 7");
        assertThat(a.included()).isTrue();
        // Scale is kept: 3630000000.00, not 3.63E+9.
        assertThat(a.committedUsd().toPlainString()).isEqualTo("3630000000.00");
        assertThat(a.proposedUsd().toPlainString()).isEqualTo("0.000001");
        assertThat(a.initiative().funding().get(1).amount().toPlainString()).isEqualTo("123456789012345678901234567890.125");
        // The figures sources report round-trip with their scale; a source without one stays without.
        assertThat(a.initiative().sources().get(0).reported().amount().toPlainString()).isEqualTo("3000000000.000001");
        assertThat(a.initiative().sources().get(1).reported()).isNull();
        assertThat(a.initiative().sources().get(2).reported().amount()).isEqualTo(new BigDecimal("1.5E+11"));
        StagedInitiative b = read.get(1);
        assertThat(b.initiative()).isEqualTo(bare("b"));
        assertThat(b.included()).isFalse();
        assertThat(b.proposedUsd()).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void aReportedFigureIsPartOfTheContentDigestAndTheLayoutVersionIsThree() throws Exception {
        Path file = tmp.resolve("accepted.bin");
        Initiative plain = bare("r");
        Initiative reported = new Initiative("r", "Bare r", InitiativeKind.PARTNERSHIP, LocalDate.of(1999, 1, 1),
                List.of(), List.of(), List.of(new Source("https://example.org/r", "X", LocalDate.of(2025, 1, 1), null,
                        new ReportedFigure(BigDecimal.TEN, "USD", null))), null, List.of(), List.of(), null,
                InitiativeStatus.ANNOUNCED, true, null, List.of(), List.of(), List.of());
        Initiative unreported = new Initiative("r", "Bare r", InitiativeKind.PARTNERSHIP, LocalDate.of(1999, 1, 1),
                List.of(), List.of(), List.of(new Source("https://example.org/r", "X", LocalDate.of(2025, 1, 1), null)),
                null, List.of(), List.of(), null, InitiativeStatus.ANNOUNCED, true, null, List.of(), List.of(), List.of());
        try (var w = AcceptedFile.append(file, 0)) {
            w.write(new StagedRecord.Accepted(1, "[1]", true, BigDecimal.ONE, BigDecimal.ZERO, reported));
            w.write(new StagedRecord.Accepted(2, "[2]", true, BigDecimal.ONE, BigDecimal.ZERO, unreported));
            w.write(new StagedRecord.Accepted(3, "[3]", true, BigDecimal.ONE, BigDecimal.ZERO, plain));
        }
        List<String> hashes = new ArrayList<>();
        try (var r = AcceptedFile.read(file)) {
            while (r.next()) {
                hashes.add(r.record().hash());
            }
        }
        assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
        assertThat(hashes).allSatisfy(h -> assertThat(h).startsWith("3:"));
        // The header names layout 3: a work folder staged by the layout before (2) is refused, not misread.
        assertThat(Files.readAllBytes(file)).startsWith(new byte[] {'B', 'R', 'S', 3});
        Path old = tmp.resolve("old.bin");
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] = 2;
        Files.write(old, bytes);
        assertThatThrownBy(() -> AcceptedFile.read(old)).hasMessageContaining("not a staged-records file of this version");
    }

    @Test
    void digestsTellChangedContentFromUnchanged() throws Exception {
        Path file = tmp.resolve("accepted.bin");
        Initiative changed = new Initiative("b", "Bare b, retitled", InitiativeKind.PARTNERSHIP, LocalDate.of(1999, 1, 1),
                List.of(), List.of(), List.of(), null, List.of(), List.of(), null, InitiativeStatus.ANNOUNCED, true,
                null, List.of(), List.of(), List.of());
        try (var w = AcceptedFile.append(file, 0)) {
            w.write(new StagedRecord.Accepted(1, "[1]", true, BigDecimal.ONE, BigDecimal.ZERO, bare("b")));
            w.write(new StagedRecord.Accepted(2, "[2]", false, BigDecimal.TEN, BigDecimal.ONE, bare("b")));
            w.write(new StagedRecord.Accepted(3, "[3]", true, BigDecimal.ONE, BigDecimal.ZERO, changed));
        }
        List<String> hashes = new ArrayList<>();
        try (var r = AcceptedFile.read(file)) {
            while (r.next()) {
                hashes.add(r.record().hash());
            }
        }
        // The digest is of the record's content only, not of where it sits or what the run made of it.
        assertThat(hashes.get(0)).isEqualTo(hashes.get(1)).startsWith(AcceptedFile.DIGEST_SCHEME).hasSize(2 + 32);
        assertThat(hashes.get(2)).isNotEqualTo(hashes.get(0));
    }

    @Test
    void skippingRecordsNeedsNoDecodingAndKeepsOrder() throws Exception {
        Path file = tmp.resolve("accepted.bin");
        try (var w = AcceptedFile.append(file, 0)) {
            for (int i = 0; i < 5000; i++) {
                w.write(new StagedRecord.Accepted(i, "line " + (i + 1), i % 3 == 0, BigDecimal.valueOf(i), BigDecimal.ZERO,
                        i == 4321 ? full() : bare("r" + i)));
            }
        }
        long included = 0;
        String found = null;
        try (var r = AcceptedFile.read(file)) {
            long expected = 0;
            while (r.next()) {
                assertThat(r.seq()).isEqualTo(expected++);
                if (r.included()) {
                    included++;
                }
                if (r.seq() == 4321) {
                    found = r.record().initiative().id();
                }
            }
            assertThat(expected).isEqualTo(5000);
        }
        assertThat(included).isEqualTo(1667); // 0, 3, ..., 4998
        assertThat(found).isEqualTo("us-jp-framework");
    }

    @Test
    void appendingCutsBackToTheCommittedLength() throws Exception {
        Path file = tmp.resolve("accepted.bin");
        long committed;
        try (var w = AcceptedFile.append(file, 0)) {
            w.write(new StagedRecord.Accepted(0, "[0]", true, BigDecimal.ONE, BigDecimal.ZERO, bare("a")));
            committed = w.size();
            w.write(new StagedRecord.Accepted(1, "[1]", true, BigDecimal.ONE, BigDecimal.ZERO, bare("lost")));
        }
        try (var w = AcceptedFile.append(file, committed)) {
            w.write(new StagedRecord.Accepted(1, "[1]", true, BigDecimal.ONE, BigDecimal.ZERO, bare("b")));
            assertThat(w.size()).isEqualTo(Files.size(file));
        }
        List<String> ids = new ArrayList<>();
        try (var r = AcceptedFile.read(file)) {
            while (r.next()) {
                ids.add(r.record().initiative().id());
            }
        }
        assertThat(ids).containsExactly("a", "b");
    }

    @Test
    void anEmptyFileHasNoRecordsAndAForeignFileIsRefused() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.bin"));
        try (var r = AcceptedFile.read(empty)) {
            assertThat(r.next()).isFalse();
        }
        Path foreign = Files.writeString(tmp.resolve("accepted.tsv"), "0\t1\t1.00\t0.00\thash\t[0]\t{}\n");
        assertThatThrownBy(() -> AcceptedFile.read(foreign)).hasMessageContaining("not a staged-records file")
                .hasMessageContaining("--force");
        Path cut = tmp.resolve("cut.bin");
        try (var w = AcceptedFile.append(cut, 0)) {
            w.write(new StagedRecord.Accepted(0, "[0]", true, BigDecimal.ONE, BigDecimal.ZERO, full()));
        }
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        try (var r = AcceptedFile.read(cut)) {
            assertThatThrownBy(r::next).hasMessageContaining("cannot read the staged records");
        }
    }
}
