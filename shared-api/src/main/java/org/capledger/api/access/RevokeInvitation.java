package org.capledger.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;

/** Withdraws an open invitation before it is accepted; its token stops working. */
public record RevokeInvitation(@TargetAggregateIdentifier IssuerId issuerId, String invitationId)
        implements CapTableCommand {
}
