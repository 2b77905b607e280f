package dev.briefings.risk;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.RiskNote.Severity;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.RiskCategory;
import dev.briefings.intake.Stage;
import dev.briefings.risk.RiskRule.Concentration;
import dev.briefings.risk.RiskRule.Header;
import dev.briefings.risk.RiskRule.NonbindingWithFunding;
import dev.briefings.risk.RiskRule.ProcessingDependency;
import dev.briefings.risk.RiskRule.ProposedOnly;
import dev.briefings.risk.RiskRule.StageNotYetUnderway;
import dev.briefings.risk.RiskRule.StagePresent;
import tools.jackson.databind.JsonNode;

/** The risk rules of templates/risk-rules.json (format in templates/README.md), validated on load. */
public final class RiskRules {

    static final int DEFAULT_MAX_IDS = 50;
    static final int DEFAULT_MAX_STATED_NOTES = 200;

    private static final Set<String> HEADER_FIELDS = Set.of("id", "type", "severity", "category", "title", "why");

    private final List<RiskRule> rules;
    private final Map<RiskCategory, Severity> statedSeverity;
    private final Severity statedDefaultSeverity;
    private final int maxIdsPerNote;
    private final int maxStatedNotes;

    RiskRules(List<RiskRule> rules, Map<RiskCategory, Severity> statedSeverity, Severity statedDefaultSeverity,
              int maxIdsPerNote, int maxStatedNotes) {
        this.rules = List.copyOf(rules);
        this.statedSeverity = statedSeverity.isEmpty() ? Map.of() : new EnumMap<>(statedSeverity);
        this.statedDefaultSeverity = statedDefaultSeverity;
        this.maxIdsPerNote = maxIdsPerNote;
        this.maxStatedNotes = maxStatedNotes;
    }

    List<RiskRule> rules() {
        return rules;
    }

    Severity statedSeverity(RiskCategory category) {
        return statedSeverity.getOrDefault(category, statedDefaultSeverity);
    }

    int maxIdsPerNote() {
        return maxIdsPerNote;
    }

    int maxStatedNotes() {
        return maxStatedNotes;
    }

    /** The ids of the rules, in file order (for logs and the methodology). */
    public List<String> ruleIds() {
        return rules.stream().map(r -> r.header().id()).toList();
    }

    /** Reads and checks the rules; any problem is a ConfigurationException naming the file, the rule and field. */
    public static RiskRules load(Path file) {
        JsonNode root = ConfigJson.readObject(file, "risk rules file");
        ConfigJson json = ConfigJson.of(file);
        json.onlyFields(root, "", Set.of("maxIdsPerNote", "maxStatedNotes", "statedRiskSeverity",
                "statedRiskDefaultSeverity", "rules"));
        int maxIds = json.optionalPositiveInt(root, "", "maxIdsPerNote", DEFAULT_MAX_IDS);
        int maxStated = json.optionalPositiveInt(root, "", "maxStatedNotes", DEFAULT_MAX_STATED_NOTES);
        String defaultName = json.optionalText(root, "", "statedRiskDefaultSeverity");
        Severity statedDefault = defaultName == null ? Severity.MEDIUM
                : json.constant("", "statedRiskDefaultSeverity", Severity.class, defaultName);
        Map<RiskCategory, Severity> stated = new EnumMap<>(RiskCategory.class);
        JsonNode severities = root.get("statedRiskSeverity");
        if (severities != null && !severities.isNull()) {
            if (!severities.isObject()) {
                throw json.error("", "field 'statedRiskSeverity' must be an object of category to severity");
            }
            for (var entry : severities.properties()) {
                RiskCategory category = json.constant("statedRiskSeverity", "key", RiskCategory.class, entry.getKey());
                if (!entry.getValue().isString()) {
                    throw json.error("statedRiskSeverity", "the severity of " + entry.getKey()
                            + " must be HIGH, MEDIUM or LOW");
                }
                stated.put(category, json.constant("statedRiskSeverity", entry.getKey(), Severity.class,
                        entry.getValue().stringValue()));
            }
        }
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray()) {
            throw json.error("", "field 'rules' must be a list of rules (it may be empty)");
        }
        List<RiskRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : list.values()) {
            index++;
            RiskRule rule = rule(json, node, index);
            if (!ids.add(rule.header().id())) {
                throw json.error("rule " + index + " (id '" + rule.header().id() + "')", "id appears twice");
            }
            rules.add(rule);
        }
        return new RiskRules(rules, stated, statedDefault, maxIds, maxStated);
    }

    private static RiskRule rule(ConfigJson json, JsonNode node, int index) {
        String place = "rule " + index;
        if (!node.isObject()) {
            throw json.error(place, "must be an object");
        }
        String id = json.text(node, place, "id");
        place = "rule " + index + " (id '" + id + "')";
        String type = json.text(node, place, "type");
        Severity severity = json.constant(place, "severity", Severity.class, json.text(node, place, "severity"));
        RiskCategory category = json.constant(place, "category", RiskCategory.class,
                json.text(node, place, "category"));
        Header header = new Header(id, type, severity, category, json.text(node, place, "title"),
                json.text(node, place, "why"));
        RiskRule rule = switch (type) {
            case "NONBINDING_WITH_FUNDING" -> {
                only(json, node, place, "minUsd");
                BigDecimal min = json.optionalDecimal(node, place, "minUsd", BigDecimal.ZERO);
                if (min.signum() < 0) {
                    throw json.error(place, "field 'minUsd' must not be negative");
                }
                yield new NonbindingWithFunding(header, min);
            }
            case "STAGE_NOT_YET_UNDERWAY" -> {
                only(json, node, place, "stages", "statuses");
                yield new StageNotYetUnderway(header, json.enums(node, place, "stages", Stage.class),
                        json.enums(node, place, "statuses", InitiativeStatus.class));
            }
            case "STAGE_PRESENT" -> {
                only(json, node, place, "stages");
                yield new StagePresent(header, json.enums(node, place, "stages", Stage.class));
            }
            case "CONCENTRATION" -> {
                only(json, node, place, "dimensions", "maxShare");
                yield new Concentration(header, json.enums(node, place, "dimensions", Dimension.class),
                        share(json, node, place, "maxShare"));
            }
            case "PROCESSING_DEPENDENCY" -> {
                only(json, node, place, "figure", "threshold", "stages", "unlessStages");
                yield new ProcessingDependency(header, json.text(node, place, "figure"),
                        json.decimal(node, place, "threshold"), json.enums(node, place, "stages", Stage.class),
                        json.enums(node, place, "unlessStages", Stage.class));
            }
            case "PROPOSED_ONLY" -> {
                only(json, node, place);
                yield new ProposedOnly(header);
            }
            default -> throw json.error(place, "field 'type': unknown rule type '" + type + "' (expected one of "
                    + "NONBINDING_WITH_FUNDING, STAGE_NOT_YET_UNDERWAY, STAGE_PRESENT, CONCENTRATION, "
                    + "PROCESSING_DEPENDENCY, PROPOSED_ONLY)");
        };
        checkPlaceholders(json, place, "title", header.title(), rule);
        checkPlaceholders(json, place, "why", header.why(), rule);
        return rule;
    }

    private static void only(ConfigJson json, JsonNode node, String place, String... parameters) {
        Set<String> allowed = new HashSet<>(HEADER_FIELDS);
        allowed.addAll(List.of(parameters));
        json.onlyFields(node, place, allowed);
    }

    private static BigDecimal share(ConfigJson json, JsonNode node, String place, String field) {
        BigDecimal share = json.decimal(node, place, field);
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw json.error(place, "field '" + field + "' must be a share between 0 and 1, not " + share);
        }
        return share;
    }

    private static void checkPlaceholders(ConfigJson json, String place, String field, String text, RiskRule rule) {
        Set<String> allowed = new TreeSet<>(RiskRule.COMMON);
        allowed.addAll(rule.placeholders());
        for (String name : Display.placeholders(text)) {
            if (!allowed.contains(name)) {
                throw json.error(place, "field '" + field + "': unknown placeholder {" + name + "} for "
                        + rule.header().type() + " (expected one of " + String.join(", ", allowed) + ")");
            }
        }
    }
}
