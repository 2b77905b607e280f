package dev.briefings.staging;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

import dev.briefings.intake.CrossRecordChecks;

/**
 * The small text files of the workspace, beside the binary {@link AcceptedFile}: one key line per accepted record
 * ({@code seq TAB id TAB partOf TAB included TAB position}) for the cross-record checks, rejected records as JSON
 * lines, and the carve-out map ({@code child TAB nearest in-scope ancestor}). Only this class knows their layout.
 */
public final class StagedLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StagedLines() {
    }

    public record Key(long seq, String id, String partOf, boolean included, String position) {
    }

    public static String key(StagedRecord.Accepted a) {
        String partOf = a.initiative().partOf();
        return a.seq() + "\t" + a.initiative().id() + '\t' + (partOf == null ? "" : partOf) + '\t'
                + (a.included() ? '1' : '0') + '\t' + a.position();
    }

    public static Key parseKey(String line) {
        // Four tabs found by hand (String.split made this a third of a large run's reconcile step); the position,
        // last, is the rest of the line.
        int a = tab(line, 0);
        int b = tab(line, a + 1);
        int c = tab(line, b + 1);
        int d = tab(line, c + 1);
        return new Key(Long.parseLong(line, 0, a, 10), line.substring(a + 1, b), b + 1 == c ? null : line.substring(b + 1, c),
                d == c + 2 && line.charAt(c + 1) == '1', line.substring(d + 1));
    }

    private static int tab(String line, int from) {
        int at = line.indexOf('\t', from);
        if (at < 0) {
            throw new IllegalArgumentException("not a staged key line (too few fields): " + line);
        }
        return at;
    }

    /** Every key line of a keys file, in staging order. */
    public static void forEachKey(Path file, Consumer<Key> action) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                action.accept(parseKey(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged keys " + file, e);
        }
    }

    public static String rejected(StagedRecord.Rejected r) {
        return JSON.writeValueAsString(r);
    }

    public static StagedRecord.Rejected parseRejected(String line) {
        return JSON.readValue(line, StagedRecord.Rejected.class);
    }

    /** Up to {@code limit} rejected records of a rejects file (none when it does not exist), in order. */
    public static List<StagedRecord.Rejected> readRejects(Path file, long limit) {
        List<StagedRecord.Rejected> list = new ArrayList<>();
        if (!Files.exists(file)) {
            return list;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && list.size() < limit; line = in.readLine()) {
                list.add(parseRejected(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged rejects " + file, e);
        }
        return list;
    }

    public static void writeRejects(Path file, List<StagedRecord.Rejected> rejects) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var r : rejects) {
                out.write(rejected(r));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Each record's nearest included ancestor, as reconcile found them: a line "id, ancestor's id, its seq". */
    public static void writeAncestors(Path file, Map<String, CrossRecordChecks.Ancestor> ancestorOf) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var e : ancestorOf.entrySet()) {
                out.write(e.getKey() + '\t' + e.getValue().id() + '\t' + e.getValue().seq() + '\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The ancestors reconcile wrote: each record's ancestor id, and the seqs of those ancestors (so that the compose
     * step need not look them up), or no seqs when the file was written by an earlier version (a run resumed after
     * an upgrade), which gave only the ids.
     */
    public static Ancestry readAncestors(Path file) {
        Map<String, String> map = new HashMap<>();
        Set<Long> seqs = new HashSet<>();
        boolean withSeqs = true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                int second = line.indexOf('\t', tab + 1);
                if (second < 0) {
                    withSeqs = false;
                    map.put(line.substring(0, tab), line.substring(tab + 1));
                } else {
                    map.put(line.substring(0, tab), line.substring(tab + 1, second));
                    seqs.add(Long.parseLong(line, second + 1, line.length(), 10));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Ancestry(map, withSeqs ? Optional.of(seqs) : Optional.empty());
    }

    /**
     * @param ancestorOf each record's nearest included ancestor, by id
     * @param seqs       the seqs of those ancestors, when the file gave them
     */
    public record Ancestry(Map<String, String> ancestorOf, Optional<Set<Long>> seqs) {
    }
}
