package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** An event-driven vesting condition was met on {@code date} (OCF VestingEvent), e.g. an acquisition. */
public record RecordVestingEvent(@TargetAggregateIdentifier IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     String vestingConditionId) implements CapTableCommand {
}
