package dev.briefings.delivery;

import java.util.List;

/**
 * A recipient entry that was left out.
 *
 * @param position where it is in the file's array, like {@code [3]}
 * @param id       the entry's id as written, or null when it has no readable id
 * @param reasons  every problem found, each a sentence a user can act on
 */
public record RecipientProblem(String position, String id, List<String> reasons) {

    public RecipientProblem {
        reasons = List.copyOf(reasons);
    }
}
