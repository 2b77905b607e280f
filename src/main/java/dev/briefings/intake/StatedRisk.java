package dev.briefings.intake;

public record StatedRisk(RiskCategory category, String note) {
}
