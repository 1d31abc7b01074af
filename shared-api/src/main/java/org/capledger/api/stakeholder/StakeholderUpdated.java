package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.Address;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;

/**
 * A stakeholder's details as they are from {@code date} on (all fields, not just the changed ones).
 *
 * <p>Revision 2 added {@code address} and {@code accreditedInvestor} at the end. A revision 1 payload has neither
 * and reads with both null, which is right: it was recorded before any stakeholder could have them, so the
 * stakeholder had none.
 *
 * @param address            the postal address from then on (Companies Act 2006 s.113), or null for none
 * @param accreditedInvestor Regulation D Rule 501(a) accreditation from then on; null when unknown
 */
@Revision("2")
public record StakeholderUpdated(IssuerId issuerId,
                                 StakeholderId stakeholderId,
                                 LocalDate date,
                                 StakeholderName name,
                                 String email,
                                 StakeholderRelationship relationship,
                                 Address address,
                                 Boolean accreditedInvestor) implements CapTableEvent {
}
