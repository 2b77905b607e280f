package dev.briefings.history;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.briefings.briefing.Changes;
import dev.briefings.figures.Cents;

/**
 * Compares this run's records with the snapshot of the previous successful nightly briefing: new, changed
 * (different content) and removed initiatives, and the change in committed funding. The previous snapshot is held
 * as one small entry per id.
 */
public final class ChangeTracker {

    static final int MAX_LISTED = 200;

    private record Entry(String hash, BigDecimal committed, String title) {
    }

    private final PreviousBriefing previous;
    private final Map<String, Entry> remaining;
    private final List<Changes.Change> added = new ArrayList<>();
    private final List<Changes.Change> changed = new ArrayList<>();
    private long addedCount;
    private long changedCount;

    /**
     * @param previous the previous nightly briefing, or null when there is none
     * @param history  where its snapshot is kept
     */
    public ChangeTracker(PreviousBriefing previous, RunHistory history) {
        this.previous = previous;
        this.remaining = new HashMap<>();
        if (previous != null) {
            history.readSnapshot(previous.jobInstanceId(), in -> {
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] f = line.split("\t", 4);
                    remaining.put(f[0], new Entry(f[1], new BigDecimal(f[2]), f[3]));
                }
            });
        }
    }

    /** One snapshot line for an in-scope record. */
    public static String snapshotLine(String id, String hash, BigDecimal committedUsd, String title) {
        return id + '\t' + hash + '\t' + committedUsd.toPlainString() + '\t' + oneLine(title);
    }

    /** Tabs and line breaks become spaces, so a title stays one field of one line. */
    private static String oneLine(String title) {
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n') {
                return title.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
            }
        }
        return title;
    }

    /** An in-scope record of this run. Call before {@link #seen}. */
    public void inScope(String id, String title, String hash, BigDecimal committedUsd) {
        if (previous == null) {
            return;
        }
        Entry before = remaining.get(id);
        if (before == null) {
            addedCount++;
            if (added.size() < MAX_LISTED) {
                added.add(new Changes.Change(id, title, Cents.round(committedUsd)));
            }
        } else if (differs(before, hash, committedUsd, title)) {
            changedCount++;
            if (changed.size() < MAX_LISTED) {
                changed.add(new Changes.Change(id, title, Cents.round(committedUsd).subtract(Cents.round(before.committed()))));
            }
        }
    }

    /**
     * Snapshots written before staged digests carried their scheme hold digests of another form: against those,
     * only a change of committed funding or title counts, so an upgrade does not report every record as changed.
     */
    private static boolean differs(Entry before, String hash, BigDecimal committedUsd, String title) {
        if (scheme(before.hash()).equals(scheme(hash))) {
            return !before.hash().equals(hash);
        }
        return before.committed().compareTo(committedUsd) != 0
                || !before.title().equals(oneLine(title));
    }

    private static String scheme(String hash) {
        return hash.substring(0, hash.indexOf(':') + 1);
    }

    /** Any accepted record of this run, in scope or not: it was not removed. */
    public void seen(String id) {
        if (previous != null) {
            remaining.remove(id);
        }
    }

    public Changes finish(BigDecimal committedUsd) {
        if (previous == null) {
            return new Changes(null, List.of(), 0, List.of(), 0, List.of(), 0, null, null);
        }
        List<Changes.Change> removed = new ArrayList<>();
        remaining.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(MAX_LISTED).forEach(e ->
                removed.add(new Changes.Change(e.getKey(), e.getValue().title(),
                        Cents.round(e.getValue().committed()).negate())));
        return new Changes(previous.asOf(), List.copyOf(added), addedCount, List.copyOf(changed), changedCount,
                List.copyOf(removed), remaining.size(), previous.committedUsd(),
                committedUsd.subtract(previous.committedUsd()));
    }

    /** The previous successful nightly briefing: its as-of date and committed total. */
    public record PreviousBriefing(long jobInstanceId, LocalDate asOf, BigDecimal committedUsd) {
    }
}
