package org.capledger.api.stockclass;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;

/**
 * Sets a stock class's authorized shares from {@code date} on (OCF 1.2
 * {@code StockClassAuthorizedSharesAdjustment}). Refused when the class's outstanding shares would exceed it at
 * that date or any later one.
 */
public record AdjustStockClassAuthorizedShares(@TargetAggregateIdentifier IssuerId issuerId,
                                               StockClassId stockClassId,
                                               LocalDate date,
                                               Quantity newSharesAuthorized,
                                               LocalDate boardApprovalDate,
                                               LocalDate stockholderApprovalDate,
                                               String comments) implements CapTableCommand {
}
