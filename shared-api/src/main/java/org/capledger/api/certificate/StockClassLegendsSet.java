package org.capledger.api.certificate;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StockClassId;

/**
 * The legends of a stock class's certificates from {@code date}, each with its full text; see
 * {@link SetStockClassLegends}.
 */
@Revision("1")
public record StockClassLegendsSet(IssuerId issuerId,
                                   StockClassId stockClassId,
                                   LocalDate date,
                                   List<Legend> legends) implements CapTableEvent {
}
