package dev.briefings.intake;

public enum RiskCategory {
    PERMITTING, TECHNOLOGY, NONBINDING, CONCENTRATION, POLICY, MARKET, EXECUTION
}
