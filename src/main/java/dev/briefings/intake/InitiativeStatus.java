package dev.briefings.intake;

/** Declared in lifecycle order, so that "not yet IN_PROGRESS" is an ordinal comparison. */
public enum InitiativeStatus {
    ANNOUNCED, SIGNED, FUNDED, IN_PROGRESS, OPERATIONAL, STALLED, CANCELLED
}
