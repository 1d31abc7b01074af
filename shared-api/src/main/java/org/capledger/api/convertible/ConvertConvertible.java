package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;

/**
 * Converts a whole convertible into stock (OCF ConvertibleConversion): {@code quantity} shares of
 * {@code stockClassId}, as the financing that triggered it worked them out, issued to the holder.
 *
 * @param reason e.g. "Series A financing", required
 */
public record ConvertConvertible(@TargetAggregateIdentifier IssuerId issuerId,
                                  SecurityId securityId,
                                  LocalDate date,
                                  StockClassId stockClassId,
                                  Quantity quantity,
                                  String reason,
                                  SecurityId resultingSecurityId) implements CapTableCommand {
}
