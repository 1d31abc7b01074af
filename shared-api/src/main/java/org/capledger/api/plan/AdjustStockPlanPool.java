package org.capledger.api.plan;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockPlanId;

/**
 * Sets a plan's pool from {@code date} on (OCF StockPlanPoolAdjustment); refused when grants and exercises already
 * made from the pool would exceed it then or later.
 *
 * @param sharesReserved the new pool size (not a change)
 */
public record AdjustStockPlanPool(@TargetAggregateIdentifier IssuerId issuerId,
                                  StockPlanId stockPlanId,
                                  LocalDate date,
                                  Quantity sharesReserved,
                                  LocalDate boardApprovalDate,
                                  LocalDate stockholderApprovalDate,
                                  String comments) implements CapTableCommand {
}
