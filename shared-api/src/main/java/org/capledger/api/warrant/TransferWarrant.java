package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;

/**
 * Transfers a whole warrant to another stakeholder (OCF WarrantTransfer) as {@code newSecurityId}.
 */
public record TransferWarrant(@TargetAggregateIdentifier IssuerId issuerId,
                               SecurityId securityId,
                               LocalDate date,
                               StakeholderId toStakeholderId,
                               String consideration,
                               SecurityId newSecurityId) implements CapTableCommand {
}
