package dev.briefings.delivery;

/** The filled-in e-mail for one recipient: a one-line subject, a plain-text body and an HTML body. */
public record Composed(String subject, String text, String html) {
}
