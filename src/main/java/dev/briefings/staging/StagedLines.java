package dev.briefings.staging;

import java.math.BigDecimal;
import java.util.List;

import dev.briefings.intake.InitiativeJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Line formats of the workspace files. An accepted line is
 * {@code seq TAB included TAB committedUsd TAB proposedUsd TAB hash TAB position TAB record-json}; the JSON never
 * holds a raw tab or line break, so a line splits safely. A rejected line is a JSON object.
 */
public final class StagedLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StagedLines() {
    }

    public static String accepted(StagedRecord.Accepted a) {
        return a.seq() + "\t" + (a.included() ? '1' : '0') + '\t' + a.committedUsd().toPlainString() + '\t'
                + a.proposedUsd().toPlainString() + '\t' + a.hash() + '\t' + a.position() + '\t'
                + a.json();
    }

    public static StagedRecord.Accepted parseAccepted(String line) {
        String[] f = line.split("\t", 7);
        return new StagedRecord.Accepted(Long.parseLong(f[0]), f[5], f[1].equals("1"), new BigDecimal(f[2]),
                new BigDecimal(f[3]), f[4], InitiativeJson.read(f[6]), f[6]);
    }

    /** Only the leading columns, without parsing the record: for passes that skip most lines. */
    public static long seqOf(String acceptedLine) {
        return Long.parseLong(acceptedLine.substring(0, acceptedLine.indexOf('\t')));
    }

    public static boolean includedOf(String acceptedLine) {
        int tab = acceptedLine.indexOf('\t');
        return acceptedLine.charAt(tab + 1) == '1';
    }

    public static String key(StagedRecord.Accepted a) {
        String partOf = a.initiative().partOf();
        return a.seq() + "\t" + a.initiative().id() + '\t' + (partOf == null ? "" : partOf) + '\t'
                + (a.included() ? '1' : '0') + '\t' + a.position();
    }

    public record Key(long seq, String id, String partOf, boolean included, String position) {
    }

    public static Key parseKey(String line) {
        String[] f = line.split("\t", 5);
        return new Key(Long.parseLong(f[0]), f[1], f[2].isEmpty() ? null : f[2], f[3].equals("1"), f[4]);
    }

    public static String rejected(StagedRecord.Rejected r) {
        return JSON.writeValueAsString(r);
    }

    public static StagedRecord.Rejected parseRejected(String line) {
        return JSON.readValue(line, StagedRecord.Rejected.class);
    }

}
