package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderStatus;

/** A stakeholder's status changed; see {@link ChangeStakeholderStatus}. */
@Revision("1")
public record StakeholderStatusChanged(IssuerId issuerId,
                                       StakeholderId stakeholderId,
                                       LocalDate date,
                                       StakeholderStatus newStatus,
                                       String comments) implements CapTableEvent {
}
