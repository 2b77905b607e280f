package dev.briefings.intake;

public enum InitiativeKind {
    PARTNERSHIP, FEDERAL_PROGRAM, LEGISLATION, PRIVATE_PROJECT, RESEARCH_AGREEMENT, STOCKPILE
}
