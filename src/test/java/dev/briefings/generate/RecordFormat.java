package dev.briefings.generate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The input record format from the issue, written out independently of any production parser so that tests of
 * generated and curated records check the format itself.
 */
final class RecordFormat {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PARTY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Set<String> KINDS = Set.of(
            "PARTNERSHIP", "FEDERAL_PROGRAM", "LEGISLATION", "PRIVATE_PROJECT", "RESEARCH_AGREEMENT", "STOCKPILE");
    static final Set<String> STAGES = Set.of(
            "MINING", "PROCESSING", "REFINING", "MAGNETS", "RECYCLING", "STOCKPILING", "RESEARCH");
    static final Set<String> STATUSES = Set.of(
            "ANNOUNCED", "SIGNED", "FUNDED", "IN_PROGRESS", "OPERATIONAL", "STALLED", "CANCELLED");
    private static final Set<String> FUNDING_STATUSES = Set.of("COMMITTED", "PROPOSED", "DISBURSED");
    private static final Set<String> FUNDING_TYPES = Set.of(
            "GRANT", "LOAN", "EQUITY", "APPROPRIATION", "JOINT_COMMITMENT", "CONTRACT");
    private static final Set<String> RISKS = Set.of(
            "PERMITTING", "TECHNOLOGY", "NONBINDING", "CONCENTRATION", "POLICY", "MARKET", "EXECUTION");

    private RecordFormat() {
    }

    /** Everything wrong with one record; empty when it is valid. */
    static List<String> problems(JsonNode r) {
        var problems = new ArrayList<String>();
        String id = text(r, "id");
        check(problems, id != null && ID.matcher(id).matches(), "id");
        String title = text(r, "title");
        check(problems, title != null && !title.isBlank() && title.length() <= 200, "title");
        check(problems, KINDS.contains(text(r, "kind")), "kind");
        check(problems, isDate(text(r, "announced")), "announced");
        check(problems, nonEmptyArray(r, "parties")
                && r.get("parties").values().stream().allMatch(p -> p.isString() && PARTY.matcher(p.stringValue()).matches()),
                "parties");
        check(problems, nonEmptyArray(r, "stages")
                && r.get("stages").values().stream().allMatch(s -> STAGES.contains(s.asString())), "stages");
        check(problems, nonEmptyArray(r, "sources"), "sources");
        if (nonEmptyArray(r, "sources")) {
            for (JsonNode s : r.get("sources").values()) {
                String url = text(s, "url");
                check(problems, url != null && (url.startsWith("http://") || url.startsWith("https://")), "source url");
                check(problems, text(s, "publisher") != null && !text(s, "publisher").isBlank(), "source publisher");
                check(problems, isDate(text(s, "published")), "source published");
            }
        }
        if (r.has("status")) {
            check(problems, STATUSES.contains(text(r, "status")), "status");
        }
        if (r.has("binding")) {
            check(problems, r.get("binding").isBoolean(), "binding");
        }
        if (r.has("partOf")) {
            String partOf = text(r, "partOf");
            check(problems, partOf != null && ID.matcher(partOf).matches() && !partOf.equals(id), "partOf");
        }
        if (r.has("organizations")) {
            for (JsonNode o : r.get("organizations").values()) {
                check(problems, text(o, "name") != null && !text(o, "name").isBlank(), "organization name");
            }
        }
        if (r.has("funding")) {
            for (JsonNode f : r.get("funding").values()) {
                check(problems, f.has("amount") && f.get("amount").isNumber()
                        && f.get("amount").decimalValue().signum() > 0, "funding amount");
                String currency = text(f, "currency");
                check(problems, currency != null && CURRENCY.matcher(currency).matches(), "funding currency");
                check(problems, FUNDING_STATUSES.contains(text(f, "status")), "funding status");
                if (f.has("type")) {
                    check(problems, FUNDING_TYPES.contains(text(f, "type")), "funding type");
                }
            }
        }
        if (r.has("risks")) {
            for (JsonNode k : r.get("risks").values()) {
                check(problems, RISKS.contains(text(k, "category")), "risk category");
                check(problems, text(k, "note") != null && !text(k, "note").isBlank(), "risk note");
            }
        }
        return problems.stream().map(p -> id + ": " + p).toList();
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static boolean nonEmptyArray(JsonNode r, String name) {
        return r.has(name) && r.get(name).isArray() && r.get(name).size() > 0;
    }

    private static boolean isDate(String text) {
        if (text == null || !ISO_DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void check(List<String> problems, boolean ok, String what) {
        if (!ok) {
            problems.add(what);
        }
    }
}
