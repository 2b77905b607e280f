package dev.briefings.delivery;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.briefings.briefing.PlainText;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.intake.IntakeJson;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.RecordValidator;
import dev.briefings.intake.Stage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code recipients.json}: a JSON array of recipients. A file that cannot be used at all is a
 * {@link ConfigurationException}; a bad entry is rejected with every reason while the others are kept, so one typo
 * does not stop delivery to everyone else. An unknown field is such a reason too: a misplaced filter (say
 * {@code parties} beside {@code interests} instead of in it) would otherwise send that recipient every record.
 */
public final class RecipientsFile {

    private static final List<String> FIELDS = List.of("id", "name", "email", "organization", "interests", "formats",
            "protect");
    private static final List<String> INTEREST_FIELDS = List.of("parties", "stages", "kinds", "minerals");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RecipientsFile() {
    }

    /**
     * @param file      the recipients file
     * @param passwords asked only whether a password exists for each recipient with {@code protect: true}
     * @throws ConfigurationException when the file is missing, unreadable, not JSON or not an array
     */
    public static Recipients load(Path file, PasswordSource passwords) {
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw new ConfigurationException("Recipients file " + file + " must hold a JSON array of recipients, found "
                    + IntakeJson.describe(root));
        }
        var accepted = new ArrayList<Recipient>();
        var rejected = new ArrayList<RecipientProblem>();
        var firstPosition = new HashMap<String, String>();
        for (int i = 0; i < root.size(); i++) {
            String position = "[" + i + "]";
            var entry = new Entry(root.get(i), passwords);
            entry.read();
            if (entry.id != null) {
                String first = firstPosition.putIfAbsent(entry.id, position);
                if (first != null) {
                    entry.reasons.add("duplicate id '" + entry.id + "': already used by the recipient at " + first);
                }
            }
            if (entry.reasons.isEmpty()) {
                accepted.add(entry.recipient());
            } else {
                rejected.add(new RecipientProblem(position, entry.rawId, entry.reasons));
            }
        }
        return new Recipients(accepted, rejected);
    }

    private static JsonNode parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("Recipients file " + file + " not found", e);
        } catch (AccessDeniedException e) {
            throw new ConfigurationException("Recipients file " + file + " is not readable (access denied)", e);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the recipients file " + file + ": " + e.getMessage(), e);
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new ConfigurationException("Recipients file " + file + " is not valid JSON " + at(e.getLocation())
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location == TokenStreamLocation.NA) {
            return "(position unknown)";
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Echoed values are shortened so one huge field cannot flood a report, and control characters shown as escapes. */
    private static String clip(String text) {
        return PlainText.visible(text.length() <= 80 ? text : text.substring(0, 80) + "…");
    }

    /** One array element being read; collects every reason it cannot be used. */
    private static final class Entry {
        private final JsonNode node;
        private final PasswordSource passwords;
        private final List<String> reasons = new ArrayList<>();
        /** The id as written (for the report), and the id when it is a valid slug (for duplicates). */
        private String rawId;
        private String id;
        private String name;
        private String email;
        private String organization;
        private Interests interests = Interests.ALL;
        private Set<Recipient.Format> formats = Collections.unmodifiableSet(EnumSet.of(Recipient.Format.PDF));
        private boolean protect;

        Entry(JsonNode node, PasswordSource passwords) {
            this.node = node;
            this.passwords = passwords;
        }

        void read() {
            if (!node.isObject()) {
                reasons.add("a recipient must be an object, found " + IntakeJson.describe(node));
                return;
            }
            readId();
            unknownFields(node, FIELDS, "");
            name = requiredText("name");
            readEmail();
            organization = requiredText("organization");
            readInterests();
            readFormats();
            readProtect();
        }

        Recipient recipient() {
            return new Recipient(id, name, email, organization, interests, formats, protect);
        }

        private void readId() {
            String value = requiredText("id");
            if (value == null) {
                return;
            }
            rawId = clip(value);
            if (RecordValidator.isSlug(value)) {
                id = value;
            } else {
                reasons.add("`id` '" + clip(value) + "' is not a valid id: use 1 to 64 lower-case letters, digits and"
                        + " hyphens, starting with a letter or digit");
            }
        }

        private void readEmail() {
            String value = requiredText("email");
            if (value == null) {
                return;
            }
            Optional<String> problem = mailboxProblem(value.trim());
            if (problem.isPresent()) {
                reasons.add("`email` '" + clip(value) + "' is not a valid e-mail address: " + problem.get());
            } else {
                email = value.trim();
            }
        }

        /** A single bare mailbox with a dotted domain, or why not. */
        private static Optional<String> mailboxProblem(String value) {
            InternetAddress address;
            try {
                address = new InternetAddress(value, true);
            } catch (AddressException e) {
                // The constructor rejects lists ("a@x.org, b@y.org") as well as bad syntax.
                return Optional.of(e.getMessage());
            }
            if (address.isGroup()) {
                return Optional.of("a group, not a single mailbox");
            }
            if (address.getPersonal() != null || !value.equals(address.getAddress())) {
                return Optional.of("write the bare address, without a display name or angle brackets");
            }
            String domain = value.substring(value.lastIndexOf('@') + 1);
            if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.startsWith("[")) {
                return Optional.of("the domain '" + clip(domain) + "' is not a full domain name like example.org");
            }
            return Optional.empty();
        }

        /** The trimmed text of a required string field, or null with a reason. */
        private String requiredText(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                reasons.add("`" + field + "` is missing");
                return null;
            }
            if (!value.isString()) {
                reasons.add("`" + field + "` must be a string, found " + IntakeJson.describe(value));
                return null;
            }
            // One line each (a mail header, the mark on every page): no control characters, line breaks included.
            String forbidden = PlainText.lineProblem(value.stringValue());
            if (forbidden != null) {
                reasons.add("`" + field + "` " + forbidden + "; remove it");
                return null;
            }
            String text = value.stringValue().trim();
            if (text.isEmpty()) {
                reasons.add("`" + field + "` is blank");
                return null;
            }
            return text;
        }

        private void readInterests() {
            JsonNode value = node.get("interests");
            if (value == null || value.isNull()) {
                return;
            }
            if (!value.isObject()) {
                reasons.add("`interests` must be an object, found " + IntakeJson.describe(value));
                return;
            }
            unknownFields(value, INTEREST_FIELDS, "interests.");
            List<String> parties = codes(value, "parties", COUNTRIES::contains,
                    "an ISO 3166 alpha-2 country code such as US or JP");
            List<String> stages = codes(value, "stages", names(Stage.values())::contains,
                    "one of " + String.join(", ", names(Stage.values())));
            List<String> kinds = codes(value, "kinds", names(InitiativeKind.values())::contains,
                    "one of " + String.join(", ", names(InitiativeKind.values())));
            List<String> minerals = codes(value, "minerals", v -> true, "");
            interests = new Interests(parties, stages, kinds, minerals);
        }

        /** The strings of {@code interests.<field>}; each must pass {@code known} once upper-cased. */
        private List<String> codes(JsonNode interestsNode, String field, Predicate<String> known, String expected) {
            JsonNode list = interestsNode.get(field);
            String path = "interests." + field;
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                reasons.add("`" + path + "` must be an array, found " + IntakeJson.describe(list));
                return List.of();
            }
            var values = new ArrayList<String>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String where = path + "[" + i + "]";
                if (!item.isString() || item.stringValue().isBlank()) {
                    reasons.add(where + " must be a non-blank string, found "
                            + (item.isString() ? "a blank string" : IntakeJson.describe(item)));
                    continue;
                }
                String forbidden = PlainText.lineProblem(item.stringValue());
                if (forbidden != null) {
                    reasons.add(where + " " + forbidden + "; remove it");
                    continue;
                }
                String text = item.stringValue().trim();
                if (!known.test(text.toUpperCase(Locale.ROOT))) {
                    reasons.add(where + " '" + clip(text) + "' is not " + expected);
                    continue;
                }
                values.add(text);
            }
            return values;
        }

        private void readFormats() {
            JsonNode value = node.get("formats");
            if (value == null || value.isNull()) {
                return;
            }
            String expected = "one of " + Stream.of(Recipient.Format.values())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            if (!value.isArray()) {
                reasons.add("`formats` must be an array, found " + IntakeJson.describe(value));
                return;
            }
            if (value.isEmpty()) {
                reasons.add("`formats` is empty: list at least " + expected + ", or leave it out for pdf");
                return;
            }
            var chosen = EnumSet.noneOf(Recipient.Format.class);
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String text = item.isString() ? item.stringValue().trim() : null;
                Optional<Recipient.Format> format = Stream.of(Recipient.Format.values())
                        .filter(f -> f.name().equalsIgnoreCase(text)).findFirst();
                if (format.isPresent()) {
                    chosen.add(format.get());
                } else {
                    reasons.add("formats[" + i + "] " + (text == null ? IntakeJson.describe(item) : "'" + clip(text) + "'")
                            + " is not " + expected);
                }
            }
            formats = Collections.unmodifiableSet(chosen);
        }

        private void readProtect() {
            JsonNode value = node.get("protect");
            if (value == null || value.isNull()) {
                return;
            }
            if (!value.isBoolean()) {
                reasons.add("`protect` must be true or false, found " + IntakeJson.describe(value));
                return;
            }
            protect = value.booleanValue();
            if (protect && id != null) {
                Optional<char[]> password = passwords.passwordFor(id);
                // Only its presence matters here; the copy is wiped at once.
                password.ifPresent(p -> Arrays.fill(p, '\0'));
                if (password.isEmpty()) {
                    reasons.add("`protect` is true but no password is configured for '" + id + "': set "
                            + PasswordSource.environmentVariable(id) + " or add " + id + " to the secrets file");
                }
            }
        }

        /** A reason for each field not in {@code known}, with the field it was probably meant to be. */
        private void unknownFields(JsonNode object, List<String> known, String prefix) {
            for (String field : object.propertyNames()) {
                if (known.contains(field)) {
                    continue;
                }
                String hint = suggestion(field);
                reasons.add("unknown field `" + prefix + clip(field) + "`" + (hint == null ? "" : ": did you mean `" + hint + "`?")
                        + " (this recipient is not sent anything until the file is fixed)");
            }
        }

        /** The known field nearest to {@code field} (anywhere in a recipient), or null when none is close. */
        private static String suggestion(String field) {
            String lower = field.toLowerCase(Locale.ROOT);
            String best = null;
            int bestDistance = 3; // at most two edits away
            for (String candidate : FIELDS) {
                int d = distance(lower, candidate);
                if (d < bestDistance) {
                    best = candidate;
                    bestDistance = d;
                }
            }
            for (String candidate : INTEREST_FIELDS) {
                int d = distance(lower, candidate);
                if (d < bestDistance) {
                    best = "interests." + candidate;
                    bestDistance = d;
                }
            }
            return best;
        }

        /** Levenshtein distance: small strings, a handful of candidates. */
        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }

        private static List<String> names(Enum<?>[] values) {
            return Stream.of(values).map(Enum::name).toList();
        }
    }
}
