package dev.briefings.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/** Cron times looked at backwards: CronExpression only goes forwards, so search growing windows before now. */
final class CronTimes {

    private static final List<Duration> WINDOWS =
            List.of(Duration.ofHours(2), Duration.ofDays(2), Duration.ofDays(8), Duration.ofDays(32), Duration.ofDays(367));

    private CronTimes() {
    }

    /** The latest time at or before {@code now} that the expression names, if any within the last year. */
    static Optional<ZonedDateTime> latestAtOrBefore(CronExpression cron, ZonedDateTime now, ZoneId zone) {
        ZonedDateTime at = now.withZoneSameInstant(zone);
        for (Duration window : WINDOWS) {
            ZonedDateTime found = null;
            // next() is strictly after its argument, so start a hair before the window.
            ZonedDateTime next = cron.next(at.minus(window).minusNanos(1));
            while (next != null && !next.isAfter(at)) {
                found = next;
                next = cron.next(next);
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
