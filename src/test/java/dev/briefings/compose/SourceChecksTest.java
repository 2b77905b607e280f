package dev.briefings.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.briefings.briefing.DataQualityNote;
import dev.briefings.intake.FundingLine;
import dev.briefings.intake.FundingStatus;
import dev.briefings.intake.FxRates;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.ReportedFigure;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;

/** Every source check on records made by hand, with the expected notes worked out by hand. */
class SourceChecksTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 31);
    private static final FxRates RATES = new FxRates(AS_OF, Map.of("AUD", new BigDecimal("0.65")));

    private final Map<Long, String> idsBySeq = new HashMap<>();
    private final List<Set<Long>> lookups = new ArrayList<>();

    private SourceChecks checks(int kept, int urlsRemembered) {
        return new SourceChecks(AS_OF, RATES, seqs -> {
            lookups.add(Set.copyOf(seqs));
            Map<Long, String> found = new HashMap<>();
            seqs.forEach(s -> found.put(s, idsBySeq.get(s)));
            return found;
        }, kept, urlsRemembered);
    }

    private void accept(SourceChecks checks, long seq, Initiative record, String committedUsd, String proposedUsd) {
        idsBySeq.put(seq, record.id());
        checks.accept(seq, record, new BigDecimal(committedUsd), new BigDecimal(proposedUsd), true);
    }

    private static Initiative record(String id, List<FundingLine> funding, Source... sources) {
        return record(id, null, funding, sources);
    }

    private static Initiative record(String id, String partOf, List<FundingLine> funding, Source... sources) {
        return new Initiative(id, "Title of " + id, InitiativeKind.PARTNERSHIP, LocalDate.of(2025, 7, 1), List.of("US"),
                List.of(Stage.MINING), List.of(sources), null, List.of(), List.of(), null, InitiativeStatus.SIGNED, true,
                partOf, funding, List.of(), List.of());
    }

    private static Source source(String url, String publisher, String published) {
        return new Source(url, publisher, LocalDate.parse(published), null);
    }

    private static Source reporting(String url, String publisher, String amount, String currency, String note) {
        return new Source(url, publisher, LocalDate.of(2025, 10, 20), null,
                new ReportedFigure(new BigDecimal(amount), currency, note));
    }

    private static List<FundingLine> committed(String amount, String currency) {
        return List.of(new FundingLine(new BigDecimal(amount), currency, FundingStatus.COMMITTED, null, null));
    }

    private static Findings kind(SourceChecks checks, int index) {
        return checks.finish().get(index);
    }

    private static final int DISAGREE = 0;
    private static final int LATE = 1;
    private static final int REPEATED = 2;

    // ---- sources after the as-of date ------------------------------------------------------------------------

    @Test
    void sourcesPublishedAfterTheAsOfDateAreNamedPerRecord() {
        var checks = checks(20, 100);
        accept(checks, 1, record("a", List.of(),
                source("https://example.org/a0", "P0", "2025-10-31"),   // on the as-of date: fine
                source("https://example.org/a1", "P1", "2025-11-01"),
                source("https://example.org/a2", "P2", "2025-12-10")), "0", "0");
        accept(checks, 2, record("b", List.of(), source("https://example.org/b0", "P3", "2025-10-01")), "0", "0");

        Findings late = kind(checks, LATE);
        assertThat(late.count()).isEqualTo(1);
        assertThat(late.best()).singleElement().satisfies(note -> {
            assertThat(note.message()).isEqualTo("2 sources of a are dated after the briefing's as-of date 2025-10-31: "
                    + "sources[1] (P1, 2025-11-01), https://example.org/a1; sources[2] (P2, 2025-12-10), "
                    + "https://example.org/a2. Check the dates; if right, the record reports events after the as-of date.");
            assertThat(note.initiativeIds()).containsExactly("a");
        });
    }

    @Test
    void lateSourcesKeepOnlyWhatCanBeListedAndCountTheRest() {
        var checks = checks(20, 100);
        for (int i = 0; i < 1000; i++) {
            accept(checks, i, record("r" + i, List.of(), source("https://example.org/" + i, "P", "2026-01-01")), "0", "0");
        }
        Findings late = kind(checks, LATE);
        assertThat(late.best()).hasSize(20);
        assertThat(late.best().get(0).initiativeIds()).containsExactly("r0"); // read order
        assertThat(late.count()).isEqualTo(1000);
        assertThat(late.more().apply(980).message())
                .isEqualTo("980 more records cite sources dated after the as-of date 2025-10-31 (1,000 in all; the first "
                        + "in read order are listed above).");
    }

    // ---- repeated URLs ---------------------------------------------------------------------------------------

    @Test
    void aUrlCitedWithAnotherDateIsNamedWithBothCitations() {
        var checks = checks(20, 100);
        accept(checks, 1, record("a", List.of(), source("https://example.org/u", "P", "2025-10-01")), "0", "0");
        accept(checks, 2, record("b", List.of(), source("https://example.org/v", "P", "2025-10-05"),
                source("https://example.org/u", "P", "2025-10-02")), "0", "0");
        // The same date as the first citation: nothing to say.
        accept(checks, 3, record("c", List.of(), source("https://example.org/u", "P", "2025-10-01")), "0", "0");
        // Twice in one record with two dates.
        accept(checks, 4, record("d", List.of(), source("https://example.org/w", "P", "2025-09-01"),
                source("https://example.org/w", "P", "2025-09-02")), "0", "0");

        Findings repeated = kind(checks, REPEATED);
        assertThat(repeated.count()).isEqualTo(2);
        assertThat(repeated.best()).extracting(DataQualityNote::message).containsExactly(
                "The source URL https://example.org/u is cited with different publication dates: 2025-10-01 by a "
                        + "(sources[0]) and 2025-10-02 by b (sources[1]). One publication has one date; correct the "
                        + "other citation.",
                "The source URL https://example.org/w is cited twice by d with different publication dates: 2025-09-01 "
                        + "(sources[0]) and 2025-09-02 (sources[1]). One publication has one date; correct the other "
                        + "citation.");
        assertThat(repeated.best()).extracting(DataQualityNote::initiativeIds)
                .containsExactly(List.of("a", "b"), List.of("d"));
        // The first citation's id is looked up once, for the one finding that needs it.
        assertThat(lookups).containsExactly(Set.of(1L));
    }

    @Test
    void theUrlMemoryIsBoundedAndTheBriefingSaysHowFarItReached() {
        var checks = checks(20, 2);
        accept(checks, 1, record("r1", List.of(), source("https://example.org/a", "P", "2025-10-01")), "0", "0");
        accept(checks, 2, record("r2", List.of(), source("https://example.org/b", "P", "2025-10-01")), "0", "0");
        // Full: c is checked against a and b but not remembered, so its second date goes unseen...
        accept(checks, 3, record("r3", List.of(), source("https://example.org/c", "P", "2025-10-01")), "0", "0");
        accept(checks, 4, record("r4", List.of(), source("https://example.org/c", "P", "2025-10-02")), "0", "0");
        // ...while a, remembered, is still caught.
        accept(checks, 5, record("r5", List.of(), source("https://example.org/a", "P", "2025-10-03")), "0", "0");

        Findings repeated = kind(checks, REPEATED);
        assertThat(repeated.count()).isEqualTo(1);
        assertThat(repeated.best().get(0).initiativeIds()).containsExactly("r1", "r5");
        assertThat(checks.coverageNote().message()).isEqualTo("The check for source URLs cited with different "
                + "publication dates remembers the first 2 distinct URLs in scope (bounded memory); 2 later citations "
                + "of other URLs were checked against those only.");
        assertThat(checks(20, 2).coverageNote()).isNull();
    }

    @Test
    void theUrlTableHoldsItsCapAcrossGrowth() {
        var urls = new UrlDates(5000);
        for (int i = 0; i < 6000; i++) {
            assertThat(urls.firstOrRemember("https://example.org/" + i, i, i, i % 100)).isEqualTo(UrlDates.NOT_FOUND);
        }
        assertThat(urls.size()).isEqualTo(5000);
        assertThat(urls.notRemembered()).isEqualTo(1000);
        int slot = urls.firstOrRemember("https://example.org/4321", 0, 99_999, 0);
        assertThat(urls.day(slot)).isEqualTo(4321);
        assertThat(urls.seq(slot)).isEqualTo(4321);
        assertThat(urls.source(slot)).isEqualTo(21);
        assertThat(urls.firstOrRemember("https://example.org/5999", 0, 0, 0)).isEqualTo(UrlDates.NOT_FOUND);
    }

    // ---- reported figures ------------------------------------------------------------------------------------

    @Test
    void moreThanRoundingIsMoreThanHalfAPercentOfTheLarger() {
        // 0.5% of 100.50 is 0.5025: 0.50 apart is rounding, 0.51 apart is not.
        assertThat(SourceChecks.differ(new BigDecimal("100"), new BigDecimal("100.50"))).isFalse();
        assertThat(SourceChecks.differ(new BigDecimal("100"), new BigDecimal("100.51"))).isTrue();
        assertThat(SourceChecks.differ(new BigDecimal("100.51"), new BigDecimal("100"))).isTrue();

        var checks = checks(20, 100);
        // 1,004,999,999 against 1,000,000,000: 4,999,999 apart, within 0.5% of 1,004,999,999 (5,024,999.995).
        accept(checks, 1, record("close", committed("1000000000", "USD"),
                reporting("https://example.org/c", "P", "1004999999", "USD", null)), "1000000000", "0");
        assertThat(kind(checks, DISAGREE).count()).isZero();
        // 1,006,000,000: 6,000,000 apart, beyond 0.5% of 1,006,000,000 (5,030,000).
        accept(checks, 2, record("far", committed("1000000000", "USD"),
                reporting("https://example.org/f", "P", "1006000000", "USD", null)), "1000000000", "0");
        assertThat(kind(checks, DISAGREE).count()).isEqualTo(1);
    }

    @Test
    void disagreeingSourcesAreShownEachWithItsFigureAndTheTotalsFigureIsStated() {
        var checks = checks(20, 100);
        // AUD 1,000,000 at 0.65 = USD 650,000. Source 0 says USD 650,000: the same, compared in USD. Source 1 says
        // AUD 1,010,000: 10,000 apart in AUD (0.5% of 1,010,000 is 5,050), and USD 656,500 against USD 650,000.
        accept(checks, 1, record("aud", committed("1000000", "AUD"),
                reporting("https://example.org/0", "Ministry", "650000", "USD", "in US dollars"),
                reporting("https://example.org/1", "Wire", "1010000", "AUD", null)), "650000", "0");

        Findings disagree = kind(checks, DISAGREE);
        assertThat(disagree.best()).singleElement().satisfies(note -> {
            assertThat(note.message()).isEqualTo("Sources disagree on the funding of aud: the record's funding is "
                    + "AUD 1,000,000.00 (USD 650,000.00); sources[0] (Ministry, 2025-10-20) reports USD 650,000.00 "
                    + "(\"in US dollars\"), sources[1] (Wire, 2025-10-20) reports AUD 1,010,000.00 (USD 656,500.00). "
                    + "The totals use the record's funding lines, not the reported figures: USD 650,000.00 committed.");
            assertThat(note.initiativeIds()).containsExactly("aud");
        });
    }

    @Test
    void agreeingSourcesInOtherCurrenciesSayNothing() {
        var checks = checks(20, 100);
        // AUD 1,000,000 = USD 650,000 at 0.65: the same figure in two currencies.
        accept(checks, 1, record("same", committed("650000", "USD"),
                reporting("https://example.org/0", "P", "1000000", "AUD", null),
                reporting("https://example.org/1", "Q", "650000", "USD", null)), "650000", "0");
        // Funding lines in two currencies are one figure in USD: AUD 100 (USD 65) + USD 35 = USD 100.
        accept(checks, 2, record("mixed", List.of(
                        new FundingLine(new BigDecimal("100"), "AUD", FundingStatus.COMMITTED, null, null),
                        new FundingLine(new BigDecimal("35"), "USD", FundingStatus.PROPOSED, null, null)),
                reporting("https://example.org/2", "P", "100", "USD", null)), "65", "35");
        assertThat(kind(checks, DISAGREE).count()).isZero();
    }

    @Test
    void aReportedFigureOnARecordWithoutFundingSaysNothingIsCounted() {
        var checks = checks(20, 100);
        accept(checks, 1, record("none", List.of(),
                reporting("https://example.org/n", "P", "5000000", "USD", "talks of $5M")), "0", "0");
        assertThat(kind(checks, DISAGREE).best()).singleElement().extracting(DataQualityNote::message)
                .isEqualTo("Sources disagree on the funding of none: the record has no funding lines; sources[0] (P, "
                        + "2025-10-20) reports USD 5,000,000.00 (\"talks of $5M\"). The totals use the record's "
                        + "funding lines, not the reported figures: nothing is counted for it.");
    }

    @Test
    void aCarveOutSaysItsParentCarriesTheTotals() {
        var checks = checks(20, 100);
        Initiative child = record("child", "parent",
                List.of(new FundingLine(new BigDecimal("100"), "USD", FundingStatus.PROPOSED, null, null)),
                reporting("https://example.org/c", "P", "200", "USD", null));
        checks.accept(1, child, BigDecimal.ZERO, new BigDecimal("100"), false);
        assertThat(kind(checks, DISAGREE).best().get(0).message()).endsWith("The totals use the record's funding "
                + "lines, not the reported figures: USD 100.00 proposed (a carve-out of parent: the totals count its "
                + "parent's funding, which includes it).");
    }

    @Test
    void onlyTheLargestDisagreementsAreKept() {
        var checks = checks(2, 100);
        // Spreads: 10M, 30M, 20M (USD).
        accept(checks, 1, record("ten", committed("10000000", "USD"),
                reporting("https://example.org/1", "P", "20000000", "USD", null)), "10000000", "0");
        accept(checks, 2, record("thirty", committed("10000000", "USD"),
                reporting("https://example.org/2", "P", "40000000", "USD", null)), "10000000", "0");
        accept(checks, 3, record("twenty", committed("10000000", "USD"),
                reporting("https://example.org/3", "P", "30000000", "USD", null)), "10000000", "0");
        Findings disagree = kind(checks, DISAGREE);
        assertThat(disagree.count()).isEqualTo(3);
        assertThat(disagree.best()).extracting(n -> n.initiativeIds().get(0)).containsExactly("thirty", "twenty");
    }

    // ---- listing ---------------------------------------------------------------------------------------------

    @Test
    void theListedNotesAreSharedAmongTheKindsAndTheRestCounted() {
        Findings a = findings("a", 1, 1);
        Findings b = findings("b", 20, 30);
        Findings c = findings("c", 20, 100);
        Findings none = findings("none", 0, 0);
        // 20 slots, one per kind in turn: a takes 1; b and c share the other 19, b first: b 10, c 9.
        List<DataQualityNote> listed = Findings.listed(List.of(a, b, none, c), 20);
        List<String> messages = listed.stream().map(DataQualityNote::message).toList();
        List<String> expected = new ArrayList<>(List.of("a0"));
        for (int i = 0; i < 10; i++) {
            expected.add("b" + i);
        }
        expected.add("20 more b");
        for (int i = 0; i < 9; i++) {
            expected.add("c" + i);
        }
        expected.add("91 more c");
        assertThat(messages).containsExactlyElementsOf(expected);
    }

    private static Findings findings(String name, int best, long count) {
        List<DataQualityNote> notes = new ArrayList<>();
        for (int i = 0; i < best; i++) {
            notes.add(new DataQualityNote(name + i, List.of()));
        }
        return new Findings(notes, count, more -> new DataQualityNote(more + " more " + name, List.of()));
    }

    @Test
    void recordsWithoutReportedFiguresOrLateSourcesGiveNoFindings() {
        var checks = checks(20, 100);
        accept(checks, 1, record("plain", committed("5", "USD"), source("https://example.org/p", "P", "2025-10-01")),
                "5", "0");
        assertThat(checks.finish()).allSatisfy(f -> {
            assertThat(f.count()).isZero();
            assertThat(f.best()).isEmpty();
        });
        assertThat(lookups).isEmpty();
    }
}
