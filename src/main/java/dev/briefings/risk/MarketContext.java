package dev.briefings.risk;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.briefings.intake.Source;
import tools.jackson.databind.JsonNode;

/**
 * Figures about the market that the risk rules compare against (input/market-context.json), and the parties
 * counted as allied when judging where processing happens.
 */
public record MarketContext(LocalDate asOf, Set<String> alliedParties, List<ContextFigure> figures) {

    public MarketContext {
        alliedParties = Set.copyOf(alliedParties);
        figures = List.copyOf(figures);
    }

    public Optional<ContextFigure> figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Reads the market context; any problem is a ConfigurationException naming the file and what to fix. */
    public static MarketContext load(Path file) {
        JsonNode root = ConfigJson.readObject(file, "market context file");
        ConfigJson json = ConfigJson.of(file);
        json.onlyFields(root, "", Set.of("asOf", "alliedParties", "figures", "note"));
        LocalDate asOf = json.date(root, "", "asOf");
        Set<String> allied = new LinkedHashSet<>(json.texts(root, "", "alliedParties", true));
        JsonNode list = root.get("figures");
        if (list == null || !list.isArray()) {
            throw json.error("", "field 'figures' must be a list (it may be empty)");
        }
        List<ContextFigure> figures = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int index = 0;
        for (JsonNode node : list.values()) {
            index++;
            String place = "figure " + index;
            if (!node.isObject()) {
                throw json.error(place, "must be an object");
            }
            String key = json.text(node, place, "key");
            place = "figure " + index + " ('" + key + "')";
            if (!keys.add(key)) {
                throw json.error(place, "key '" + key + "' appears twice");
            }
            json.onlyFields(node, place, Set.of("key", "label", "value", "unit", "note", "source"));
            String label = json.text(node, place, "label");
            BigDecimal value = json.decimal(node, place, "value");
            String unit = json.text(node, place, "unit");
            String note = json.optionalText(node, place, "note");
            figures.add(new ContextFigure(key, label, value, unit, note, source(json, node, place)));
        }
        return new MarketContext(asOf, allied, figures);
    }

    private static Source source(ConfigJson json, JsonNode figure, String place) {
        JsonNode node = figure.get("source");
        if (node == null || node.isNull()) {
            throw json.error(place, "field 'source' is missing (a figure must say where it comes from)");
        }
        if (!node.isObject()) {
            throw json.error(place, "field 'source' must be an object");
        }
        String sourcePlace = place + ", source";
        json.onlyFields(node, sourcePlace, Set.of("url", "publisher", "published", "title"));
        return new Source(json.text(node, sourcePlace, "url"), json.text(node, sourcePlace, "publisher"),
                json.date(node, sourcePlace, "published"), json.optionalText(node, sourcePlace, "title"));
    }
}
