package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class RecordValidatorTest {

    private static final FxRates RATES = new FxRates(LocalDate.of(2025, 10, 31),
            Map.of("AUD", new BigDecimal("0.65"), "JPY", new BigDecimal("0.0066")));

    private final RecordValidator validator = new RecordValidator(RATES);

    @TempDir
    Path dir;

    private static final String FULL = """
            [{
              "id": "us-au-framework",
              "title": "  US-Australia critical minerals framework  ",
              "kind": "PARTNERSHIP",
              "announced": "2025-10-20",
              "parties": ["us", "AU", "US"],
              "stages": ["MINING", "REFINING", "MINING"],
              "sources": [{"url": "https://www.whitehouse.gov/x", "publisher": "The White House",
                           "published": "2025-10-20", "title": "Framework"},
                          {"url": "http://example.org/a", "publisher": "Example", "published": "2025-10-21"}],
              "summary": "A framework.",
              "minerals": ["rare earths", "NdPr"],
              "organizations": [{"name": "Alcoa", "role": "developer", "ticker": "AA"}, {"name": "Arafura"}],
              "location": "Western Australia",
              "status": "SIGNED",
              "binding": false,
              "partOf": "quad-initiative",
              "funding": [{"amount": 1000000.10, "currency": "usd", "status": "COMMITTED", "type": "LOAN",
                           "note": "EXIM letter"},
                          {"amount": 500, "currency": "AUD", "status": "PROPOSED"}],
              "risks": [{"category": "PERMITTING", "note": "Permits pending"}],
              "tags": ["flagship"],
              "unknownField": {"ignored": true}
            }]
            """;

    @Test
    void aRecordWithEveryFieldIsAcceptedWithNormalisedValues() throws IOException {
        Path file = dir.resolve("full.json");
        Files.writeString(file, FULL, StandardCharsets.UTF_8);
        JsonNode node;
        try (InitiativeFileReader reader = new InitiativeFileReader(file, "initiatives/full.json")) {
            node = ((RawRecord.Parsed) reader.next()).node();
        }

        Validation result = validator.validate(node);

        assertThat(result).isInstanceOf(Validation.Valid.class);
        Initiative i = ((Validation.Valid) result).initiative();
        assertThat(i.id()).isEqualTo("us-au-framework");
        assertThat(i.title()).isEqualTo("US-Australia critical minerals framework");
        assertThat(i.kind()).isEqualTo(InitiativeKind.PARTNERSHIP);
        assertThat(i.announced()).isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(i.parties()).containsExactly("US", "AU");
        assertThat(i.stages()).containsExactly(Stage.MINING, Stage.REFINING);
        assertThat(i.sources()).containsExactly(
                new Source("https://www.whitehouse.gov/x", "The White House", LocalDate.of(2025, 10, 20), "Framework"),
                new Source("http://example.org/a", "Example", LocalDate.of(2025, 10, 21), null));
        assertThat(i.summary()).isEqualTo("A framework.");
        assertThat(i.minerals()).containsExactly("rare earths", "NdPr");
        assertThat(i.organizations()).containsExactly(new Organization("Alcoa", "developer", "AA"),
                new Organization("Arafura", null, null));
        assertThat(i.location()).isEqualTo("Western Australia");
        assertThat(i.status()).isEqualTo(InitiativeStatus.SIGNED);
        assertThat(i.binding()).isFalse();
        assertThat(i.partOf()).isEqualTo("quad-initiative");
        assertThat(i.funding()).hasSize(2);
        FundingLine first = i.funding().get(0);
        // equals, not compareTo: the scale of 1000000.10 must survive reading.
        assertThat(first.amount()).isEqualTo(new BigDecimal("1000000.10"));
        assertThat(first.amount().scale()).isEqualTo(2);
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.status()).isEqualTo(FundingStatus.COMMITTED);
        assertThat(first.type()).isEqualTo(FundingType.LOAN);
        assertThat(first.note()).isEqualTo("EXIM letter");
        assertThat(i.funding().get(1)).isEqualTo(
                new FundingLine(new BigDecimal("500"), "AUD", FundingStatus.PROPOSED, null, null));
        assertThat(i.risks()).containsExactly(new StatedRisk(RiskCategory.PERMITTING, "Permits pending"));
        assertThat(i.tags()).containsExactly("flagship");
    }

    @Test
    void defaultsApplyToAMinimalRecord() {
        Validation result = validator.validate(minimal());

        Initiative i = ((Validation.Valid) result).initiative();
        assertThat(i.status()).isEqualTo(InitiativeStatus.ANNOUNCED);
        assertThat(i.binding()).isTrue();
        assertThat(i.summary()).isNull();
        assertThat(i.partOf()).isNull();
        assertThat(i.minerals()).isEmpty();
        assertThat(i.organizations()).isEmpty();
        assertThat(i.funding()).isEmpty();
        assertThat(i.risks()).isEmpty();
        assertThat(i.tags()).isEmpty();
    }

    @Test
    void nullOptionalFieldsCountAsAbsent() {
        ObjectNode node = minimal();
        node.putNull("summary");
        node.putNull("funding");
        node.putNull("binding");

        Initiative i = ((Validation.Valid) validator.validate(node)).initiative();

        assertThat(i.summary()).isNull();
        assertThat(i.funding()).isEmpty();
        assertThat(i.binding()).isTrue();
    }

    @Test
    void missingTitle() {
        ObjectNode node = minimal();
        node.remove("title");
        assertReasons(node, "`title` is missing");
    }

    @Test
    void idNotASlugKeepsTheIdForTheReport() {
        ObjectNode node = minimal();
        node.put("id", "Bad_ID");
        Validation.Invalid invalid = assertReasons(node,
                "`id` 'Bad_ID' is not a lowercase slug ([a-z0-9][a-z0-9-]{0,63})");
        assertThat(invalid.id()).isEqualTo("Bad_ID");
    }

    @Test
    void idOfTheWrongTypeIsUnreadable() {
        ObjectNode node = minimal();
        node.put("id", 42);
        Validation.Invalid invalid = assertReasons(node, "`id` must be a string (found a number)");
        assertThat(invalid.id()).isNull();
    }

    @Test
    void idOf65CharactersIsTooLong() {
        ObjectNode node = minimal();
        node.put("id", "a".repeat(65));
        assertReasons(node, "`id` '" + "a".repeat(65) + "' is not a lowercase slug ([a-z0-9][a-z0-9-]{0,63})");
    }

    @Test
    void unknownKind() {
        ObjectNode node = minimal();
        node.put("kind", "ALLIANCE");
        assertReasons(node, "`kind` 'ALLIANCE' is not one of PARTNERSHIP, FEDERAL_PROGRAM, LEGISLATION, "
                + "PRIVATE_PROJECT, RESEARCH_AGREEMENT, STOCKPILE");
    }

    @Test
    void impossibleDates() {
        ObjectNode node = minimal();
        node.put("announced", "2025-13-01");
        assertReasons(node, "`announced` '2025-13-01' is not a date in the form YYYY-MM-DD");
        node.put("announced", "2025-02-30");
        assertReasons(node, "`announced` '2025-02-30' is not a date in the form YYYY-MM-DD");
        node.put("announced", "20/10/2025");
        assertReasons(node, "`announced` '20/10/2025' is not a date in the form YYYY-MM-DD");
    }

    @Test
    void unknownCountryCode() {
        ObjectNode node = minimal();
        node.putArray("parties").add("US").add("XX");
        assertReasons(node, "`parties[1]` 'XX' is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void emptyAndMissingRequiredLists() {
        ObjectNode node = minimal();
        node.putArray("stages");
        assertReasons(node, "`stages` must list at least one of MINING, PROCESSING, REFINING, MAGNETS, RECYCLING, "
                + "STOCKPILING, RESEARCH");
        node = minimal();
        node.remove("sources");
        assertReasons(node, "`sources` must list at least one source");
        node = minimal();
        node.put("parties", "US");
        assertReasons(node, "`parties` must be a list (found \"US\")");
    }

    @Test
    void fundingProblems() {
        ObjectNode node = minimal();
        node.set("funding", json("""
                [{"amount": -5, "currency": "USD", "status": "COMMITTED"},
                 {"amount": "ten", "currency": "XYZ", "status": "PROPOSED"},
                 {"amount": 10, "currency": "chf"},
                 {"amount": 1.0000001, "currency": "JPY", "status": "PAID", "type": "GIFT"}]
                """));
        assertReasons(node,
                "`funding[0].amount` must be greater than 0 (found -5)",
                "`funding[1].amount` must be a number (found \"ten\")",
                "`funding[1].currency` 'XYZ' is not an ISO 4217 currency code (e.g. USD, AUD)",
                "`funding[2].currency` 'chf' has no rate in fx-rates.json; add its rate there or give the amount "
                        + "in another currency",
                "`funding[2].status` is missing",
                "`funding[3].amount` has more than 6 decimal places (found 1.0000001)",
                "`funding[3].status` 'PAID' is not one of COMMITTED, PROPOSED, DISBURSED",
                "`funding[3].type` 'GIFT' is not one of GRANT, LOAN, EQUITY, APPROPRIATION, JOINT_COMMITMENT, "
                        + "CONTRACT");
    }

    @Test
    void sourceProblems() {
        ObjectNode node = minimal();
        node.set("sources", json("""
                [{"url": "ftp://x.org/a", "publisher": "X", "published": "2025-01-01"},
                 {"url": "https://x.org/b", "published": "yesterday"},
                 "https://x.org/c"]
                """));
        assertReasons(node,
                "`sources[0].url` 'ftp://x.org/a' is not an http(s) address; give the full address starting with "
                        + "https://",
                "`sources[1].publisher` is missing",
                "`sources[1].published` 'yesterday' is not a date in the form YYYY-MM-DD",
                "`sources[2]` must be an object (found \"https://x.org/c\")");
    }

    @Test
    void aSourceMayStateTheFigureItReports() {
        ObjectNode node = minimal();
        node.set("sources", json("""
                [{"url": "https://x.org/a", "publisher": "X", "published": "2025-01-01",
                  "reported": {"amount": 3000000000, "currency": "usd", "note": "  over $3B combined "}},
                 {"url": "https://x.org/b", "publisher": "Y", "published": "2025-01-02",
                  "reported": {"amount": 1.5e9, "currency": "AUD"}},
                 {"url": "https://x.org/c", "publisher": "Z", "published": "2025-01-03", "reported": null}]
                """));
        Initiative i = ((Validation.Valid) validator.validate(node)).initiative();
        assertThat(i.sources().get(0).reported())
                .isEqualTo(new ReportedFigure(new BigDecimal("3000000000"), "USD", "over $3B combined"));
        assertThat(i.sources().get(1).reported().amount()).isEqualByComparingTo("1500000000");
        assertThat(i.sources().get(1).reported().currency()).isEqualTo("AUD");
        assertThat(i.sources().get(1).reported().note()).isNull();
        assertThat(i.sources().get(2).reported()).isNull();
    }

    @Test
    void aBadReportedFigureRejectsTheRecordNamingTheField() {
        ObjectNode node = minimal();
        node.set("sources", json("""
                [{"url": "https://x.org/a", "publisher": "X", "published": "2025-01-01",
                  "reported": {"amount": -5, "currency": "USD"}},
                 {"url": "https://x.org/b", "publisher": "Y", "published": "2025-01-02",
                  "reported": {"amount": "a billion", "currency": "CHF"}},
                 {"url": "https://x.org/c", "publisher": "Z", "published": "2025-01-03",
                  "reported": {"currency": "XXQ", "note": 7}},
                 {"url": "https://x.org/d", "publisher": "W", "published": "2025-01-04", "reported": 1000000}]
                """));
        assertReasons(node,
                "`sources[0].reported.amount` must be greater than 0 (found -5)",
                "`sources[1].reported.amount` must be a number (found \"a billion\")",
                "`sources[1].reported.currency` 'CHF' has no rate in fx-rates.json; add its rate there or give the "
                        + "amount in another currency",
                "`sources[2].reported.amount` is missing",
                "`sources[2].reported.currency` 'XXQ' is not an ISO 4217 currency code (e.g. USD, AUD)",
                "`sources[2].reported.note` must be a string (found a number)",
                "`sources[3].reported` must be an object (found a number)");
    }

    @Test
    void textLimits() {
        ObjectNode node = minimal();
        node.put("title", "t".repeat(240));
        node.put("summary", "s".repeat(4001));
        node.putArray("tags").add("ok").add("  ").add("x".repeat(101));
        node.set("organizations", json("[{\"name\": \"A\", \"ticker\": \"" + "T".repeat(21) + "\"}]"));
        assertReasons(node,
                "`title` is 240 characters long; at most 200 are allowed",
                "`summary` is 4001 characters long; at most 4000 are allowed",
                "`organizations[0].ticker` is 21 characters long; at most 20 are allowed",
                "`tags[1]` is empty",
                "`tags[2]` is 101 characters long; at most 100 are allowed");
    }

    @Test
    void charactersAreCodePointsNotUtf16Units() {
        ObjectNode node = minimal();
        node.put("title", "\uD83D\uDE80".repeat(200)); // 200 rockets, 400 UTF-16 units
        assertThat(validator.validate(node)).isInstanceOf(Validation.Valid.class);
    }

    @Test
    void listsHoldAtMost100Entries() {
        ObjectNode node = minimal();
        var tags = node.putArray("tags");
        for (int i = 0; i < 101; i++) {
            tags.add("t" + i);
        }
        assertReasons(node, "`tags` has 101 entries; at most 100 are allowed");
    }

    @Test
    void partOfProblems() {
        ObjectNode node = minimal();
        node.put("partOf", "rec-1");
        assertReasons(node, "`partOf` names the record itself; give the id of the initiative whose funding already "
                + "includes this one, or remove it");
        node.put("partOf", "Bad ID");
        assertReasons(node, "`partOf` 'Bad ID' is not a valid id (a lowercase slug [a-z0-9][a-z0-9-]{0,63})");
    }

    @Test
    void bindingStatusAndRisks() {
        ObjectNode node = minimal();
        node.put("binding", "yes");
        node.put("status", "DONE");
        node.set("risks", json("[{\"category\": \"WEATHER\", \"note\": \"n\"}, {\"category\": \"MARKET\"}]"));
        assertReasons(node,
                "`status` 'DONE' is not one of ANNOUNCED, SIGNED, FUNDED, IN_PROGRESS, OPERATIONAL, STALLED, "
                        + "CANCELLED",
                "`binding` must be true or false (found \"yes\")",
                "`risks[0].category` 'WEATHER' is not one of PERMITTING, TECHNOLOGY, NONBINDING, CONCENTRATION, "
                        + "POLICY, MARKET, EXECUTION",
                "`risks[1].note` is missing");
    }

    @Test
    void aRecordWithThreeProblemsListsThreeReasons() {
        ObjectNode node = minimal();
        node.remove("title");
        node.put("kind", "ALLIANCE");
        node.putArray("parties").add("XX");
        Validation.Invalid invalid = (Validation.Invalid) validator.validate(node);
        assertThat(invalid.id()).isEqualTo("rec-1");
        assertThat(invalid.reasons()).hasSize(3);
        assertThat(invalid.reasons().get(0)).startsWith("`title`");
        assertThat(invalid.reasons().get(1)).startsWith("`kind`");
        assertThat(invalid.reasons().get(2)).startsWith("`parties[0]`");
    }

    @Test
    void notAnObject() {
        Validation.Invalid invalid = (Validation.Invalid) validator.validate(json("[1, 2]"));
        assertThat(invalid.id()).isNull();
        assertThat(invalid.reasons()).containsExactly("the record is not a JSON object (found an array)");
        assertThat(((Validation.Invalid) validator.validate(json("42"))).reasons())
                .containsExactly("the record is not a JSON object (found a number)");
    }

    @Test
    void controlCharactersInTextRejectTheRecordNamingTheField() {
        // Valid JSON ("\u0001" is an escape), but no renderer can carry it.
        ObjectNode node = (ObjectNode) json("""
                {"id": "rec-1", "title": "Bad\\u0001title", "kind": "STOCKPILE", "announced": "2024-01-31",
                 "parties": ["JP"], "stages": ["STOCKPILING"], "minerals": ["nd\\u001bpr"],
                 "organizations": [{"name": "\\u0007Org"}],
                 "sources": [{"url": "https://example.org", "publisher": "Example", "published": "2024-02-01",
                              "title": "tab\\tand\\nline breaks are fine"}]}
                """);
        Validation.Invalid invalid = assertReasons(node,
                "`title` contains the control character U+0001 at character 4; remove it (tab and line breaks are allowed)",
                "`minerals[0]` contains the control character U+001B at character 3; remove it (tab and line breaks are allowed)",
                // At the start: trimming would have dropped it without a word.
                "`organizations[0].name` contains the control character U+0007 at character 1; remove it (tab and line "
                        + "breaks are allowed)");
        assertThat(invalid.id()).isEqualTo("rec-1");
    }

    @Test
    void aBadValueIsEchoedWithItsControlCharactersVisible() {
        ObjectNode node = minimal();
        node.put("kind", "STOCK\u001b[2JPILE");
        Validation.Invalid invalid = (Validation.Invalid) validator.validate(node);
        assertThat(invalid.reasons()).singleElement().asString()
                .startsWith("`kind` 'STOCK\\u001B[2JPILE' is not one of").doesNotContain("\u001b");
    }

    private Validation.Invalid assertReasons(JsonNode node, String... reasons) {
        Validation result = validator.validate(node);
        assertThat(result).isInstanceOf(Validation.Invalid.class);
        Validation.Invalid invalid = (Validation.Invalid) result;
        assertThat(invalid.reasons()).containsExactly(reasons);
        return invalid;
    }

    private static JsonNode json(String text) {
        return IntakeJson.MAPPER.readTree(text);
    }

    private static ObjectNode minimal() {
        return (ObjectNode) json("""
                {"id": "rec-1", "title": "A record", "kind": "STOCKPILE", "announced": "2024-01-31",
                 "parties": ["JP"], "stages": ["STOCKPILING"],
                 "sources": [{"url": "https://example.org", "publisher": "Example", "published": "2024-02-01"}]}
                """);
    }

    @Test
    void theMinimalRecordIsValid() {
        assertThat(validator.validate(minimal())).isEqualTo(new Validation.Valid(new Initiative("rec-1", "A record",
                InitiativeKind.STOCKPILE, LocalDate.of(2024, 1, 31), List.of("JP"), List.of(Stage.STOCKPILING),
                List.of(new Source("https://example.org", "Example", LocalDate.of(2024, 2, 1), null)), null,
                List.of(), List.of(), null, InitiativeStatus.ANNOUNCED, true, null, List.of(), List.of(),
                List.of())));
    }
}
