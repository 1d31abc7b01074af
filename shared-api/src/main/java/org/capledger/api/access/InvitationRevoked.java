package org.capledger.api.access;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.IssuerEvent;
import org.capledger.api.value.IssuerId;

/**
 * An open invitation with {@code role} was withdrawn on {@code date}, before anyone accepted it; who revoked it is
 * in the metadata. Like {@link MemberInvited}, it names no email.
 */
@Revision("1")
public record InvitationRevoked(IssuerId issuerId, String invitationId, IssuerRole role, LocalDate date)
        implements IssuerEvent {
}
