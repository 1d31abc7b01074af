package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.Address;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;

/**
 * Changes a stakeholder's name, contact email, relationship, address or accreditation. A {@code null} field keeps
 * its value; {@code clearEmail}, {@code clearAddress} and {@code clearAccreditedInvestor} remove the email, the
 * address, and the accreditation (back to unknown). A command that changes nothing records nothing.
 *
 * @param address            the new postal address, whole (see {@link RegisterStakeholder#address()})
 * @param accreditedInvestor the new accreditation (see {@link RegisterStakeholder#accreditedInvestor()})
 */
public record UpdateStakeholder(@TargetAggregateIdentifier IssuerId issuerId,
                                StakeholderId stakeholderId,
                                LocalDate date,
                                StakeholderName name,
                                String email,
                                boolean clearEmail,
                                StakeholderRelationship relationship,
                                Address address,
                                boolean clearAddress,
                                Boolean accreditedInvestor,
                                boolean clearAccreditedInvestor) implements CapTableCommand {
}
