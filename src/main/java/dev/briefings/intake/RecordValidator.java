package dev.briefings.intake;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import dev.briefings.briefing.PlainText;

/**
 * Checks one parsed record against the record format and turns it into an {@link Initiative}. Every problem of the
 * record is reported (not only the first); each reason names the field path exactly as in the record
 * ({@code funding[1].currency}) and says what is wrong.
 *
 * <p>Normalisation: texts are trimmed; country and currency codes are accepted in any case and upper-cased;
 * repeated entries in {@code parties} and {@code stages} are dropped (first order kept); {@code status} defaults to
 * ANNOUNCED and {@code binding} to true; absent optional lists become empty lists; a JSON {@code null} counts as
 * absent; unknown fields are ignored. Enum values must be written exactly (upper case).
 *
 * <p>Limits (characters are Unicode code points, counted after trimming):
 * <table>
 *   <caption>Length limits</caption>
 *   <tr><th>field</th><th>at most</th></tr>
 *   <tr><td>{@code id}, {@code partOf}</td><td>64, lowercase slug {@code [a-z0-9][a-z0-9-]{0,63}}</td></tr>
 *   <tr><td>{@code title}</td><td>200</td></tr>
 *   <tr><td>{@code summary}</td><td>4000</td></tr>
 *   <tr><td>{@code location}, {@code organizations[].name}, {@code organizations[].role},
 *       {@code sources[].publisher}</td><td>200</td></tr>
 *   <tr><td>{@code sources[].title}</td><td>400</td></tr>
 *   <tr><td>{@code sources[].url}</td><td>2000</td></tr>
 *   <tr><td>{@code funding[].note}, {@code risks[].note}, {@code sources[].reported.note}</td><td>2000</td></tr>
 *   <tr><td>{@code minerals[]}, {@code tags[]}</td><td>100</td></tr>
 *   <tr><td>{@code organizations[].ticker}</td><td>20</td></tr>
 *   <tr><td>every list</td><td>100 entries</td></tr>
 *   <tr><td>{@code funding[].amount}, {@code sources[].reported.amount}</td><td>greater than 0, less than 10^15,
 *       at most 6 decimal places</td></tr>
 * </table>
 * Text fields must not contain control characters other than tab, line feed and carriage return (see
 * {@link PlainText}); such a record is rejected with the field and the character's position.
 * Cross-record checks ({@code partOf} targets that do not exist, cycles, duplicate ids) are not done here.
 * Thread-safe: holds only the immutable rates.
 */
public final class RecordValidator {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 4000;
    static final int MAX_NAME = 200;
    static final int MAX_SOURCE_TITLE = 400;
    static final int MAX_URL = 2000;
    static final int MAX_NOTE = 2000;
    static final int MAX_WORD = 100;
    static final int MAX_TICKER = 20;
    static final int MAX_LIST = 100;
    static final int MAX_DECIMALS = 6;
    static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);

    private static final String SLUG_RULE = "[a-z0-9][a-z0-9-]{0,63}";

    private final FxRates rates;

    public RecordValidator(FxRates rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    public Validation validate(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Validation.Invalid(null,
                    List.of("the record is not a JSON object (found " + IntakeJson.describe(node) + ")"));
        }
        return new Check(node).run();
    }

    /** The state of validating one record: the reasons found so far. */
    private final class Check {

        private final JsonNode record;
        private final List<String> reasons = new ArrayList<>();

        Check(JsonNode record) {
            this.record = record;
        }

        Validation run() {
            JsonNode idNode = record.get("id");
            String rawId = idNode != null && idNode.isString() && !idNode.stringValue().isBlank()
                    ? idNode.stringValue().trim() : null;
            String id = slug(record, "id", FieldPath.of("id"), true);
            String title = text(record, "title", FieldPath.of("title"), MAX_TITLE, true);
            InitiativeKind kind = enumValue(record, "kind", FieldPath.of("kind"), InitiativeKind.class, true);
            LocalDate announced = date(record, "announced", FieldPath.of("announced"), true);
            List<String> parties = parties();
            List<Stage> stages = stages();
            List<Source> sources = list(record, "sources", FieldPath.of("sources"), "must list at least one source",
                    (path, n) -> source(path, n));
            String summary = text(record, "summary", FieldPath.of("summary"), MAX_SUMMARY, false);
            List<String> minerals = list(record, "minerals", FieldPath.of("minerals"), null,
                    (path, n) -> listText(path, n, MAX_WORD));
            List<Organization> organizations = list(record, "organizations", FieldPath.of("organizations"), null,
                    (path, n) -> organization(path, n));
            String location = text(record, "location", FieldPath.of("location"), MAX_NAME, false);
            InitiativeStatus status = enumValue(record, "status", FieldPath.of("status"), InitiativeStatus.class, false);
            Boolean binding = bool(record, "binding", FieldPath.of("binding"));
            String partOf = slug(record, "partOf", FieldPath.of("partOf"), false);
            if (partOf != null && partOf.equals(id)) {
                reasons.add("`partOf` names the record itself; give the id of the initiative whose funding "
                        + "already includes this one, or remove it");
            }
            List<FundingLine> funding = list(record, "funding", FieldPath.of("funding"), null, (path, n) -> fundingLine(path, n));
            List<StatedRisk> risks = list(record, "risks", FieldPath.of("risks"), null, (path, n) -> risk(path, n));
            List<String> tags = list(record, "tags", FieldPath.of("tags"), null, (path, n) -> listText(path, n, MAX_WORD));

            if (!reasons.isEmpty()) {
                return new Validation.Invalid(rawId, reasons);
            }
            return new Validation.Valid(new Initiative(id, title, kind, announced, parties, stages, sources,
                    summary, minerals, organizations, location,
                    status == null ? InitiativeStatus.ANNOUNCED : status,
                    binding == null || binding, partOf, funding, risks, tags));
        }

        // ---- composite fields -------------------------------------------------------------------------------

        private List<String> parties() {
            List<String> codes = list(record, "parties", FieldPath.of("parties"),
                    "must list at least one ISO 3166-1 alpha-2 country code (e.g. US, AU, JP)", (path, n) -> {
                        String text = stringOf(path, n);
                        if (text == null) {
                            return null;
                        }
                        String code = IsoCodes.normalise(text);
                        if (!IsoCodes.COUNTRIES.contains(code)) {
                            String hint = code.equals("UK") ? " (the United Kingdom is GB)" : "";
                            reasons.add(field(path) + " " + quote(text)
                                    + " is not an ISO 3166-1 alpha-2 country code" + hint);
                            return null;
                        }
                        return code;
                    });
            return distinct(codes);
        }

        private List<Stage> stages() {
            List<Stage> stages = list(record, "stages", FieldPath.of("stages"), STAGES_MISSING,
                    (path, n) -> {
                        String text = stringOf(path, n);
                        return text == null ? null : parseEnum(path, text, Stage.class);
                    });
            return distinct(stages);
        }

        private Source source(FieldPath path, JsonNode node) {
            if (!isObject(path, node)) {
                return null;
            }
            String url = text(node, "url", path.field("url"), MAX_URL, true);
            if (url != null && !isHttpUrl(url)) {
                reasons.add(field(path.field("url")) + " " + quote(url)
                        + " is not an http(s) address; give the full address starting with https://");
                url = null;
            }
            String publisher = text(node, "publisher", path.field("publisher"), MAX_NAME, true);
            LocalDate published = date(node, "published", path.field("published"), true);
            String title = text(node, "title", path.field("title"), MAX_SOURCE_TITLE, false);
            ReportedFigure reported = reported(path.field("reported"), node);
            return new Source(url, publisher, published, title, reported);
        }

        /** The figure a source states: checked like a funding line's amount and currency. */
        private ReportedFigure reported(FieldPath path, JsonNode source) {
            JsonNode node = present(source, "reported", path, false);
            if (node == null || !isObject(path, node)) {
                return null;
            }
            BigDecimal amount = amount(node, path.field("amount"));
            String currency = currency(node, path.field("currency"));
            String note = text(node, "note", path.field("note"), MAX_NOTE, false);
            return amount == null || currency == null ? null : new ReportedFigure(amount, currency, note);
        }

        private Organization organization(FieldPath path, JsonNode node) {
            if (!isObject(path, node)) {
                return null;
            }
            String name = text(node, "name", path.field("name"), MAX_NAME, true);
            String role = text(node, "role", path.field("role"), MAX_NAME, false);
            String ticker = text(node, "ticker", path.field("ticker"), MAX_TICKER, false);
            return new Organization(name, role, ticker);
        }

        private FundingLine fundingLine(FieldPath path, JsonNode node) {
            if (!isObject(path, node)) {
                return null;
            }
            BigDecimal amount = amount(node, path.field("amount"));
            String currency = currency(node, path.field("currency"));
            FundingStatus status = enumValue(node, "status", path.field("status"), FundingStatus.class, true);
            FundingType type = enumValue(node, "type", path.field("type"), FundingType.class, false);
            String note = text(node, "note", path.field("note"), MAX_NOTE, false);
            return new FundingLine(amount, currency, status, type, note);
        }

        private StatedRisk risk(FieldPath path, JsonNode node) {
            if (!isObject(path, node)) {
                return null;
            }
            RiskCategory category = enumValue(node, "category", path.field("category"), RiskCategory.class, true);
            String note = text(node, "note", path.field("note"), MAX_NOTE, true);
            return new StatedRisk(category, note);
        }

        private BigDecimal amount(JsonNode parent, FieldPath path) {
            JsonNode node = present(parent, "amount", path, true);
            if (node == null) {
                return null;
            }
            if (!node.isNumber()) {
                reasons.add(field(path) + " must be a number (found " + found(node) + ")");
                return null;
            }
            BigDecimal amount = node.decimalValue();
            if (amount.signum() <= 0) {
                reasons.add(field(path) + " must be greater than 0 (found " + Numbers.display(amount) + ")");
                return null;
            }
            if (amount.compareTo(MAX_AMOUNT) >= 0) {
                reasons.add(field(path) + " must be less than 1000000000000000 (found " + Numbers.display(amount)
                        + "); amounts are in major units of the currency");
                return null;
            }
            if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
                reasons.add(field(path) + " has more than " + MAX_DECIMALS + " decimal places (found "
                        + Numbers.display(amount) + ")");
                return null;
            }
            return amount;
        }

        private String currency(JsonNode parent, FieldPath path) {
            JsonNode node = present(parent, "currency", path, true);
            if (node == null) {
                return null;
            }
            String text = stringOf(path, node);
            if (text == null) {
                return null;
            }
            String code = IsoCodes.normalise(text);
            if (!IsoCodes.CURRENCIES.contains(code)) {
                reasons.add(field(path) + " " + quote(text) + " is not an ISO 4217 currency code (e.g. USD, AUD)");
                return null;
            }
            if (rates.rate(code).isEmpty()) {
                reasons.add(field(path) + " " + quote(text)
                        + " has no rate in fx-rates.json; add its rate there or give the amount in another currency");
                return null;
            }
            return code;
        }

        // ---- single values ----------------------------------------------------------------------------------

        /** The node of a field, or null after reporting it missing (when required) or when absent/null. */
        private JsonNode present(JsonNode parent, String name, FieldPath path, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    reasons.add(field(path) + " is missing");
                }
                return null;
            }
            return node;
        }

        /** A trimmed, non-empty text within its limit, or null after reporting why not. */
        private String text(JsonNode parent, String name, FieldPath path, int max, boolean required) {
            JsonNode node = present(parent, name, path, required);
            if (node == null) {
                return null;
            }
            return checkedText(path, node, max);
        }

        private String listText(FieldPath path, JsonNode node, int max) {
            return checkedText(path, node, max);
        }

        private String checkedText(FieldPath path, JsonNode node, int max) {
            String text = stringOf(path, node);
            if (text == null) {
                return null;
            }
            // Checked before trimming, which would drop control characters at either end without a word.
            String forbidden = PlainText.problem(text);
            if (forbidden != null) {
                reasons.add(field(path) + " " + forbidden + "; remove it (tab and line breaks are allowed)");
                return null;
            }
            String trimmed = text.trim();
            if (trimmed.isEmpty()) {
                reasons.add(field(path) + " is empty");
                return null;
            }
            int length = trimmed.codePointCount(0, trimmed.length());
            if (length > max) {
                reasons.add(field(path) + " is " + length + " characters long; at most " + max + " are allowed");
                return null;
            }
            return trimmed;
        }

        private String stringOf(FieldPath path, JsonNode node) {
            if (!node.isString()) {
                reasons.add(field(path) + " must be a string (found " + found(node) + ")");
                return null;
            }
            return node.stringValue();
        }

        private String slug(JsonNode parent, String name, FieldPath path, boolean required) {
            JsonNode node = present(parent, name, path, required);
            if (node == null) {
                return null;
            }
            String text = stringOf(path, node);
            if (text == null) {
                return null;
            }
            String trimmed = text.trim();
            if (!isSlug(trimmed)) {
                String what = name.equals("id") ? "is not a lowercase slug (" + SLUG_RULE + ")"
                        : "is not a valid id (a lowercase slug " + SLUG_RULE + ")";
                reasons.add(field(path) + " " + quote(text) + " " + what);
                return null;
            }
            return trimmed;
        }

        private <E extends Enum<E>> E enumValue(JsonNode parent, String name, FieldPath path, Class<E> type,
                                                boolean required) {
            JsonNode node = present(parent, name, path, required);
            if (node == null) {
                return null;
            }
            String text = stringOf(path, node);
            return text == null ? null : parseEnum(path, text, type);
        }

        private <E extends Enum<E>> E parseEnum(FieldPath path, String text, Class<E> type) {
            try {
                // The JDK's own table of the constants by name: getEnumConstants() copied the array at each value.
                return Enum.valueOf(type, text.trim());
            } catch (IllegalArgumentException e) {
                reasons.add(field(path) + " " + quote(text) + " is not one of " + names(type));
                return null;
            }
        }

        private LocalDate date(JsonNode parent, String name, FieldPath path, boolean required) {
            JsonNode node = present(parent, name, path, required);
            if (node == null) {
                return null;
            }
            String text = stringOf(path, node);
            if (text == null) {
                return null;
            }
            LocalDate date = Dates.parse(text);
            if (date == null) {
                reasons.add(field(path) + " " + quote(text) + " is not a date in the form YYYY-MM-DD");
            }
            return date;
        }

        private Boolean bool(JsonNode parent, String name, FieldPath path) {
            JsonNode node = present(parent, name, path, false);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                reasons.add(field(path) + " must be true or false (found " + found(node) + ")");
                return null;
            }
            return node.booleanValue();
        }

        private boolean isObject(FieldPath path, JsonNode node) {
            if (!node.isObject()) {
                reasons.add(field(path) + " must be an object (found " + found(node) + ")");
                return false;
            }
            return true;
        }

        /**
         * The entries of a list field, each converted by {@code entry}, which reports its own problems and returns
         * null for a bad entry. Absent optional lists are empty; {@code emptyReason} non-null makes the list
         * required and non-empty.
         */
        private <T> List<T> list(JsonNode parent, String name, FieldPath path, String emptyReason,
                                 Entry<T> entry) {
            JsonNode node = present(parent, name, path, false);
            if (node == null) {
                if (emptyReason != null) {
                    reasons.add(field(path) + " " + emptyReason);
                }
                return List.of();
            }
            if (!node.isArray()) {
                reasons.add(field(path) + " must be a list (found " + found(node) + ")");
                return List.of();
            }
            if (node.isEmpty() && emptyReason != null) {
                reasons.add(field(path) + " " + emptyReason);
                return List.of();
            }
            if (node.size() > MAX_LIST) {
                // Entries are not checked one by one: a runaway list would bury the record under reasons.
                reasons.add(field(path) + " has " + node.size() + " entries; at most " + MAX_LIST + " are allowed");
                return List.of();
            }
            List<T> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                FieldPath itemPath = path.item(i);
                JsonNode item = node.get(i);
                if (item.isNull()) {
                    reasons.add(field(itemPath) + " is null; remove it or give a value");
                    continue;
                }
                T value = entry.apply(itemPath, item);
                if (value != null) {
                    values.add(value);
                }
            }
            return List.copyOf(values);
        }
    }

    @FunctionalInterface
    private interface Entry<T> {
        T apply(FieldPath path, JsonNode node);
    }

    // ---- helpers without state ------------------------------------------------------------------------------

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /**
     * Whether {@code text} is an id: it matches {@value #SLUG_RULE} (records' ids and partOf, recipients' ids).
     * Checked by hand, as a regular expression's matcher was most of checking the two slugs of each record.
     */
    public static boolean isSlug(String text) {
        int n = text.length();
        if (n == 0 || n > 64 || text.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean isHttpUrl(String url) {
        return isPlainHttpUrl(url) || isHttpUri(url);
    }

    /**
     * Whether {@code url} is a plain http(s) address: a lowercase scheme, a host name (letters, digits and hyphens in
     * dot-separated labels, the last starting with a letter), an optional port, and then only characters that
     * java.net.URI takes in a path, query and fragment, with at most one '#'. Such an address is always one that
     * {@link #isHttpUri} accepts, without URI's full parse (which took some 9% of validating a record); any other
     * text is left to that parse.
     */
    static boolean isPlainHttpUrl(String url) {
        int at = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        if (at < 0) {
            return false;
        }
        int n = url.length();
        int label = at; // where the current label of the host began
        boolean labelStartsWithLetter = false;
        for (; at < n; at++) {
            char c = url.charAt(at);
            if (c == '.' || c == ':' || c == '/' || c == '?' || c == '#') {
                if (at == label || url.charAt(at - 1) == '-') {
                    return false; // an empty label, or one ending in '-'
                }
                if (c != '.') {
                    break;
                }
                label = at + 1;
            } else if (isAsciiLetterOrDigit(c) || c == '-') {
                if (at == label) {
                    if (c == '-') {
                        return false;
                    }
                    labelStartsWithLetter = !(c >= '0' && c <= '9');
                }
            } else {
                return false;
            }
        }
        if (at == label || !labelStartsWithLetter || url.charAt(at - 1) == '-') {
            return false; // no host, a last label that is empty, ends in '-' or does not start with a letter
        }
        if (at < n && url.charAt(at) == ':') {
            int digits = ++at;
            while (at < n && url.charAt(at) >= '0' && url.charAt(at) <= '9') {
                at++;
            }
            if (at == digits || at - digits > 5
                    || at < n && url.charAt(at) != '/' && url.charAt(at) != '?' && url.charAt(at) != '#') {
                return false;
            }
        }
        boolean fragment = false;
        for (; at < n; at++) {
            char c = url.charAt(at);
            if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
            } else if (c == '%') {
                if (at + 2 >= n || !isHexDigit(url.charAt(at + 1)) || !isHexDigit(url.charAt(at + 2))) {
                    return false;
                }
                at += 2;
            } else if (!isAsciiLetterOrDigit(c) && "-._~!$&'()*+,;=:@/?".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Whether java.net.URI reads {@code url} as an http(s) address with a host. */
    static boolean isHttpUri(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false; // the reason given to the curator says the address is not usable
        }
    }

    private static String field(FieldPath path) {
        return "`" + path + "`";
    }

    private static String quote(String text) {
        return "'" + IntakeJson.clip(text) + "'";
    }

    /** A wrong-typed value as the curator wrote it: strings quoted, other values by kind. */
    private static String found(JsonNode node) {
        if (node.isString()) {
            return "\"" + IntakeJson.clip(node.stringValue()) + "\"";
        }
        return IntakeJson.describe(node);
    }

    /** Made once: every record's stages are checked, and the message is needed only when they are missing. */
    private static final String STAGES_MISSING = "must list at least one of " + names(Stage.class);

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

}
