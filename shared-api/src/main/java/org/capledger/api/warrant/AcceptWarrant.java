package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** The holder accepted the warrant (OCF WarrantAcceptance). */
public record AcceptWarrant(@TargetAggregateIdentifier IssuerId issuerId,
                             SecurityId securityId,
                             LocalDate date) implements CapTableCommand {
}
