package dev.briefings.intake;

public enum Stage {
    MINING, PROCESSING, REFINING, MAGNETS, RECYCLING, STOCKPILING, RESEARCH
}
