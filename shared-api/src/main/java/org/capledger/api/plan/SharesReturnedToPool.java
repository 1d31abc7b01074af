package org.capledger.api.plan;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockPlanId;

/** Cancelled shares of {@code securityId} went back to the pool of {@code stockPlanId}; see {@link ReturnToPool}. */
@Revision("1")
public record SharesReturnedToPool(IssuerId issuerId,
                                   SecurityId securityId,
                                   LocalDate date,
                                   StockPlanId stockPlanId,
                                   Quantity quantity,
                                   String reason) implements CapTableEvent {
}
