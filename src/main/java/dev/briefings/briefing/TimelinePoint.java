package dev.briefings.briefing;

import java.math.BigDecimal;

/**
 * Announcements in one period (a quarter such as "2025-Q3"), in chronological order, no gaps.
 * Committed funding is credited as in the breakdowns (carve-outs not double counted).
 */
public record TimelinePoint(String period, long announcements, BigDecimal committedUsd) {
}
