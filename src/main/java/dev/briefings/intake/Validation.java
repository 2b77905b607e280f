package dev.briefings.intake;

import java.util.List;

/** The outcome of validating one record: an accepted initiative, or every reason it was refused. */
public sealed interface Validation {

    record Valid(Initiative initiative) implements Validation {
    }

    /**
     * @param id      the record's id as written (trimmed) when it is a non-empty string, even if not a valid slug;
     *                null when unreadable
     * @param reasons every problem found, each naming the field path as written in the record and what to do
     */
    record Invalid(String id, List<String> reasons) implements Validation {

        public Invalid {
            reasons = List.copyOf(reasons);
        }
    }
}
