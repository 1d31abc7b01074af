package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;

/**
 * Registers a stakeholder of the issuer from {@code date} on. The email, when given, must not belong to another
 * stakeholder of the same issuer (compared case-insensitively).
 */
public record RegisterStakeholder(@TargetAggregateIdentifier IssuerId issuerId,
                                  StakeholderId stakeholderId,
                                  LocalDate date,
                                  StakeholderType type,
                                  StakeholderName name,
                                  String email,
                                  StakeholderRelationship relationship) implements CapTableCommand {
}
