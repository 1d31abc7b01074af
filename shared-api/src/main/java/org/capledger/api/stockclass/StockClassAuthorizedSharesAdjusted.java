package org.capledger.api.stockclass;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;

/** A stock class's authorized shares were set; see {@link AdjustStockClassAuthorizedShares}. */
@Revision("1")
public record StockClassAuthorizedSharesAdjusted(IssuerId issuerId,
                                                 StockClassId stockClassId,
                                                 LocalDate date,
                                                 Quantity newSharesAuthorized,
                                                 LocalDate boardApprovalDate,
                                                 LocalDate stockholderApprovalDate,
                                                 String comments) implements CapTableEvent {
}
