package dev.briefings.intake;

import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Reads the elements of a top-level JSON array one at a time from a single streaming parser fed by a strict UTF-8
 * reader (so columns count characters, not bytes).
 */
final class JsonArraySource implements ItemSource {

    private final JsonParser parser;
    private boolean started;
    private boolean done;
    private long index;

    JsonArraySource(InputStream in) {
        this.parser = IntakeJson.MAPPER.createParser(new StrictUtf8Reader(in));
    }

    @Override
    public Item next() {
        if (done) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    done = true;
                    String found = first == null ? "an empty file" : IntakeJson.describe(first);
                    return Item.malformed(position(), "expected a JSON array of records, found " + found);
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                done = true;
                return trailingContent();
            }
            if (token == null) {
                // Jackson normally reports this itself; kept so a truncated file can never pass silently.
                done = true;
                return Item.malformed(position(), "the file ends before the closing ] of the array");
            }
            JsonNode node = IntakeJson.MAPPER.readTree(parser);
            Item item = Item.parsed(position(), node == null ? NullNode.getInstance() : node);
            index++;
            return item;
        } catch (JacksonIOException e) {
            if (e.getCause() instanceof StrictUtf8Reader.InvalidUtf8Exception invalid) {
                done = true;
                return Item.malformed(position(), invalid.getMessage());
            }
            throw e;
        } catch (JacksonException e) {
            done = true;
            return Item.malformed(position(), JsonProblems.reason(e, parser.currentLocation()));
        }
    }

    private Item trailingContent() {
        JsonToken after = parser.nextToken();
        if (after == null) {
            return null;
        }
        return Item.malformed(position(), "unexpected content after the closing ] of the array "
                + IntakeJson.at(parser.currentTokenLocation()) + "; a file holds exactly one array of records");
    }

    private String position() {
        return "[" + index + "]";
    }

    @Override
    public void close() {
        parser.close();
    }
}
