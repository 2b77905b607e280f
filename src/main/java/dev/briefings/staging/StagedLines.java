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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

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
        String[] f = line.split("\t", 5);
        return new Key(Long.parseLong(f[0]), f[1], f[2].isEmpty() ? null : f[2], f[3].equals("1"), f[4]);
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

    public static void writeAncestors(Path file, Map<String, String> ancestorOf) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var e : ancestorOf.entrySet()) {
                out.write(e.getKey() + '\t' + e.getValue() + '\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Map<String, String> readAncestors(Path file) {
        Map<String, String> map = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                map.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return map;
    }
}
