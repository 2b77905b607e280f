package dev.briefings.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.RiskNote.Severity;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.RiskCategory;
import dev.briefings.intake.Stage;
import dev.briefings.risk.RiskRule.Concentration;
import dev.briefings.risk.RiskRule.NonbindingWithFunding;
import dev.briefings.risk.RiskRule.ProcessingDependency;
import dev.briefings.risk.RiskRule.ProposedOnly;
import dev.briefings.risk.RiskRule.StageNotYetUnderway;
import dev.briefings.risk.RiskRule.StagePresent;

class RiskRulesTest {

    @TempDir
    Path dir;

    private static final String GOOD_RULE = """
            {"id": "recycling", "type": "STAGE_PRESENT", "severity": "MEDIUM", "category": "TECHNOLOGY",
             "title": "Recycling", "why": "{count} in {stages}", "stages": ["RECYCLING"]}""";

    private Path write(String json) throws IOException {
        Path file = dir.resolve("risk-rules.json");
        Files.writeString(file, json);
        return file;
    }

    /** A file whose second rule is {@code rule}, so that errors must name the right one. */
    private Path withSecondRule(String rule) throws IOException {
        return write("{\"rules\": [" + GOOD_RULE + ",\n" + rule + "]}");
    }

    @Test
    void shippedRulesLoad() {
        RiskRules rules = RiskRules.load(Path.of("templates/risk-rules.json"));

        assertThat(rules.ruleIds()).containsExactly("nonbinding-with-funding", "permitting-before-progress",
                "recycling-technology", "party-organization-concentration", "stage-concentration",
                "processing-dependency", "proposed-only");
        assertThat(rules.maxIdsPerNote()).isEqualTo(50);
        assertThat(rules.maxStatedNotes()).isEqualTo(200);
        assertThat(rules.statedSeverity(RiskCategory.PERMITTING)).isEqualTo(Severity.MEDIUM);
        assertThat(rules.rules()).extracting(r -> r.header().severity()).containsExactly(Severity.HIGH,
                Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH, Severity.MEDIUM, Severity.HIGH, Severity.LOW);

        assertThat(rules.rules().get(0)).isInstanceOfSatisfying(NonbindingWithFunding.class,
                r -> assertThat(r.minUsd()).isEqualByComparingTo("0"));
        assertThat(rules.rules().get(1)).isInstanceOfSatisfying(StageNotYetUnderway.class, r -> {
            assertThat(r.stages()).containsExactlyInAnyOrder(Stage.MINING, Stage.PROCESSING);
            assertThat(r.statuses()).containsExactlyInAnyOrder(InitiativeStatus.ANNOUNCED, InitiativeStatus.SIGNED,
                    InitiativeStatus.FUNDED);
        });
        assertThat(rules.rules().get(2)).isInstanceOfSatisfying(StagePresent.class,
                r -> assertThat(r.stages()).containsExactly(Stage.RECYCLING));
        assertThat(rules.rules().get(3)).isInstanceOfSatisfying(Concentration.class, r -> {
            assertThat(r.dimensions()).isEqualTo(EnumSet.of(Dimension.PARTY, Dimension.ORGANIZATION));
            assertThat(r.maxShare()).isEqualByComparingTo("0.5");
        });
        assertThat(rules.rules().get(5)).isInstanceOfSatisfying(ProcessingDependency.class, r -> {
            assertThat(r.figure()).isEqualTo("china-processing-share");
            assertThat(r.threshold()).isEqualTo(new BigDecimal("0.5"));
            assertThat(r.unlessStages()).containsExactlyInAnyOrder(Stage.PROCESSING, Stage.REFINING);
        });
        assertThat(rules.rules().get(6)).isInstanceOf(ProposedOnly.class);
    }

    @Test
    void statedSeveritiesComeFromTheMapWithADefault() throws IOException {
        RiskRules rules = RiskRules.load(write("""
                {"statedRiskSeverity": {"MARKET": "HIGH"}, "statedRiskDefaultSeverity": "LOW", "rules": []}"""));

        assertThat(rules.statedSeverity(RiskCategory.MARKET)).isEqualTo(Severity.HIGH);
        assertThat(rules.statedSeverity(RiskCategory.POLICY)).isEqualTo(Severity.LOW);
        assertThat(rules.maxIdsPerNote()).isEqualTo(RiskRules.DEFAULT_MAX_IDS);
    }

    @Test
    void unknownTypeNamesFileRuleAndField() throws IOException {
        Path file = withSecondRule("""
                {"id": "odd", "type": "MOON_PHASE", "severity": "LOW", "category": "MARKET", "title": "t", "why": "w"}""");

        assertThatThrownBy(() -> RiskRules.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rule 2 (id 'odd')")
                .hasMessageContaining("field 'type'")
                .hasMessageContaining("MOON_PHASE");
    }

    @Test
    void unknownStageStatusAndDimensionAreNamed() throws IOException {
        Path stage = withSecondRule("""
                {"id": "s", "type": "STAGE_PRESENT", "severity": "LOW", "category": "MARKET", "title": "t",
                 "why": "w", "stages": ["SMELTING"]}""");
        assertThatThrownBy(() -> RiskRules.load(stage)).hasMessageContaining("rule 2 (id 's')")
                .hasMessageContaining("field 'stages'").hasMessageContaining("unknown Stage 'SMELTING'");

        Path status = withSecondRule("""
                {"id": "p", "type": "STAGE_NOT_YET_UNDERWAY", "severity": "LOW", "category": "PERMITTING",
                 "title": "t", "why": "w", "stages": ["MINING"], "statuses": ["PLANNED"]}""");
        assertThatThrownBy(() -> RiskRules.load(status)).hasMessageContaining("rule 2 (id 'p')")
                .hasMessageContaining("field 'statuses'").hasMessageContaining("unknown InitiativeStatus 'PLANNED'");

        Path dimension = withSecondRule("""
                {"id": "c", "type": "CONCENTRATION", "severity": "HIGH", "category": "CONCENTRATION",
                 "title": "t", "why": "w", "dimensions": ["COUNTRY"], "maxShare": 0.5}""");
        assertThatThrownBy(() -> RiskRules.load(dimension)).hasMessageContaining("rule 2 (id 'c')")
                .hasMessageContaining("field 'dimensions'").hasMessageContaining("unknown Dimension 'COUNTRY'");
    }

    @Test
    void missingThresholdIsNamed() throws IOException {
        Path file = withSecondRule("""
                {"id": "proc", "type": "PROCESSING_DEPENDENCY", "severity": "HIGH", "category": "MARKET",
                 "title": "t", "why": "w", "figure": "china-processing-share",
                 "stages": ["MINING"], "unlessStages": ["PROCESSING"]}""");

        assertThatThrownBy(() -> RiskRules.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rule 2 (id 'proc')")
                .hasMessageContaining("field 'threshold' is missing");
    }

    @Test
    void severityMustBeHighMediumOrLow() throws IOException {
        Path file = withSecondRule("""
                {"id": "x", "type": "PROPOSED_ONLY", "severity": "CRITICAL", "category": "POLICY", "title": "t", "why": "w"}""");

        assertThatThrownBy(() -> RiskRules.load(file)).hasMessageContaining("rule 2 (id 'x')")
                .hasMessageContaining("field 'severity'").hasMessageContaining("'CRITICAL'")
                .hasMessageContaining("HIGH, MEDIUM, LOW");
    }

    @Test
    void categoryMustBeARiskCategory() throws IOException {
        Path file = withSecondRule("""
                {"id": "x", "type": "PROPOSED_ONLY", "severity": "LOW", "category": "WEATHER", "title": "t", "why": "w"}""");

        assertThatThrownBy(() -> RiskRules.load(file)).hasMessageContaining("field 'category'")
                .hasMessageContaining("WEATHER");
    }

    @Test
    void placeholderTheShapeDoesNotFillIsRejected() throws IOException {
        Path file = withSecondRule("""
                {"id": "x", "type": "PROPOSED_ONLY", "severity": "LOW", "category": "POLICY", "title": "t",
                 "why": "{count} records, {share} of all"}""");

        assertThatThrownBy(() -> RiskRules.load(file)).hasMessageContaining("rule 2 (id 'x')")
                .hasMessageContaining("field 'why'").hasMessageContaining("{share}");
    }

    @Test
    void misspeltParameterIsRejected() throws IOException {
        Path file = withSecondRule("""
                {"id": "c", "type": "CONCENTRATION", "severity": "HIGH", "category": "CONCENTRATION",
                 "title": "t", "why": "w", "dimensions": ["PARTY"], "maxShare": 0.5, "maxshare": 0.4}""");

        assertThatThrownBy(() -> RiskRules.load(file)).hasMessageContaining("rule 2 (id 'c')")
                .hasMessageContaining("unknown field 'maxshare'");
    }

    @Test
    void shareOutsideZeroToOneIsRejected() throws IOException {
        Path file = withSecondRule("""
                {"id": "c", "type": "CONCENTRATION", "severity": "HIGH", "category": "CONCENTRATION",
                 "title": "t", "why": "w", "dimensions": ["PARTY"], "maxShare": 50}""");

        assertThatThrownBy(() -> RiskRules.load(file)).hasMessageContaining("field 'maxShare'")
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void duplicateIdIsRejected() throws IOException {
        Path file = withSecondRule(GOOD_RULE);

        assertThatThrownBy(() -> RiskRules.load(file)).hasMessageContaining("rule 2 (id 'recycling')")
                .hasMessageContaining("twice");
    }

    @Test
    void ruleWithoutIdIsNamedByItsNumber() throws IOException {
        Path file = withSecondRule("""
                {"type": "PROPOSED_ONLY", "severity": "LOW", "category": "POLICY", "title": "t", "why": "w"}""");

        assertThatThrownBy(() -> RiskRules.load(file)).hasMessageContaining("rule 2: field 'id' is missing");
    }

    @Test
    void badJsonNamesLineAndColumn() throws IOException {
        Path file = write("{\n  \"rules\": [\n    {\"id\": \"x\",, }\n  ]\n}");

        assertThatThrownBy(() -> RiskRules.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON at line 3, column");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> RiskRules.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not found");
    }
}
