package org.capledger.api.plan;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;

/** A stock plan was adopted; see {@link CreateStockPlan}. */
@Revision("1")
public record StockPlanCreated(IssuerId issuerId,
                               StockPlanId stockPlanId,
                               LocalDate date,
                               String planName,
                               LocalDate boardApprovalDate,
                               LocalDate stockholderApprovalDate,
                               Quantity initialSharesReserved,
                               CancellationBehavior defaultCancellationBehavior,
                               List<StockClassId> stockClassIds) implements CapTableEvent {
}
