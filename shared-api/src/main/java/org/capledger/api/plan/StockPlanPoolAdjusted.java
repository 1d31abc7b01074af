package org.capledger.api.plan;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockPlanId;

/** A plan's pool was set to {@code sharesReserved}; see {@link AdjustStockPlanPool}. */
@Revision("1")
public record StockPlanPoolAdjusted(IssuerId issuerId,
                                   StockPlanId stockPlanId,
                                   LocalDate date,
                                   Quantity sharesReserved,
                                   LocalDate boardApprovalDate,
                                   LocalDate stockholderApprovalDate,
                                   String comments) implements CapTableEvent {
}
