package dev.briefings.job;

import dev.briefings.staging.AcceptedFile;
import dev.briefings.staging.StagedLines;
import dev.briefings.staging.StagedRecord;

/**
 * What the intake made of one item, ready to be appended to the workspace: an accepted record's frame and key line,
 * or a rejected one's line. Made on the workers that prepare the records, so that the writer only copies bytes; it
 * keeps no parsed record, so that a chunk of them is small for the collector to keep.
 *
 * @param frame the accepted record's frame ({@link AcceptedFile.Encoder}); null for a rejected one
 * @param line  the accepted record's key line, or the rejected one's line
 */
record PreparedRecord(byte[] frame, String line) {

    static PreparedRecord of(StagedRecord record, AcceptedFile.Encoder encoder) {
        if (record instanceof StagedRecord.Accepted a) {
            return new PreparedRecord(encoder.frame(a), StagedLines.key(a));
        }
        return new PreparedRecord(null, StagedLines.rejected((StagedRecord.Rejected) record));
    }

    boolean accepted() {
        return frame != null;
    }
}
