package org.capledger.api.stock;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;

/**
 * Converts all or part of a stock security into shares of another class, by the conversion right the source
 * class has into that class (OCF StockConversion). The unconverted remainder goes to {@code balanceSecurityId}.
 *
 * @param quantity          source shares converted, positive, at most the security's
 * @param toStockClassId    the class converted into; the source class must have a conversion right into it
 * @param newSecurityId     id of the resulting security in {@code toStockClassId}
 * @param balanceSecurityId id for the remainder; required exactly when shares remain
 */
public record ConvertStock(@TargetAggregateIdentifier IssuerId issuerId,
                           SecurityId securityId,
                           LocalDate date,
                           Quantity quantity,
                           StockClassId toStockClassId,
                           SecurityId newSecurityId,
                           SecurityId balanceSecurityId) implements CapTableCommand {
}
