package org.capledger.api.access;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.IssuerEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;

/** Someone was invited with {@code role}; who invited is in the metadata; the invitee's email is not recorded. */
@Revision("1")
public record MemberInvited(IssuerId issuerId, String invitationId, IssuerRole role, StakeholderId stakeholderId,
                            LocalDate date) implements IssuerEvent {
}
