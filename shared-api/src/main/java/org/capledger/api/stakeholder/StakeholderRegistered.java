package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;

/** A stakeholder was registered; see {@link RegisterStakeholder}. */
@Revision("1")
public record StakeholderRegistered(IssuerId issuerId,
                                    StakeholderId stakeholderId,
                                    LocalDate date,
                                    StakeholderType type,
                                    StakeholderName name,
                                    String email,
                                    StakeholderRelationship relationship) implements CapTableEvent {
}
