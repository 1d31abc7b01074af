package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** {@code quantity} more shares of the grant vest on {@code date} (OCF VestingAcceleration). */
public record AccelerateVesting(@TargetAggregateIdentifier IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Quantity quantity,
                     String reason) implements CapTableCommand {
}
