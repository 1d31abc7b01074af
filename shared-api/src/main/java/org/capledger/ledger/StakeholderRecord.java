package org.capledger.ledger;

import java.time.LocalDate;

import org.capledger.api.value.Address;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderStatus;
import org.capledger.api.value.StakeholderType;

/**
 * A stakeholder as the ledger knows it; {@code registeredOn} is the effective date of its registration.
 *
 * @param address            postal address, or null (see {@link org.capledger.api.stakeholder.RegisterStakeholder})
 * @param accreditedInvestor Regulation D Rule 501(a) accreditation; null when unknown
 */
public record StakeholderRecord(StakeholderId stakeholderId,
                                StakeholderType type,
                                StakeholderName name,
                                String email,
                                StakeholderRelationship relationship,
                                LocalDate registeredOn,
                                StakeholderStatus status,
                                Address address,
                                Boolean accreditedInvestor) {

    StakeholderRecord with(StakeholderRelationship newRelationship, StakeholderStatus newStatus) {
        return new StakeholderRecord(stakeholderId, type, name, email, newRelationship, registeredOn, newStatus,
                address, accreditedInvestor);
    }
}
