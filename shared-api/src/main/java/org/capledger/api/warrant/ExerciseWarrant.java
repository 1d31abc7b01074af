package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * Exercises a warrant (OCF WarrantExercise): {@code quantity} shares of its class are issued to the holder as
 * {@code resultingSecurityId}; a warrant with a quantity keeps the rest as {@code balanceSecurityId}. Never after
 * it expires.
 */
public record ExerciseWarrant(@TargetAggregateIdentifier IssuerId issuerId,
                               SecurityId securityId,
                               LocalDate date,
                               Quantity quantity,
                               String consideration,
                               SecurityId resultingSecurityId,
                               SecurityId balanceSecurityId) implements CapTableCommand {
}
