package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/**
 * Voids a grant as if never validly made (OCF EquityCompensationRetraction); only one nothing has acted on.
 */
public record RetractEquityCompensation(@TargetAggregateIdentifier IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     String reason) implements CapTableCommand {
}
