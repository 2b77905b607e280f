package dev.briefings.intake;

import tools.jackson.databind.JsonNode;

/** One way of splitting a file into items; the reader adds the file name and ordinal. */
sealed interface ItemSource permits JsonArraySource, JsonLinesSource {

    /** Either {@code node} or {@code reason} is set. */
    record Item(String position, JsonNode node, String reason) {

        static Item parsed(String position, JsonNode node) {
            return new Item(position, node, null);
        }

        static Item malformed(String position, String reason) {
            return new Item(position, null, reason);
        }
    }

    /** Null at the end. */
    Item next();

    void close();
}
