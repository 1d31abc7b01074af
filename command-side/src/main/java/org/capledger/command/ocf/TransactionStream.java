package org.capledger.command.ocf;

import java.util.HashMap;
import java.util.Map;

import org.capledger.command.ocf.OcfPackageIndex.TransactionRef;
import org.capledger.platform.ocf.OcfItemCursor;
import org.capledger.platform.ocf.OcfPackage;
import tools.jackson.databind.JsonNode;

/**
 * Reads the package's transactions in recording order (effective date, then file, then place in the file) with one
 * open cursor per transactions file: a file in date order, as exporters write them, is merged as it streams, so only
 * the current item of each file is in memory. A file that is not in date order is read whole first.
 */
final class TransactionStream implements AutoCloseable {

    private final OcfPackage ocf;
    private final OcfPackageIndex index;
    private final Map<String, OcfItemCursor> cursors = new HashMap<>();
    private final Map<String, Map<Integer, JsonNode>> wholeFiles = new HashMap<>();

    TransactionStream(OcfPackage ocf, OcfPackageIndex index) {
        this.ocf = ocf;
        this.index = index;
    }

    /**
     * @return the transaction {@code ref} indexes; refs must be asked for in {@link OcfPackageIndex#RECORDING_ORDER}
     */
    JsonNode read(TransactionRef ref) {
        String file = ref.place().file();
        if (index.unsortedFiles.contains(file)) {
            return wholeFiles.computeIfAbsent(file, this::readWhole).get(ref.place().index());
        }
        OcfItemCursor cursor = cursors.computeIfAbsent(file, f -> OcfItemCursor.open(ocf, f));
        while (cursor.hasNext()) {
            JsonNode item = cursor.next();
            if (cursor.index() == ref.place().index()) {
                return item;
            }
        }
        throw new IllegalStateException("transaction " + ref.place().id() + " not found again in " + file);
    }

    private Map<Integer, JsonNode> readWhole(String file) {
        Map<Integer, JsonNode> items = new HashMap<>();
        try (OcfItemCursor cursor = OcfItemCursor.open(ocf, file)) {
            while (cursor.hasNext()) {
                JsonNode item = cursor.next();
                items.put(cursor.index(), item);
            }
        }
        return items;
    }

    /** Closes every cursor, also after one fails to close; the first failure is thrown. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (OcfItemCursor cursor : cursors.values()) {
            try {
                cursor.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
