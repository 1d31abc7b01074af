package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * Exercises an option (OCF EquityCompensationExercise): {@code quantity} shares of the grant's class are issued
 * to the holder as {@code resultingSecurityId}; the rest of the grant goes to {@code balanceSecurityId}. Only
 * vested shares, unless the grant is early exercisable; never after it expires.
 *
 * @param consideration what was paid, e.g. "USD 1,000 by wire", optional
 */
public record ExerciseEquityCompensation(@TargetAggregateIdentifier IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Quantity quantity,
                     String consideration,
                     SecurityId resultingSecurityId,
                     SecurityId balanceSecurityId) implements CapTableCommand {
}
