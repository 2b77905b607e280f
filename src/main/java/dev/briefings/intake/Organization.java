package dev.briefings.intake;

public record Organization(String name, String role, String ticker) {
}
