package dev.briefings.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where failure alerts go ({@code briefings.alerts.*}, or BRIEFINGS_ALERTS_TO in the environment).
 *
 * @param to   the operations address (or a comma-separated list) told when a nightly briefing fails or a night was
 *             missed; none means no alerts
 * @param from the sender of alerts (default: briefings.delivery.from)
 */
@ConfigurationProperties("briefings.alerts")
public record AlertsProperties(String to, String from) {
}
