package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * Cancels all or part of a grant (OCF EquityCompensationCancellation), e.g. the unvested part forfeited when the
 * holder leaves; unvested shares are cancelled first. What it does to the plan's pool follows the plan's
 * cancellation behaviour.
 */
public record CancelEquityCompensation(@TargetAggregateIdentifier IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Quantity quantity,
                     String reason,
                     SecurityId balanceSecurityId) implements CapTableCommand {
}
