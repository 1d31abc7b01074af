package org.capledger.api.access;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;

/**
 * An account was given a role on the issuer on {@code date}; who granted it is in the metadata.
 * {@code invitationId} names the invitation accepted, or is null for a direct grant.
 */
@Revision("1")
public record RoleGranted(IssuerId issuerId, String accountId, IssuerRole role, StakeholderId stakeholderId,
                          LocalDate date, String invitationId) implements IssuerAccessEvent {
}
