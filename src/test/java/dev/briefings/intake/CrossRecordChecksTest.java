package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CrossRecordChecksTest {

    private static Map<String, List<String>> reasonsById(List<CrossRecordChecks.Rejection> rejections) {
        return rejections.stream().collect(Collectors.toMap(r -> r.id() + "@" + r.seq(), CrossRecordChecks.Rejection::reasons));
    }

    @Test
    void laterDuplicateIsRejectedNamingTheFirst() {
        var checks = new CrossRecordChecks();
        checks.add(0, "a", "initiatives/one.json", "[0]", null, true);
        checks.add(1, "b", "initiatives/one.json", "[1]", null, true);
        checks.add(2, "a", "initiatives/two.jsonl", "line 3", null, true);
        var rejected = checks.finish();
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.seq()).isEqualTo(2);
            assertThat(r.file()).isEqualTo("initiatives/two.jsonl");
            assertThat(r.position()).isEqualTo("line 3");
            assertThat(r.reasons()).singleElement().asString()
                    .contains("'a'").contains("initiatives/one.json [0]").contains("first one is kept");
        });
    }

    @Test
    void missingTargetCyclesAndTheirDescendantsAreRejected() {
        var checks = new CrossRecordChecks();
        checks.add(0, "root", "f", "[0]", null, true);
        checks.add(1, "ok-child", "f", "[1]", "root", true);
        checks.add(2, "orphan", "f", "[2]", "nowhere", true);
        checks.add(3, "orphan-child", "f", "[3]", "orphan", true);
        checks.add(4, "x", "f", "[4]", "y", true);
        checks.add(5, "y", "f", "[5]", "z", true);
        checks.add(6, "z", "f", "[6]", "x", true);
        checks.add(7, "into-cycle", "f", "[7]", "x", true);
        var reasons = reasonsById(checks.finish());
        assertThat(reasons.keySet()).containsExactlyInAnyOrder("orphan@2", "orphan-child@3", "x@4", "y@5", "z@6", "into-cycle@7");
        assertThat(reasons.get("orphan@2")).singleElement().asString().contains("'nowhere' names no record");
        assertThat(reasons.get("orphan-child@3")).singleElement().asString().contains("'orphan' names a record that was rejected");
        assertThat(reasons.get("y@5")).singleElement().asString().contains("forms a cycle").contains("x → y → z → x");
        assertThat(reasons.get("into-cycle@7")).singleElement().asString().contains("'x' names a record that was rejected");
    }

    @Test
    void nearestIncludedAncestorSkipsRecordsOutOfScope() {
        var checks = new CrossRecordChecks();
        checks.add(10, "g", "f", "[0]", null, true);
        checks.add(1, "p", "f", "[1]", "g", false);
        checks.add(2, "c", "f", "[2]", "p", true);
        checks.add(3, "lonely", "f", "[3]", "p", false);
        checks.add(4, "top-out", "f", "[4]", null, false);
        checks.add(5, "under-out", "f", "[5]", "top-out", true);
        assertThat(checks.finish()).isEmpty();
        assertThat(checks.nearestIncludedAncestors()).containsExactlyInAnyOrderEntriesOf(
                Map.of("c", new CrossRecordChecks.Ancestor("g", 10)));
    }

    @Test
    void anAncestorsSeqIsTheRecordKeptWhenItsIdIsUsedTwice() {
        var checks = new CrossRecordChecks();
        checks.add(3, "g", "f", "[3]", null, true);
        checks.add(4, "c", "f", "[4]", "g", true);
        checks.add(5, "g", "f", "[5]", null, true);
        assertThat(reasonsById(checks.finish()).keySet()).containsExactly("g@5");
        assertThat(checks.nearestIncludedAncestors()).containsExactlyInAnyOrderEntriesOf(
                Map.of("c", new CrossRecordChecks.Ancestor("g", 3)));
    }
}
