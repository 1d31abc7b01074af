package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;

/** A stakeholder's details as they are from {@code date} on (all fields, not just the changed ones). */
@Revision("1")
public record StakeholderUpdated(IssuerId issuerId,
                                 StakeholderId stakeholderId,
                                 LocalDate date,
                                 StakeholderName name,
                                 String email,
                                 StakeholderRelationship relationship) implements CapTableEvent {
}
