package dev.briefings.intake;

public enum FundingType {
    GRANT, LOAN, EQUITY, APPROPRIATION, JOINT_COMMITMENT, CONTRACT
}
