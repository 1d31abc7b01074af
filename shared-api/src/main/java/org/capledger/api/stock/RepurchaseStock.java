package org.capledger.api.stock;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * The issuer buys back all or part of a stock security (OCF StockRepurchase); repurchased shares are no longer
 * outstanding. The remainder goes to {@code balanceSecurityId}.
 *
 * @param quantity          shares repurchased, positive, at most the security's
 * @param price             price paid per share
 * @param consideration     free text, optional
 * @param balanceSecurityId id for the remainder; required exactly when shares remain
 */
public record RepurchaseStock(@TargetAggregateIdentifier IssuerId issuerId,
                              SecurityId securityId,
                              LocalDate date,
                              Quantity quantity,
                              Money price,
                              String consideration,
                              SecurityId balanceSecurityId) implements CapTableCommand {
}
