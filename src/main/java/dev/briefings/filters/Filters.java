package dev.briefings.filters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.briefings.briefing.PlainText;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.Stage;

/**
 * The filters of an ad hoc edition. Values within one filter are alternatives; different filters must all
 * match. Lists are sorted and upper-cased (minerals lower-cased, as they match case-insensitively) so that equal
 * requests are one briefing. Both fronts (command line, API) and the job check values through {@link #problems()}.
 */
public record Filters(List<String> parties, List<String> stages, List<String> kinds, List<String> minerals) {

    public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of());

    /** A record's minerals are at most this long, so a longer filter value could never match. */
    public static final int MAX_MINERAL = 100;

    /** The filter names, as in {@link #canonical()}. */
    private static final String PARTY = "party";
    private static final String STAGE = "stage";
    private static final String KIND = "kind";
    private static final String MINERAL = "mineral";

    /** Edition names longer than this end in a digest instead (a folder name must stay well below 255 bytes). */
    static final int MAX_SLUG = 100;
    /** How much of a long name is kept before its digest. */
    private static final int SLUG_PREFIX = 80;

    /**
     * A value a user must fix: which filter it was given for ("party", "stage", "kind" or "mineral") and what is wrong
     * with it, e.g. "'MINNING' is not one of MINING, ...". Each front words the filter its own way (an option, a field).
     */
    public record Problem(String filter, String message) {
    }

    public Filters {
        parties = normalise(parties, true);
        stages = normalise(stages, true);
        kinds = normalise(kinds, true);
        minerals = normalise(minerals, false);
    }

    private static List<String> normalise(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(Filters::strip).filter(v -> !v.isEmpty())
                .map(v -> upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT))
                .distinct().sorted().toList();
    }

    /**
     * Drops spaces, tabs and line breaks at either end, but not other control characters (which {@link String#trim}
     * and {@link String#strip} would drop too): those must reach {@link #problems()} and be refused, not vanish.
     */
    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c > 0x9F && Character.isSpaceChar(c));
    }

    public boolean isEmpty() {
        return parties.isEmpty() && stages.isEmpty() && kinds.isEmpty() && minerals.isEmpty();
    }

    /** Whether a record is in this edition's scope. */
    public boolean matches(Initiative i) {
        return (parties.isEmpty() || i.parties().stream().anyMatch(parties::contains))
                && (stages.isEmpty() || i.stages().stream().anyMatch(s -> stages.contains(s.name())))
                && (kinds.isEmpty() || kinds.contains(i.kind().name()))
                && (minerals.isEmpty() || i.minerals().stream()
                .anyMatch(m -> minerals.contains(m.toLowerCase(Locale.ROOT))));
    }

    /**
     * Values that name no country, stage or kind, and minerals that could match no record (control characters,
     * longer than {@value #MAX_MINERAL} characters), in filter order. Values are echoed with control characters
     * written as {@code \\uXXXX}.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        var countries = Set.of(Locale.getISOCountries());
        parties.stream().filter(p -> !countries.contains(p)).forEach(p -> problems.add(new Problem(PARTY,
                quote(p) + " is not an ISO 3166-1 alpha-2 country code (e.g. US, AU, JP)")));
        stages.stream().filter(s -> !isEnum(Stage.class, s)).forEach(s ->
                problems.add(new Problem(STAGE, quote(s) + " is not one of " + names(Stage.class))));
        kinds.stream().filter(k -> !isEnum(InitiativeKind.class, k)).forEach(k ->
                problems.add(new Problem(KIND, quote(k) + " is not one of " + names(InitiativeKind.class))));
        for (String m : minerals) {
            String forbidden = PlainText.lineProblem(m);
            if (forbidden != null) {
                problems.add(new Problem(MINERAL, quote(m) + " " + forbidden + "; remove it"));
            } else if (m.codePointCount(0, m.length()) > MAX_MINERAL) {
                problems.add(new Problem(MINERAL, quote(m) + " is " + m.codePointCount(0, m.length())
                        + " characters long; a record's minerals are at most " + MAX_MINERAL));
            }
        }
        return problems;
    }

    /** A value in quotes, shortened, with control characters visible. */
    private static String quote(String value) {
        String clipped = value.length() <= 80 ? value : value.substring(0, 80) + "…";
        return "'" + PlainText.visible(clipped) + "'";
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * A stable text form, e.g. "party=AU,JP;stage=MINING", that {@link #parse} reads back to equal filters. In a
     * value, %, comma, semicolon and = are written %25, %2C, %3B and %3D (only minerals can hold them).
     */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        add(parts, PARTY, parties);
        add(parts, STAGE, stages);
        add(parts, KIND, kinds);
        add(parts, MINERAL, minerals);
        return String.join(";", parts);
    }

    private static void add(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + "=" + values.stream().map(Filters::escape).collect(Collectors.joining(",")));
        }
    }

    private static String escape(String value) {
        if (value.indexOf('%') < 0 && value.indexOf(',') < 0 && value.indexOf(';') < 0 && value.indexOf('=') < 0) {
            return value;
        }
        return value.replace("%", "%25").replace(",", "%2C").replace(";", "%3B").replace("=", "%3D");
    }

    /** Undoes {@link #escape}; any other % stays as it is (canonical forms written before escaping existed). */
    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String code = c == '%' && i + 2 < value.length() ? value.substring(i + 1, i + 3).toUpperCase(Locale.ROOT) : "";
            char decoded = switch (code) {
                case "25" -> '%';
                case "2C" -> ',';
                case "3B" -> ';';
                case "3D" -> '=';
                default -> 0;
            };
            if (decoded != 0) {
                sb.append(decoded);
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Reads {@link #canonical()} back. @throws IllegalArgumentException when the text is not such a form */
    public static Filters parse(String canonical) {
        List<String> parties = List.of(), stages = List.of(), kinds = List.of(), minerals = List.of();
        if (canonical != null && !canonical.isBlank()) {
            for (String part : canonical.split(";")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("'" + PlainText.visible(part) + "' is not NAME=VALUE,...");
                }
                List<String> values = Arrays.stream(kv[1].split(",")).map(Filters::unescape).toList();
                switch (kv[0]) {
                    case PARTY -> parties = values;
                    case STAGE -> stages = values;
                    case KIND -> kinds = values;
                    case MINERAL -> minerals = values;
                    default -> throw new IllegalArgumentException("unknown filter " + PlainText.visible(kv[0]));
                }
            }
        }
        return new Filters(parties, stages, kinds, minerals);
    }

    /**
     * The edition's folder name, e.g. "party-au-jp_stage-mining": each filter as NAME-VALUE-VALUE..., joined by "_".
     * Different filters always give different names. Values made of a-z, 0-9 and _ are written as they are (as
     * every country, stage and kind is); in any other value (a mineral such as "rare earths" or "a/b") every other
     * character is written as its UTF-8 bytes, each as "." and two hex digits ("rare.20earths", "a.2fb"), so no
     * two values and no two lists of values read the same. A name longer than {@value #MAX_SLUG} characters keeps
     * its first {@value #SLUG_PREFIX} and ends in "~" and 20 hex digits of the SHA-256 of {@link #canonical()}.
     */
    public String slug() {
        List<String> parts = new ArrayList<>();
        slugPart(parts, PARTY, parties);
        slugPart(parts, STAGE, stages);
        slugPart(parts, KIND, kinds);
        slugPart(parts, MINERAL, minerals);
        String full = String.join("_", parts);
        if (full.length() <= MAX_SLUG) {
            return full;
        }
        return full.substring(0, SLUG_PREFIX) + "~" + HexFormat.of().formatHex(sha256(canonical()), 0, 10);
    }

    private static void slugPart(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + "-" + values.stream().map(Filters::slugValue).collect(Collectors.joining("-")));
        }
    }

    private static String slugValue(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
            if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_') {
                sb.append((char) b);
            } else {
                sb.append('.').append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        return sb.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** In words for the cover, e.g. "Parties: AU, JP · Stages: MINING". */
    public String describe() {
        if (isEmpty()) {
            return "All records";
        }
        List<String> parts = new ArrayList<>();
        if (!parties.isEmpty()) parts.add("Parties: " + String.join(", ", parties));
        if (!stages.isEmpty()) parts.add("Stages: " + String.join(", ", stages));
        if (!kinds.isEmpty()) parts.add("Kinds: " + String.join(", ", kinds));
        if (!minerals.isEmpty()) parts.add("Minerals: " + String.join(", ", minerals));
        return String.join(" · ", parts);
    }
}
