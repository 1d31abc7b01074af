package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * Releases vested RSUs (OCF EquityCompensationRelease): {@code quantity} shares are issued to the holder; the rest
 * of the grant goes to {@code balanceSecurityId}.
 *
 * @param settlementDate when the shares were delivered, optional
 * @param releasePrice   per share, optional
 */
public record ReleaseEquityCompensation(@TargetAggregateIdentifier IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Quantity quantity,
                     LocalDate settlementDate,
                     Money releasePrice,
                     SecurityId resultingSecurityId,
                     SecurityId balanceSecurityId) implements CapTableCommand {
}
