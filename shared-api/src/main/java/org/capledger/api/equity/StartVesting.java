package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** Vesting of the grant starts on {@code date} (OCF VestingStart). */
public record StartVesting(@TargetAggregateIdentifier IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     String vestingConditionId) implements CapTableCommand {
}
