package org.capledger.api.plan;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;

/**
 * Adopts a stock plan from {@code date} (OCF StockPlan).
 *
 * @param planName                    unique within the issuer, 1 to 200 characters
 * @param initialSharesReserved       the pool: shares reserved for grants under the plan
 * @param defaultCancellationBehavior what cancelled grants do to the pool; default RETURN_TO_POOL
 * @param stockClassIds               classes its grants convert into; at least one, all existing on {@code date}
 */
public record CreateStockPlan(@TargetAggregateIdentifier IssuerId issuerId,
                              StockPlanId stockPlanId,
                              LocalDate date,
                              String planName,
                              LocalDate boardApprovalDate,
                              LocalDate stockholderApprovalDate,
                              Quantity initialSharesReserved,
                              CancellationBehavior defaultCancellationBehavior,
                              List<StockClassId> stockClassIds) implements CapTableCommand {
}
