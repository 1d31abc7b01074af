package org.capledger.api.stockclass;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.StockClassId;

/** A conversion right's ratio changed; see {@link AdjustConversionRatio}. */
@Revision("1")
public record ConversionRatioAdjusted(IssuerId issuerId,
                                      StockClassId stockClassId,
                                      LocalDate date,
                                      StockClassId convertsToStockClassId,
                                      Ratio newRatio,
                                      String comments) implements CapTableEvent {
}
