package org.capledger.api.stock;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * Cancels all or part of a stock security (OCF StockCancellation): the shares stop being outstanding. The
 * uncancelled remainder goes to {@code balanceSecurityId}, held by the same holder.
 *
 * @param quantity          shares cancelled, positive, at most the security's
 * @param reason            why (OCF {@code reason_text}), required
 * @param balanceSecurityId id for the remainder; required exactly when shares remain
 */
public record CancelStock(@TargetAggregateIdentifier IssuerId issuerId,
                          SecurityId securityId,
                          LocalDate date,
                          Quantity quantity,
                          String reason,
                          SecurityId balanceSecurityId) implements CapTableCommand {
}
