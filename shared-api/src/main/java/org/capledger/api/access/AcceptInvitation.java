package org.capledger.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;

/** The invitee, now account {@code accountId}, accepts the invitation: the invited role is granted, once. */
public record AcceptInvitation(@TargetAggregateIdentifier IssuerId issuerId, String invitationId, String accountId)
        implements CapTableCommand {
}
