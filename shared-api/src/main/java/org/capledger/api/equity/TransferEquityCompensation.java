package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;

/**
 * Transfers a whole grant to another stakeholder (OCF EquityCompensationTransfer), e.g. to an estate or a family
 * trust where the plan allows it. The transferee's grant keeps the terms and vesting, as {@code newSecurityId}.
 */
public record TransferEquityCompensation(@TargetAggregateIdentifier IssuerId issuerId,
                                         SecurityId securityId,
                                         LocalDate date,
                                         StakeholderId toStakeholderId,
                                         String consideration,
                                         SecurityId newSecurityId) implements CapTableCommand {
}
