package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;

/**
 * Changes a stakeholder's name, contact email or relationship. A {@code null} field keeps its value;
 * {@code clearEmail} removes the email. A command that changes nothing records nothing.
 */
public record UpdateStakeholder(@TargetAggregateIdentifier IssuerId issuerId,
                                StakeholderId stakeholderId,
                                LocalDate date,
                                StakeholderName name,
                                String email,
                                boolean clearEmail,
                                StakeholderRelationship relationship) implements CapTableCommand {
}
