package dev.briefings.delivery;

import java.util.List;

/**
 * The recipients file as read: the recipients that can be served, in file order, and every rejected entry with
 * all its reasons. Holds no passwords.
 */
public record Recipients(List<Recipient> accepted, List<RecipientProblem> rejected) {

    public Recipients {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
