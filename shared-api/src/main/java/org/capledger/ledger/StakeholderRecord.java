package org.capledger.ledger;

import java.time.LocalDate;

import org.capledger.api.value.Address;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderStatus;
import org.capledger.api.value.StakeholderType;

/**
 * A stakeholder as the ledger knows it; {@code registeredOn} is the effective date of its registration,
 * {@code statusSince} and {@code relationshipSince} those of the latest change to its status and relationship (its
 * registration's until they change). Changes to either are recorded in date order, so these are the dates from which
 * the current status and relationship hold.
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
                                Boolean accreditedInvestor,
                                LocalDate statusSince,
                                LocalDate relationshipSince) {

    StakeholderRecord withStatus(StakeholderStatus newStatus, LocalDate since) {
        return new StakeholderRecord(stakeholderId, type, name, email, relationship, registeredOn, newStatus,
                address, accreditedInvestor, since, relationshipSince);
    }

    StakeholderRecord withRelationship(StakeholderRelationship newRelationship, LocalDate since) {
        return new StakeholderRecord(stakeholderId, type, name, email, newRelationship, registeredOn, status,
                address, accreditedInvestor, statusSince, since);
    }

    /** The details of an update: the relationship's date moves only when the update changes it. */
    StakeholderRecord updated(StakeholderName newName, String newEmail, StakeholderRelationship newRelationship,
                              Address newAddress, Boolean newAccreditedInvestor, LocalDate on) {
        return new StakeholderRecord(stakeholderId, type, newName, newEmail, newRelationship, registeredOn, status,
                newAddress, newAccreditedInvestor, statusSince,
                newRelationship == relationship ? relationshipSince : on);
    }
}
