package dev.briefings.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void problemsNameTheFilterAndLeaveTheWordingOfItToTheFront() {
        var filters = new Filters(List.of("zz", "au"), List.of("minning"), List.of("alliance"), List.of("NdPr"));
        assertThat(filters.problems()).containsExactly(
                new Filters.Problem("party", "'ZZ' is not an ISO 3166-1 alpha-2 country code (e.g. US, AU, JP)"),
                new Filters.Problem("stage", "'MINNING' is not one of MINING, PROCESSING, REFINING, MAGNETS, "
                        + "RECYCLING, STOCKPILING, RESEARCH"),
                new Filters.Problem("kind", "'ALLIANCE' is not one of PARTNERSHIP, FEDERAL_PROGRAM, LEGISLATION, "
                        + "PRIVATE_PROJECT, RESEARCH_AGREEMENT, STOCKPILE"));
        assertThat(new Filters(List.of("AU"), List.of("MINING"), List.of(), List.of("anything")).problems()).isEmpty();
    }

    @Test
    void equalRequestsAreOneEdition() {
        var a = new Filters(List.of(" jp", "AU", "au"), List.of("mining"), null, List.of("Rare Earths"));
        var b = Filters.parse("party=AU,JP;stage=MINING;mineral=rare earths");
        assertThat(a).isEqualTo(b);
        assertThat(a.canonical()).isEqualTo("party=AU,JP;stage=MINING;mineral=rare earths");
        // The space is not a plain character: written as its UTF-8 byte, so "rare-earths" can never read the same.
        assertThat(a.slug()).isEqualTo("party-au-jp_stage-mining_mineral-rare.20earths");
        assertThat(a.describe()).isEqualTo("Parties: AU, JP · Stages: MINING · Minerals: rare earths");
        assertThat(Filters.parse("")).isEqualTo(Filters.NONE);
        assertThat(Filters.NONE.describe()).isEqualTo("All records");
    }

    @Test
    void plainValuesKeepTodaysEditionNames() {
        assertThat(new Filters(List.of("AU", "JP"), List.of("MINING"), List.of(), List.of()).slug())
                .isEqualTo("party-au-jp_stage-mining");
        assertThat(new Filters(List.of(), List.of(), List.of("FEDERAL_PROGRAM", "LEGISLATION"), List.of("NdPr")).slug())
                .isEqualTo("kind-federal_program-legislation_mineral-ndpr");
    }

    @Test
    void filtersThatDifferOnlyInPunctuationHaveDifferentEditionNames() {
        // Each pair collided before: punctuation became "-", the separator of values, and long names were cut.
        List<Filters> sets = List.of(
                minerals("a/b"), minerals("a-b"), minerals("a b"), minerals("a.b"), minerals("a_b"), minerals("ab"),
                minerals("a", "b"), minerals("a-b", "c"), minerals("a", "b-c"), minerals("a,b"), minerals("a;b"),
                minerals("a=b"), minerals("a%2Cb"), minerals("a.2fb"), minerals("é"), minerals("e\u0301"),
                new Filters(List.of(), List.of("MINING"), List.of(), List.of()), minerals("stage-mining"),
                new Filters(List.of("AU"), List.of(), List.of(), List.of("x")), minerals("x_party-au"));
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                assertThat(sets.get(i).slug()).as(sets.get(i) + " and " + sets.get(j)).isNotEqualTo(sets.get(j).slug());
                assertThat(sets.get(i).canonical()).as(sets.get(i) + " and " + sets.get(j))
                        .isNotEqualTo(sets.get(j).canonical());
            }
        }
        // Worked out by hand: "/" is byte 2f, "-" is 2d, " " is 20; "é" is c3 a9 in UTF-8.
        assertThat(minerals("a/b").slug()).isEqualTo("mineral-a.2fb");
        assertThat(minerals("a-b").slug()).isEqualTo("mineral-a.2db");
        assertThat(minerals("a", "b").slug()).isEqualTo("mineral-a-b");
        assertThat(minerals("é").slug()).isEqualTo("mineral-.c3.a9");
    }

    @Test
    void mineralsMatchWhateverTheCaseSoValuesDifferingOnlyInCaseAreOneEdition() {
        assertThat(minerals("NdPr")).isEqualTo(minerals("ndpr"));
        assertThat(minerals("NdPr").slug()).isEqualTo(minerals("ndpr").slug()).isEqualTo("mineral-ndpr");
    }

    @Test
    void everyFilterSetReadsBackFromItsCanonicalForm() {
        for (Filters f : List.of(minerals("a,b"), minerals("a;b=c"), minerals("100%"), minerals("a%2Cb"),
                new Filters(List.of("AU", "JP"), List.of("MINING"), List.of("LEGISLATION"), List.of("rare earths")))) {
            assertThat(Filters.parse(f.canonical())).as(f.canonical()).isEqualTo(f);
        }
        assertThat(minerals("a,b").canonical()).isEqualTo("mineral=a%2Cb");
        // Written before values were escaped: a lone % stays as it is.
        assertThat(Filters.parse("mineral=50%").minerals()).containsExactly("50%");
    }

    @Test
    void longFilterSetsEndInADigestAndStayDistinct() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("mineral" + i);
        }
        Filters a = new Filters(List.of(), List.of(), List.of(), many);
        List<String> oneMore = new java.util.ArrayList<>(many);
        oneMore.add("mineral99");
        Filters b = new Filters(List.of(), List.of(), List.of(), oneMore);
        assertThat(a.slug()).hasSize(80 + 1 + 20).matches("mineral-mineral0-mineral1-.*~[0-9a-f]{20}");
        assertThat(b.slug()).hasSize(101).startsWith(a.slug().substring(0, 80)).isNotEqualTo(a.slug());
    }

    @Test
    void controlCharactersAndOverLongMineralsAreProblemsAndEchoedVisibly() {
        var filters = new Filters(List.of("A\u001b[31m"), List.of(), List.of(), List.of("a\u0001b", "x".repeat(101),
                "line\nbreak", " ndpr\t"));
        assertThat(filters.minerals()).contains("ndpr"); // spaces and tabs around a value are dropped
        assertThat(filters.problems()).containsExactly(
                new Filters.Problem("party", "'A\\u001B[31M' is not an ISO 3166-1 alpha-2 country code (e.g. US, AU, JP)"),
                new Filters.Problem("mineral", "'a\\u0001b' contains the control character U+0001 at character 2; remove it"),
                new Filters.Problem("mineral", "'line\\u000Abreak' contains the control character U+000A at character 5; "
                        + "remove it"),
                new Filters.Problem("mineral", "'" + "x".repeat(80) + "…' is 101 characters long; a record's minerals are "
                        + "at most 100"));
    }

    @Test
    void aControlCharacterAtEitherEndIsAProblemNotSilentlyDropped() {
        assertThat(minerals("\u001Fndpr").problems()).extracting(Filters.Problem::message)
                .containsExactly("'\\u001Fndpr' contains the control character U+001F at character 1; remove it");
    }

    private static Filters minerals(String... values) {
        return new Filters(List.of(), List.of(), List.of(), List.of(values));
    }
}
