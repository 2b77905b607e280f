package dev.briefings.briefing;

import java.util.function.Consumer;

/**
 * Every included initiative, streamed in a stable order (as read), so that a million rows never sit in memory.
 * Each call to {@link #forEach} reads them anew.
 */
@FunctionalInterface
public interface InitiativeRows {
    void forEach(Consumer<InitiativeRow> action);
}
