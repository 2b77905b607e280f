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
        assertThat(a.slug()).isEqualTo("party-au-jp_stage-mining_mineral-rare-earths");
        assertThat(a.describe()).isEqualTo("Parties: AU, JP · Stages: MINING · Minerals: rare earths");
        assertThat(Filters.parse("")).isEqualTo(Filters.NONE);
        assertThat(Filters.NONE.describe()).isEqualTo("All records");
    }
}
