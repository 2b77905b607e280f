package dev.briefings.briefing;

public enum Dimension {
    STAGE("Stage"), PARTY("Party"), KIND("Kind"), YEAR("Year"), ORGANIZATION("Organization");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
