package dev.briefings.schedule;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The nightly schedule (briefings.schedule.*). Off by default so that the command line never schedules.
 *
 * @param enabled    whether this process runs the nightly briefing on schedule
 * @param cron       a Spring cron expression (second minute hour day month weekday)
 * @param zone       the zone the cron expression is read in; the as-of date is the scheduled time's date there
 * @param catchUp    on start, run the last scheduled night if it has no nightly briefing yet
 * @param distribute deliver the nightly briefing to the recipients after writing it
 * @param input      the input folder of the nightly briefing
 * @param template   the template of the nightly briefing
 */
@ConfigurationProperties("briefings.schedule")
public record ScheduleProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0 30 2 * * *") String cron,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("true") boolean catchUp,
        @DefaultValue("false") boolean distribute,
        @DefaultValue("input") Path input,
        @DefaultValue("default") String template) {
}
