package org.capledger.api.stakeholder;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.Address;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;

/**
 * A stakeholder was registered; see {@link RegisterStakeholder}.
 *
 * <p>Revision 2 added {@code address} and {@code accreditedInvestor} at the end. A revision 1 payload has neither
 * and reads with both null, which is what it meant (unknown: the attributes did not exist yet), so it needs no
 * upcaster.
 *
 * @param address            the postal address a register of members shows (Companies Act 2006 s.113), or null
 * @param accreditedInvestor Regulation D Rule 501(a) accreditation; null when unknown
 */
@Revision("2")
public record StakeholderRegistered(IssuerId issuerId,
                                    StakeholderId stakeholderId,
                                    LocalDate date,
                                    StakeholderType type,
                                    StakeholderName name,
                                    String email,
                                    StakeholderRelationship relationship,
                                    Address address,
                                    Boolean accreditedInvestor) implements CapTableEvent {
}
