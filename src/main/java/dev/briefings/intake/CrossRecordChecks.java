package dev.briefings.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks that need every record: duplicate ids (the first one read wins) and {@code partOf} references that
 * name no record, form a cycle, or lead to a record that was itself rejected. Records are added in read order.
 * Memory: one small entry per id (not the records themselves).
 */
public final class CrossRecordChecks {

    private record Entry(long seq, String file, String position, String partOf, boolean included) {
        String where() {
            return file + " " + position;
        }
    }

    private enum State { OK, REJECTED }

    private final Map<String, Entry> byId = new HashMap<>();
    private final TreeMap<Long, Rejection> rejections = new TreeMap<>();
    private final Map<String, State> states = new HashMap<>();

    /** A record's nearest accepted, in-scope ancestor: its id and where it was read (its seq). */
    public record Ancestor(String id, long seq) {
    }

    /** A record rejected here, with the reasons. */
    public record Rejection(long seq, String id, String file, String position, List<String> reasons) {
    }

    /**
     * @param file     the record's file, e.g. "initiatives/a.json", for messages
     * @param position its position in the file, e.g. "[3]" or "line 4"
     * @param included whether the record is in the edition's scope
     */
    public void add(long seq, String id, String file, String position, String partOf, boolean included) {
        Entry first = byId.putIfAbsent(id, new Entry(seq, file, position, partOf, included));
        if (first != null) {
            reject(seq, id, file, position, "`id` '" + id + "' is already used by the record at " + first.where()
                    + "; the first one is kept: give this record its own id or remove it");
        }
    }

    /** Runs the partOf checks and returns every rejection, in read order. */
    public List<Rejection> finish() {
        for (Map.Entry<String, Entry> e : byId.entrySet()) {
            resolve(e.getKey());
        }
        return List.copyOf(rejections.values());
    }

    private State resolve(String start) {
        // Walk up the partOf chain until a record whose state is known, a missing target, or a cycle.
        List<String> path = new ArrayList<>();
        Map<String, Integer> onPath = new LinkedHashMap<>();
        String id = start;
        State end;
        String reasonForLast = null;
        int cycleFrom = -1;
        while (true) {
            State known = states.get(id);
            if (known != null) {
                end = known;
                break;
            }
            if (onPath.containsKey(id)) {
                cycleFrom = onPath.get(id);
                end = State.REJECTED;
                break;
            }
            Entry entry = byId.get(id);
            onPath.put(id, path.size());
            path.add(id);
            if (entry.partOf() == null) {
                end = State.OK;
                break;
            }
            if (!byId.containsKey(entry.partOf())) {
                reasonForLast = "`partOf` '" + entry.partOf() + "' names no record in the input: correct the id or remove partOf";
                end = State.REJECTED;
                break;
            }
            id = entry.partOf();
        }
        if (end == State.OK) {
            path.forEach(p -> states.put(p, State.OK));
            return State.OK;
        }
        // Everything on the path is rejected; the reason depends on where the record stands.
        int firstCycleMember = cycleFrom >= 0 ? cycleFrom : path.size();
        if (cycleFrom >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(cycleFrom, path.size()));
            cycle.add(path.get(cycleFrom));
            String loop = String.join(" → ", cycle);
            for (int i = cycleFrom; i < path.size(); i++) {
                rejectOnce(path.get(i), "`partOf` forms a cycle (" + loop + "): a record cannot be part of itself; break the loop");
            }
        } else if (reasonForLast != null) {
            rejectOnce(path.get(path.size() - 1), reasonForLast);
            firstCycleMember = path.size() - 1;
        }
        for (int i = firstCycleMember - 1; i >= 0; i--) {
            String parent = byId.get(path.get(i)).partOf();
            rejectOnce(path.get(i), "`partOf` '" + parent + "' names a record that was rejected (see its entry): fix that record first");
        }
        path.forEach(p -> states.put(p, State.REJECTED));
        return State.REJECTED;
    }

    private void rejectOnce(String id, String reason) {
        Entry e = byId.get(id);
        if (states.get(id) == null) {
            reject(e.seq(), id, e.file(), e.position(), reason);
        }
    }

    private void reject(long seq, String id, String file, String position, String reason) {
        rejections.computeIfAbsent(seq, s -> new Rejection(s, id, file, position, new ArrayList<>())).reasons().add(reason);
    }

    /**
     * For each in-scope, accepted record with partOf: its nearest ancestor that is accepted and in scope, if any.
     * Call after {@link #finish()}.
     */
    public Map<String, Ancestor> nearestIncludedAncestors() {
        Map<String, Ancestor> result = new HashMap<>();
        for (Map.Entry<String, Entry> e : byId.entrySet()) {
            Entry entry = e.getValue();
            if (entry.partOf() == null || !entry.included() || states.get(e.getKey()) != State.OK) {
                continue;
            }
            String up = entry.partOf();
            while (up != null) {
                Entry parent = byId.get(up);
                if (parent.included()) {
                    result.put(e.getKey(), new Ancestor(up, parent.seq()));
                    break;
                }
                up = parent.partOf();
            }
        }
        return result;
    }
}
