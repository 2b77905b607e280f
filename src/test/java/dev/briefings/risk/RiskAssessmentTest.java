package dev.briefings.risk;

import static dev.briefings.risk.TestInitiative.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.RiskNote;
import dev.briefings.briefing.RiskNote.Severity;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.RiskCategory;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;
import dev.briefings.risk.RiskRule.Concentration;
import dev.briefings.risk.RiskRule.Header;
import dev.briefings.risk.RiskRule.NonbindingWithFunding;
import dev.briefings.risk.RiskRule.ProcessingDependency;
import dev.briefings.risk.RiskRule.ProposedOnly;
import dev.briefings.risk.RiskRule.StageNotYetUnderway;
import dev.briefings.risk.RiskRule.StagePresent;

class RiskAssessmentTest {

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private static Header header(String id, Severity severity, RiskCategory category, String title, String why) {
        return new Header(id, "TEST", severity, category, title, why);
    }

    private static RiskRules rules(RiskRule... rules) {
        return new RiskRules(List.of(rules), Map.of(), Severity.MEDIUM, 50, 200);
    }

    private static MarketContext context(String processingShare) {
        var source = new Source("https://example.org/outlook", "IEA", LocalDate.of(2025, 10, 31), "Outlook");
        return new MarketContext(LocalDate.of(2025, 10, 31), Set.of("US", "AU", "JP"), List.of(
                new ContextFigure("china-processing-share", "China's share of processing",
                        new BigDecimal(processingShare), "share", null, source)));
    }

    private static final MarketContext CONTEXT = context("0.60");

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    private static Map<Dimension, Map<String, BigDecimal>> shares(Dimension dimension, Map<String, BigDecimal> byKey) {
        return Map.of(dimension, byKey);
    }

    @Test
    void nonbindingWithFundingFiresOnlyForNonbindingRecordsThatCarryFunding() {
        var rule = new NonbindingWithFunding(header("nb", Severity.HIGH, RiskCategory.NONBINDING,
                "Nonbinding agreements carry funding", "{initiatives} ({ids}) carry {amount} ({committed} + {proposed})."),
                ZERO);
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        assessment.accept(record("nb-funded").nonbinding().build(), usd("1000000"), usd("250000.505"));
        assessment.accept(record("binding-funded").build(), usd("5000000"), ZERO);
        assessment.accept(record("nb-unfunded").nonbinding().build(), ZERO, ZERO);
        assessment.accept(record("nb-proposed").nonbinding().build(), ZERO, usd("10"));

        List<RiskNote> notes = assessment.finish(FundingShares.none());

        assertThat(notes).hasSize(1);
        RiskNote note = notes.get(0);
        assertThat(note.initiativeIds()).containsExactly("nb-funded", "nb-proposed");
        assertThat(note.initiativeCount()).isEqualTo(2);
        assertThat(note.severity()).isEqualTo(Severity.HIGH);
        assertThat(note.category()).isEqualTo("NONBINDING");
        assertThat(note.origin()).isEqualTo("rule:nb");
        // 1,000,000 + 250,000.505 + 10 = 1,250,010.505 -> half-even to cents: 1,250,010.50
        assertThat(note.why()).isEqualTo("2 initiatives (nb-funded and nb-proposed) carry USD 1,250,010.50"
                + " (USD 1,000,000.00 + USD 250,010.50).");
    }

    @Test
    void nonbindingRespectsTheMinimum() {
        var rule = new NonbindingWithFunding(header("nb", Severity.HIGH, RiskCategory.NONBINDING, "t", "{amount}"),
                usd("100"));
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        assessment.accept(record("at-minimum").nonbinding().build(), usd("60"), usd("40"));
        assessment.accept(record("above").nonbinding().build(), usd("100.01"), ZERO);

        assertThat(assessment.finish(FundingShares.none())).singleElement()
                .satisfies(n -> assertThat(n.initiativeIds()).containsExactly("above"));
    }

    @Test
    void stageNotYetUnderwayFiresForMiningOrProcessingBeforeProgress() {
        var rule = new StageNotYetUnderway(header("permitting", Severity.MEDIUM, RiskCategory.PERMITTING,
                "Not yet under way", "{initiatives} in {stages} are still {statuses}."),
                EnumSet.of(Stage.MINING, Stage.PROCESSING),
                EnumSet.of(InitiativeStatus.ANNOUNCED, InitiativeStatus.SIGNED, InitiativeStatus.FUNDED));
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        assessment.accept(record("mining-announced").stages(Stage.MINING).status(InitiativeStatus.ANNOUNCED).build(), ZERO, ZERO);
        assessment.accept(record("mining-in-progress").stages(Stage.MINING).status(InitiativeStatus.IN_PROGRESS).build(), ZERO, ZERO);
        assessment.accept(record("processing-funded").stages(Stage.REFINING, Stage.PROCESSING)
                .status(InitiativeStatus.FUNDED).build(), ZERO, ZERO);
        assessment.accept(record("refining-announced").stages(Stage.REFINING).status(InitiativeStatus.ANNOUNCED).build(), ZERO, ZERO);
        assessment.accept(record("mining-stalled").stages(Stage.MINING).status(InitiativeStatus.STALLED).build(), ZERO, ZERO);

        RiskNote note = assessment.finish(FundingShares.none()).get(0);

        assertThat(note.initiativeIds()).containsExactly("mining-announced", "processing-funded");
        assertThat(note.why()).isEqualTo("2 initiatives in MINING, PROCESSING are still ANNOUNCED, SIGNED, FUNDED.");
    }

    @Test
    void mineInProgressAloneGivesNoPermittingNote() {
        var rule = new StageNotYetUnderway(header("permitting", Severity.MEDIUM, RiskCategory.PERMITTING, "t", "w"),
                EnumSet.of(Stage.MINING), EnumSet.of(InitiativeStatus.ANNOUNCED));
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        assessment.accept(record("mine").stages(Stage.MINING).status(InitiativeStatus.IN_PROGRESS).build(), ZERO, ZERO);

        assertThat(assessment.finish(FundingShares.none())).isEmpty();
    }

    @Test
    void stagePresentFiresForRecycling() {
        var rule = new StagePresent(header("recycling", Severity.MEDIUM, RiskCategory.TECHNOLOGY, "Recycling",
                "{count} in {stages}: {ids}."), EnumSet.of(Stage.RECYCLING));
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        assessment.accept(record("recycler").stages(Stage.MAGNETS, Stage.RECYCLING).build(), ZERO, ZERO);
        assessment.accept(record("magnets").stages(Stage.MAGNETS).build(), ZERO, ZERO);

        RiskNote note = assessment.finish(FundingShares.none()).get(0);
        assertThat(note.initiativeIds()).containsExactly("recycler");
        assertThat(note.category()).isEqualTo("TECHNOLOGY");
        assertThat(note.why()).isEqualTo("1 in RECYCLING: recycler.");
    }

    private static final Concentration PARTY_CONCENTRATION = new Concentration(header("conc", Severity.HIGH,
            RiskCategory.CONCENTRATION, "Concentrated in {dimension} {key}",
            "{key} holds {share} ({amount} of {total}), above {threshold}."),
            EnumSet.of(Dimension.PARTY), new BigDecimal("0.5"));

    private static RiskAssessment partyAssessment() {
        var assessment = new RiskAssessment(rules(PARTY_CONCENTRATION), CONTEXT);
        assessment.accept(record("au-only").parties("AU").build(), usd("400"), ZERO);
        assessment.accept(record("au-jp").parties("AU", "JP").build(), usd("450"), ZERO);
        assessment.accept(record("au-proposed").parties("AU").build(), ZERO, usd("999"));
        assessment.accept(record("jp-only").parties("JP").build(), usd("150"), ZERO);
        return assessment;
    }

    @Test
    void concentrationFiresAboveTheThresholdForEachKey() {
        // AU credited 625 of 1000 = 62.5% > 50%; JP 375 = 37.5% does not fire.
        List<RiskNote> notes = partyAssessment().finish(new FundingShares(usd("1000"),
                shares(Dimension.PARTY, Map.of("AU", usd("625"), "JP", usd("375")))));

        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.title()).isEqualTo("Concentrated in party AU");
            assertThat(note.why()).isEqualTo("AU holds 62.5% (USD 625.00 of USD 1,000.00), above 50.0%.");
            // Only records with committed funding that name AU.
            assertThat(note.initiativeIds()).containsExactly("au-only", "au-jp");
            assertThat(note.initiativeCount()).isEqualTo(2);
            assertThat(note.origin()).isEqualTo("rule:conc");
        });
    }

    @Test
    void concentrationExactlyAtTheThresholdDoesNotFire() {
        List<RiskNote> notes = partyAssessment().finish(new FundingShares(usd("1000"),
                shares(Dimension.PARTY, Map.of("AU", usd("500"), "JP", usd("500")))));

        assertThat(notes).isEmpty();
    }

    @Test
    void concentrationJustAboveTheThresholdFires() {
        List<RiskNote> notes = partyAssessment().finish(new FundingShares(usd("1000"),
                shares(Dimension.PARTY, Map.of("AU", usd("500.01"), "JP", usd("499.99")))));

        assertThat(notes).singleElement().satisfies(n -> assertThat(n.why()).startsWith("AU holds 50.0% "));
    }

    @Test
    void concentrationNeverFiresWhenNothingIsCommitted() {
        var assessment = new RiskAssessment(rules(PARTY_CONCENTRATION), CONTEXT);
        assessment.accept(record("proposed").parties("AU").build(), ZERO, usd("10"));

        assertThat(assessment.finish(new FundingShares(ZERO, shares(Dimension.PARTY, Map.of("AU", ZERO)))))
                .isEmpty();
    }

    @Test
    void concentrationJudgesOnlyItsDimensions() {
        var rule = new Concentration(header("org", Severity.HIGH, RiskCategory.CONCENTRATION, "{key}", "{share}"),
                EnumSet.of(Dimension.ORGANIZATION, Dimension.STAGE), new BigDecimal("0.5"));
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        assessment.accept(record("a").organizations("Lynas", "Iluka").stages(Stage.MINING).build(), usd("3"), ZERO);
        assessment.accept(record("b").organizations("Iluka").stages(Stage.PROCESSING).build(), usd("1"), ZERO);

        // Iluka 3 of 4 = 75%; MINING 3 of 4 = 75%; party AU 100% is not judged by this rule.
        List<RiskNote> notes = assessment.finish(new FundingShares(usd("4"), Map.of(
                Dimension.ORGANIZATION, Map.of("Lynas", usd("1"), "Iluka", usd("3")),
                Dimension.STAGE, Map.of("MINING", usd("3"), "PROCESSING", usd("1")),
                Dimension.PARTY, Map.of("AU", usd("4")))));

        assertThat(notes).extracting(RiskNote::title).containsExactly("Iluka", "MINING");
        assertThat(notes).extracting(RiskNote::why).containsExactly("75.0%", "75.0%");
        assertThat(notes.get(0).initiativeIds()).containsExactly("a", "b");
        assertThat(notes.get(1).initiativeIds()).containsExactly("a");
    }

    @Test
    void concentrationKeepsLargeKeysExactWhenManySmallKeysAreDropped() {
        var rule = new Concentration(header("org", Severity.HIGH, RiskCategory.CONCENTRATION, "{key}", "{count}"),
                EnumSet.of(Dimension.ORGANIZATION), new BigDecimal("0.5"));
        var assessment = new RiskAssessment(rules(rule), CONTEXT, 4);
        for (int i = 1; i <= 3; i++) {
            assessment.accept(record("big-" + i).organizations("Lynas").build(), usd("100"), ZERO);
            for (int j = 1; j <= 5; j++) {
                assessment.accept(record("small-" + i + j).organizations("org-" + i + j).build(), usd("1"), ZERO);
            }
        }

        // Lynas 300 of 315 = 95.2%; 15 small keys pass through a 4-key table, yet Lynas keeps all three records.
        List<RiskNote> notes = assessment.finish(new FundingShares(usd("315"),
                shares(Dimension.ORGANIZATION, Map.of("Lynas", usd("300")))));

        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.initiativeIds()).containsExactly("big-1", "big-2", "big-3");
            assertThat(n.initiativeCount()).isEqualTo(3);
        });
    }

    private static final ProcessingDependency PROCESSING = new ProcessingDependency(header("processing",
            Severity.HIGH, RiskCategory.MARKET, "Processing dependency",
            "{figureLabel} is {figure} ({source}), above {threshold}: {dependentCount} depend, {outsideCount} outside."),
            "china-processing-share", new BigDecimal("0.5"), EnumSet.of(Stage.MINING, Stage.MAGNETS, Stage.RECYCLING),
            EnumSet.of(Stage.PROCESSING, Stage.REFINING));

    private static void acceptProcessingRecords(RiskAssessment assessment) {
        assessment.accept(record("mine-only").parties("AU").stages(Stage.MINING).build(), ZERO, ZERO);
        assessment.accept(record("mine-and-process").parties("US", "AU").stages(Stage.MINING, Stage.PROCESSING).build(), ZERO, ZERO);
        assessment.accept(record("process-with-cn").parties("US", "CN").stages(Stage.REFINING).build(), ZERO, ZERO);
        assessment.accept(record("research").parties("CN").stages(Stage.RESEARCH).build(), ZERO, ZERO);
        assessment.accept(record("magnets").parties("JP").stages(Stage.MAGNETS).build(), ZERO, ZERO);
    }

    @Test
    void processingDependencyFiresWhenTheFigureExceedsTheThreshold() {
        var assessment = new RiskAssessment(rules(PROCESSING), CONTEXT);
        acceptProcessingRecords(assessment);

        RiskNote note = assessment.finish(FundingShares.none()).get(0);

        assertThat(note.initiativeIds()).containsExactly("mine-only", "process-with-cn", "magnets");
        assertThat(note.initiativeCount()).isEqualTo(3);
        assertThat(note.why()).isEqualTo("China's share of processing is 60.0% (IEA, 2025-10-31), above 50.0%:"
                + " 2 depend, 1 outside.");
    }

    @Test
    void processingDependencyDoesNotFireWhenTheFigureIsAtOrBelowTheThreshold() {
        for (String share : List.of("0.40", "0.50")) {
            var assessment = new RiskAssessment(rules(PROCESSING), context(share));
            acceptProcessingRecords(assessment);
            assertThat(assessment.finish(FundingShares.none())).as(share).isEmpty();
        }
    }

    @Test
    void processingDependencyNeedsItsFigureInTheMarketContext() {
        var empty = new MarketContext(LocalDate.of(2025, 10, 31), Set.of("US"), List.of());

        assertThatThrownBy(() -> new RiskAssessment(rules(PROCESSING), empty))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("processing").hasMessageContaining("china-processing-share");
    }

    @Test
    void proposedOnlyFiresForRecordsWithNothingCommitted() {
        var rule = new ProposedOnly(header("proposed", Severity.LOW, RiskCategory.POLICY, "Proposed only",
                "{initiatives}: {amount}."));
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        assessment.accept(record("proposed").build(), ZERO, usd("1234567.891"));
        assessment.accept(record("both").build(), usd("1"), usd("5"));
        assessment.accept(record("nothing").build(), ZERO, ZERO);
        assessment.accept(record("committed").build(), usd("7"), ZERO);

        RiskNote note = assessment.finish(FundingShares.none()).get(0);
        assertThat(note.initiativeIds()).containsExactly("proposed");
        assertThat(note.why()).isEqualTo("1 initiative: USD 1,234,567.89.");
    }

    @Test
    void aNoteCountsACarveOutOnlyWhenItsAncestorIsNotNamedByTheSameNote() {
        // A nonbinding framework proposes 3,000; a stockpiling programme carved out of it proposes 100 (held in the
        // framework's 3,000); a grand-child of the programme proposes 10. Another programme, outside any framework,
        // proposes 530. The ledger's proposed total over these records is 3,000 + 530 = 3,530, so the note says so.
        var rule = new ProposedOnly(header("proposed", Severity.LOW, RiskCategory.POLICY, "Proposed only",
                "{initiatives}: {amount}."));
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        var framework = record("framework").nonbinding().build();
        long frameworkMatches = assessment.amountRulesMatched(framework, ZERO, usd("3000"));
        assertThat(frameworkMatches).isEqualTo(1L);
        assessment.accept(record("stockpile").build(), ZERO, usd("100"), frameworkMatches);
        assessment.accept(framework, ZERO, usd("3000"), 0L);
        assessment.accept(record("grandchild").build(), ZERO, usd("10"), frameworkMatches);
        assessment.accept(record("elsewhere").build(), ZERO, usd("530"), 0L);

        RiskNote note = assessment.finish(FundingShares.none()).get(0);
        assertThat(note.initiativeIds()).containsExactly("stockpile", "framework", "grandchild", "elsewhere");
        assertThat(note.why()).isEqualTo("4 initiatives: USD 3,530.00.");
    }

    @Test
    void aCarveOutCountsInANoteItsAncestorIsNotPartOf() {
        // The parent has committed funding, so it is not "proposed only"; its carve-out is, and the note's amount is
        // then the carve-out's own 700 (the ledger's figure over the one record the note names).
        var proposedOnly = new ProposedOnly(header("proposed", Severity.LOW, RiskCategory.POLICY, "Proposed only",
                "{initiatives}: {amount}."));
        var nonbinding = new NonbindingWithFunding(header("nb", Severity.HIGH, RiskCategory.NONBINDING, "Nonbinding",
                "{initiatives}: {amount} ({committed} + {proposed})."), ZERO);
        var assessment = new RiskAssessment(rules(nonbinding, proposedOnly), CONTEXT);
        var parent = record("parent").nonbinding().build();
        long parentMatches = assessment.amountRulesMatched(parent, usd("500"), ZERO);
        assertThat(parentMatches).as("nonbinding (bit 0), not proposed-only (bit 1)").isEqualTo(1L);
        assessment.accept(parent, usd("500"), ZERO, 0L);
        assessment.accept(record("child").nonbinding().build(), ZERO, usd("700"), parentMatches);

        List<RiskNote> notes = assessment.finish(FundingShares.none());
        assertThat(notes).extracting(RiskNote::why).containsExactlyInAnyOrder(
                // nonbinding names both; the child is held in the parent's figure: 500 committed + 0 proposed
                "2 initiatives: USD 500.00 (USD 500.00 + USD 0.00).",
                "1 initiative: USD 700.00.");
    }

    @Test
    void idsAreCappedButTheCountIsComplete() {
        var rule = new StagePresent(header("recycling", Severity.MEDIUM, RiskCategory.TECHNOLOGY, "Recycling",
                "{initiatives}: {ids}."), EnumSet.of(Stage.RECYCLING));
        var assessment = new RiskAssessment(rules(rule), CONTEXT);
        for (int i = 1; i <= 120; i++) {
            assessment.accept(record("r%03d".formatted(i)).stages(Stage.RECYCLING).build(), ZERO, ZERO);
        }
        for (int i = 1; i <= 1000; i++) {
            assessment.accept(record("other" + i).stages(Stage.MINING).build(), ZERO, ZERO);
        }

        RiskNote note = assessment.finish(FundingShares.none()).get(0);

        assertThat(note.initiativeCount()).isEqualTo(120);
        assertThat(note.initiativeIds()).hasSize(50).startsWith("r001", "r002").endsWith("r050");
        assertThat(note.why()).isEqualTo("120 initiatives: r001, r002, r003, r004, r005 and 115 more.");
    }

    @Test
    void statedRisksAreGroupedByCategoryAndText() {
        var rules = new RiskRules(List.of(), Map.of(RiskCategory.PERMITTING, Severity.HIGH), Severity.LOW, 50, 200);
        var assessment = new RiskAssessment(rules, CONTEXT);
        assessment.accept(record("a").risk(RiskCategory.PERMITTING, "Permit pending.")
                .risk(RiskCategory.PERMITTING, "Permit pending.").build(), ZERO, ZERO);
        assessment.accept(record("b").risk(RiskCategory.PERMITTING, "Permit pending.")
                .risk(RiskCategory.MARKET, "Prices may fall.").build(), ZERO, ZERO);
        assessment.accept(record("c").risk(RiskCategory.MARKET, "Permit pending.").build(), ZERO, ZERO);
        assessment.accept(record("d").build(), ZERO, ZERO);

        List<RiskNote> notes = assessment.finish(FundingShares.none());

        assertThat(notes).extracting(RiskNote::title).containsExactly(
                "Permitting risk stated by 2 records", "Market risk stated by b", "Market risk stated by c");
        RiskNote permitting = notes.get(0);
        assertThat(permitting.severity()).isEqualTo(Severity.HIGH);
        assertThat(permitting.initiativeIds()).containsExactly("a", "b");
        assertThat(permitting.initiativeCount()).isEqualTo(2);
        assertThat(permitting.why()).isEqualTo("Permit pending.");
        assertThat(permitting.origin()).isEqualTo("record");
        assertThat(notes.get(1).severity()).isEqualTo(Severity.LOW);
        assertThat(notes.get(1).category()).isEqualTo("MARKET");
    }

    @Test
    void statedRisksBeyondTheLimitAreSummedUpInOneNote() {
        var rules = new RiskRules(List.of(), Map.of(), Severity.MEDIUM, 50, 2);
        var assessment = new RiskAssessment(rules, CONTEXT);
        assessment.accept(record("a").risk(RiskCategory.MARKET, "one").risk(RiskCategory.MARKET, "two").build(), ZERO, ZERO);
        assessment.accept(record("b").risk(RiskCategory.MARKET, "three").risk(RiskCategory.POLICY, "four")
                .risk(RiskCategory.POLICY, "five").build(), ZERO, ZERO);
        assessment.accept(record("c").risk(RiskCategory.MARKET, "one").risk(RiskCategory.POLICY, "six").build(), ZERO, ZERO);

        List<RiskNote> notes = assessment.finish(FundingShares.none());

        assertThat(notes).hasSize(3);
        assertThat(notes.get(0).title()).isEqualTo("Market risk stated by 2 records");
        RiskNote summary = notes.get(2);
        assertThat(summary.severity()).isEqualTo(Severity.LOW);
        assertThat(summary.category()).isEqualTo("POLICY");
        assertThat(summary.why()).startsWith("4 further stated risks on 2 initiatives are not listed here");
        assertThat(summary.initiativeIds()).containsExactly("b", "c");
    }

    @Test
    void notesAreSortedBySeverityThenCountThenTitle() {
        var high = new StagePresent(header("h", Severity.HIGH, RiskCategory.MARKET, "Zeta", "w"), EnumSet.of(Stage.MINING));
        var mediumOne = new StagePresent(header("m1", Severity.MEDIUM, RiskCategory.MARKET, "Alpha", "w"), EnumSet.of(Stage.MAGNETS));
        var mediumTwoB = new StagePresent(header("m2b", Severity.MEDIUM, RiskCategory.MARKET, "Beta", "w"), EnumSet.of(Stage.MINING));
        var mediumTwoA = new StagePresent(header("m2a", Severity.MEDIUM, RiskCategory.MARKET, "Aardvark", "w"), EnumSet.of(Stage.MINING));
        var low = new StagePresent(header("l", Severity.LOW, RiskCategory.MARKET, "Aaa", "w"), EnumSet.of(Stage.MINING));
        var assessment = new RiskAssessment(rules(low, mediumOne, mediumTwoB, high, mediumTwoA), CONTEXT);
        assessment.accept(record("x").stages(Stage.MINING, Stage.MAGNETS).build(), ZERO, ZERO);
        assessment.accept(record("y").stages(Stage.MINING).build(), ZERO, ZERO);

        assertThat(assessment.finish(FundingShares.none())).extracting(RiskNote::origin)
                .containsExactly("rule:h", "rule:m2a", "rule:m2b", "rule:m1", "rule:l");
    }

    @Test
    void shippedRulesAndContextGiveTheExpectedNotes() {
        var assessment = new RiskAssessment(RiskRules.load(Path.of("templates/risk-rules.json")),
                MarketContext.load(Path.of("input/market-context.json")));
        Initiative framework = record("us-jp-framework").parties("US", "JP").nonbinding()
                .stages(Stage.MINING, Stage.PROCESSING).status(InitiativeStatus.SIGNED).build();
        Initiative mine = record("au-mine").parties("AU").stages(Stage.MINING).status(InitiativeStatus.OPERATIONAL).build();
        assessment.accept(framework, usd("250000"), ZERO);
        assessment.accept(mine, usd("750000"), ZERO);

        List<RiskNote> notes = assessment.finish(new FundingShares(usd("1000000"), Map.of(
                Dimension.PARTY, Map.of("US", usd("250000"), "JP", usd("250000"), "AU", usd("750000")),
                Dimension.STAGE, Map.of("MINING", usd("1000000"), "PROCESSING", usd("250000")))));

        // Three HIGH notes concerning one record each, by title; then MINING (2 records) before permitting (1).
        assertThat(notes).extracting(RiskNote::origin).containsExactly(
                "rule:party-organization-concentration", "rule:processing-dependency", "rule:nonbinding-with-funding",
                "rule:stage-concentration", "rule:permitting-before-progress");
        assertThat(notes.get(0).title()).isEqualTo("Committed funding concentrated in party AU");
        assertThat(notes.get(0).why()).isEqualTo("AU holds 75.0% of committed funding (USD 750,000.00 of"
                + " USD 1,000,000.00), more than the 50.0% threshold. With committed funding naming it:"
                + " 1 initiative (au-mine).");
        assertThat(notes.get(1).initiativeIds()).containsExactly("au-mine");
        assertThat(notes.get(1).why()).contains("is 60.0% (AInvest, 2025-10-31)");
        assertThat(notes.get(2).why()).startsWith("Nonbinding yet funded: 1 initiative (us-jp-framework) with"
                + " USD 250,000.00 of funding");
        assertThat(notes.get(3).why()).contains("The MINING stage holds 100.0% of committed funding");
        assertThat(notes.get(3).initiativeIds()).containsExactly("us-jp-framework", "au-mine");
        assertThat(notes.get(4).initiativeIds()).containsExactly("us-jp-framework");
    }
}
