package org.capledger.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;

/** Takes away an account's role on the issuer. The last owner cannot be removed. */
public record RevokeRole(@TargetAggregateIdentifier IssuerId issuerId, String accountId) implements CapTableCommand {
}
