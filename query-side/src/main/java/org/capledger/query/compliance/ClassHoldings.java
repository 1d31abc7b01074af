package org.capledger.query.compliance;

import java.util.List;

import org.capledger.api.value.StockClassId;

/**
 * Who holds a class of equity securities of record.
 *
 * @param stockClassId the class
 * @param name         its name, for the report
 * @param positions    the positions in the class, several per holder allowed
 */
public record ClassHoldings(StockClassId stockClassId, String name, List<RecordPosition> positions) {

    public ClassHoldings {
        positions = positions == null ? List.of() : List.copyOf(positions);
    }
}
