package org.capledger.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;

/**
 * Invites someone to the issuer with a role, granted when they accept. The invitee's email is not part of the
 * command or its event; the command side keeps it with the hash of the invitation's secret token.
 */
public record InviteMember(@TargetAggregateIdentifier IssuerId issuerId, String invitationId, IssuerRole role,
                           StakeholderId stakeholderId) implements CapTableCommand {
}
