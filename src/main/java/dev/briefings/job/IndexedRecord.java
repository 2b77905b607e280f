package dev.briefings.job;

import dev.briefings.intake.RawRecord;

/** An item read, with the index of its file in the run's read order. */
record IndexedRecord(int fileIndex, RawRecord raw) {
}
