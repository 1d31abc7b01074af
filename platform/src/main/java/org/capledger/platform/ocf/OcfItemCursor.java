package org.capledger.platform.ocf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code items} of one OCF file, read one at a time from the stream: only the current item is in memory. For
 * files {@link OcfValidator} has already checked; a file that turns out not to be OCF-shaped ends the items early.
 *
 * <pre>{@code
 * try (OcfItemCursor items = OcfItemCursor.open(ocf, "Transactions.ocf.json")) {
 *     while (items.hasNext()) {
 *         JsonNode item = items.next();   // items.index() is its position in the file
 *     }
 * }
 * }</pre>
 */
public final class OcfItemCursor implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InputStream in;
    private final JsonParser parser;
    private JsonNode next;
    private int index = -1;
    private boolean done;

    private OcfItemCursor(InputStream in) {
        this.in = in;
        JsonParser opened = null;
        try {
            opened = JSON.createParser(in);
            this.parser = opened;
            advanceToItems();
        } catch (RuntimeException e) {
            closeQuietly(opened, in);
            throw e;
        }
    }

    private static void closeQuietly(JsonParser parser, InputStream in) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (RuntimeException ignored) {
            // closing after a failure: the failure is what counts
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // as above
        }
    }

    /** Opens the file {@code path} of the package; the caller closes the cursor. */
    public static OcfItemCursor open(OcfPackage ocf, String path) {
        try {
            return new OcfItemCursor(ocf.open(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void advanceToItems() {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            done = true;
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String member = parser.currentName();
            JsonToken value = parser.nextToken();
            if (member.equals("items") && value == JsonToken.START_ARRAY) {
                return;
            }
            parser.skipChildren();
        }
        done = true;
    }

    public boolean hasNext() {
        if (next == null && !done) {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                done = true;
            } else {
                next = parser.readValueAsTree();
            }
        }
        return next != null;
    }

    /** @return the next item */
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JsonNode item = next;
        next = null;
        index++;
        return item;
    }

    /** @return the position in the file's {@code items} of the item {@link #next()} returned last; -1 before */
    public int index() {
        return index;
    }

    @Override
    public void close() {
        try {
            parser.close();
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
