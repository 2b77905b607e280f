package dev.briefings.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.briefings.filters.Filters;

/**
 * The bounds of an ad hoc request, checked before anything else reads it (the filters, the job repository): how
 * many values one filter may have and how long each may be, and that the filters fit in the job parameter they are
 * kept in. Refusals name the field and show a value only shortened.
 *
 * @param maxValues      values per filter
 * @param maxValueLength characters per value
 */
record RequestLimits(int maxValues, int maxValueLength) {

    /** Characters of a value shown in a refusal; the rest is left out (its length is said instead). */
    static final int SHOWN = 40;
    /**
     * The filters are one Spring Batch job parameter, a column of 2,500 characters: longer ones would leave a job
     * instance without its execution behind.
     */
    static final int STORED_FILTERS = 2_500;

    static RequestLimits of(WebProperties web) {
        return new RequestLimits(web.maxValues(), web.maxValueLength());
    }

    /** What is out of bounds in the request, in field order; empty when nothing is. */
    List<String> problems(BriefingRequest request) {
        List<String> problems = new ArrayList<>();
        check("parties", request.parties(), problems);
        check("stages", request.stages(), problems);
        check("kinds", request.kinds(), problems);
        check("minerals", request.minerals(), problems);
        return problems;
    }

    private void check(String field, List<String> values, List<String> problems) {
        if (values == null) {
            return;
        }
        if (values.size() > maxValues) {
            problems.add(field + " has " + String.format(Locale.ROOT, "%,d", values.size()) + " values; at most " + maxValues
                    + " are allowed");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null) {
                problems.add(field + "[" + i + "] is null; give text");
            } else if (v.trim().length() > maxValueLength) {
                problems.add(field + "[" + i + "] " + shown(v) + " is longer than " + maxValueLength + " characters");
            }
        }
    }

    /** A refusal when the filters, as stored, are too long for the job repository. */
    static List<String> stored(Filters filters) {
        int length = filters.canonical().length();
        if (length <= STORED_FILTERS) {
            return List.of();
        }
        return List.of("the filters (parties, stages, kinds and minerals together) take " + String.format(Locale.ROOT, "%,d", length)
                + " characters as stored; at most " + String.format(Locale.ROOT, "%,d", STORED_FILTERS) + " fit: give fewer or shorter values");
    }

    /** A value for a message: quoted, and when long only its start and its length. */
    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= SHOWN) {
            return "'" + value + "'";
        }
        int end = Character.isHighSurrogate(value.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
        return "'" + value.substring(0, end) + "…' (" + String.format(Locale.ROOT, "%,d", value.length()) + " characters)";
    }
}
