package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** Voids a warrant as if never validly issued (OCF WarrantRetraction). */
public record RetractWarrant(@TargetAggregateIdentifier IssuerId issuerId,
                              SecurityId securityId,
                              LocalDate date,
                              String reason) implements CapTableCommand {
}
