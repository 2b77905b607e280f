package dev.briefings.web;

import java.time.LocalDate;
import java.util.List;

/** An ad hoc briefing as asked for: filters (values of one filter are alternatives), as-of date, template. */
public record BriefingRequest(List<String> parties, List<String> stages, List<String> kinds, List<String> minerals,
                              LocalDate asOf, String template) {
}
