package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** Cancels all or part of a warrant (OCF WarrantCancellation). */
public record CancelWarrant(@TargetAggregateIdentifier IssuerId issuerId,
                             SecurityId securityId,
                             LocalDate date,
                             Quantity quantity,
                             String reason,
                             SecurityId balanceSecurityId) implements CapTableCommand {
}
