package dev.briefings.render.workbook;

/** Rows written to a streamed sheet, and rows left out because the sheet reached Excel's row limit. */
record StreamedCount(long written, long omitted) {

    /** Mutable tally used inside one forEach pass. */
    static final class Counter {
        long written;
        long omitted;

        StreamedCount result() {
            return new StreamedCount(written, omitted);
        }
    }
}
