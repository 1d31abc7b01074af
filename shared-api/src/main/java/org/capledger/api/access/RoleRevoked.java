package org.capledger.api.access;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;

/** An account lost its role on the issuer on {@code date}; who revoked it is in the metadata. */
@Revision("1")
public record RoleRevoked(IssuerId issuerId, String accountId, IssuerRole previousRole, LocalDate date)
        implements IssuerAccessEvent {
}
