package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderStatus;

/**
 * Records a change of a stakeholder's status from {@code date}, such as the end of employment (OCF
 * StakeholderStatusChangeEvent). It changes no holding: forfeiting unvested grants is a cancellation of its own.
 */
public record ChangeStakeholderStatus(@TargetAggregateIdentifier IssuerId issuerId,
                                      StakeholderId stakeholderId,
                                      LocalDate date,
                                      StakeholderStatus newStatus,
                                      String comments) implements CapTableCommand {
}
