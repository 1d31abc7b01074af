package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * Reissues a whole stock security as one or more new ones to the same holder in the same class, e.g. with new
 * legends or split into several certificates (OCF StockReissuance; never in part, so there is no balance).
 *
 * @param newSecurities one or more new securities whose quantities add up to exactly the source's
 * @param reason        why, optional
 */
public record ReissueStock(@TargetAggregateIdentifier IssuerId issuerId,
                           SecurityId securityId,
                           LocalDate date,
                           List<NewSecurity> newSecurities,
                           String reason) implements CapTableCommand {

    /** @param securityId the new security's id; @param quantity its shares, positive */
    public record NewSecurity(SecurityId securityId, Quantity quantity) {
    }
}
