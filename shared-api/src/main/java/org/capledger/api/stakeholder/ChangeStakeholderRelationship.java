package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderRelationship;

/**
 * Records a relationship of a stakeholder with the issuer starting and/or ending on {@code date} (OCF
 * StakeholderRelationshipChangeEvent), e.g. EMPLOYEE ended and EX_EMPLOYEE started. At least one of the two.
 */
public record ChangeStakeholderRelationship(@TargetAggregateIdentifier IssuerId issuerId,
                                            StakeholderId stakeholderId,
                                            LocalDate date,
                                            StakeholderRelationship relationshipStarted,
                                            StakeholderRelationship relationshipEnded) implements CapTableCommand {
}
