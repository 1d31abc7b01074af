package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;

/** Transfers a whole convertible to another stakeholder (OCF ConvertibleTransfer). */
public record TransferConvertible(@TargetAggregateIdentifier IssuerId issuerId,
                                   SecurityId securityId,
                                   LocalDate date,
                                   StakeholderId toStakeholderId,
                                   String consideration,
                                   SecurityId newSecurityId) implements CapTableCommand {
}
