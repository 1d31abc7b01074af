package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.Address;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;

/**
 * Registers a stakeholder of the issuer from {@code date} on. The email, when given, must not belong to another
 * stakeholder of the same issuer (compared case-insensitively).
 *
 * @param address            the stakeholder's postal address, optional; see {@link Address} for its rules
 *                           (INVALID_VALUE). Kept because a register of members must show each member's address
 *                           (Companies Act 2006 s.113(2)(a)); no other personal data beyond name and email is kept
 * @param accreditedInvestor whether the stakeholder is an accredited investor (Regulation D Rule 501(a), 17 CFR
 *                           230.501(a)), as the issuer has established it; null when unknown. Counted for
 *                           holders of record under Exchange Act s.12(g)
 */
public record RegisterStakeholder(@TargetAggregateIdentifier IssuerId issuerId,
                                  StakeholderId stakeholderId,
                                  LocalDate date,
                                  StakeholderType type,
                                  StakeholderName name,
                                  String email,
                                  StakeholderRelationship relationship,
                                  Address address,
                                  Boolean accreditedInvestor) implements CapTableCommand {
}
