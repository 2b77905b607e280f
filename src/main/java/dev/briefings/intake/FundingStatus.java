package dev.briefings.intake;

public enum FundingStatus {
    COMMITTED, PROPOSED, DISBURSED;

    /** Committed figures count both committed and disbursed lines; proposed ones are reported apart. */
    public boolean isCommitted() {
        return this != PROPOSED;
    }
}
