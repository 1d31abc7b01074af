package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderRelationship;

/**
 * A stakeholder's relationship changed; see {@link ChangeStakeholderRelationship}. {@code relationship} is the
 * stakeholder's relationship from then on (the one started, or OTHER when one ended and none started).
 */
@Revision("1")
public record StakeholderRelationshipChanged(IssuerId issuerId,
                                             StakeholderId stakeholderId,
                                             LocalDate date,
                                             StakeholderRelationship relationshipStarted,
                                             StakeholderRelationship relationshipEnded,
                                             StakeholderRelationship relationship) implements CapTableEvent {
}
