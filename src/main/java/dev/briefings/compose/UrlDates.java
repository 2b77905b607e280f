package dev.briefings.compose;

/**
 * The first citation of each distinct source URL (its publication date, record and source index), for the
 * repeated-URL check across records. URLs are kept as 64-bit fingerprints in open-addressed arrays, about 21 bytes
 * each, and at most {@code maxEntries} of them: past that, URLs are still looked up but no longer remembered, so
 * the memory stays bounded at any number of records and the briefing says how many went unremembered.
 * Two different URLs share a fingerprint with a chance of about n²/2⁶⁵ (10⁻⁸ at a million URLs).
 */
final class UrlDates {

    static final int NOT_FOUND = -1;
    private static final int FIRST_CAPACITY = 1 << 10;

    private final int maxEntries;
    private long[] keys = new long[FIRST_CAPACITY];
    private int[] days = new int[FIRST_CAPACITY];
    private long[] seqs = new long[FIRST_CAPACITY];
    private byte[] sources = new byte[FIRST_CAPACITY];
    private int size;
    private long notRemembered;

    UrlDates(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The slot of the URL's first citation, or {@link #NOT_FOUND} after remembering this one as its first (or
     * counting it as not remembered when full).
     *
     * @param source the source's index in its record (lists hold at most 100 entries)
     */
    int firstOrRemember(String url, int epochDay, long seq, int source) {
        long key = fingerprint(url);
        int mask = keys.length - 1;
        for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return slot;
            }
            if (keys[slot] == 0) {
                if (size >= maxEntries) {
                    notRemembered++;
                    return NOT_FOUND;
                }
                keys[slot] = key;
                days[slot] = epochDay;
                seqs[slot] = seq;
                sources[slot] = (byte) source;
                size++;
                if (size * 4L > keys.length * 3L) {
                    grow();
                }
                return NOT_FOUND;
            }
        }
    }

    int day(int slot) {
        return days[slot];
    }

    long seq(int slot) {
        return seqs[slot];
    }

    int source(int slot) {
        return sources[slot];
    }

    int size() {
        return size;
    }

    /** Distinct URLs seen after the table was full: checked against the remembered ones only. */
    long notRemembered() {
        return notRemembered;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldDays = days;
        long[] oldSeqs = seqs;
        byte[] oldSources = sources;
        int capacity = oldKeys.length * 2;
        keys = new long[capacity];
        days = new int[capacity];
        seqs = new long[capacity];
        sources = new byte[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != 0) {
                int slot = (int) key & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                days[slot] = oldDays[i];
                seqs[slot] = oldSeqs[i];
                sources[slot] = oldSources[i];
            }
        }
    }

    /** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser to spread the bits; never 0 (0 marks a free slot). */
    static long fingerprint(String url) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < url.length(); i++) {
            h ^= url.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
