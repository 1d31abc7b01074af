package org.capledger.api.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;

/**
 * Gives an account a role on the issuer, replacing any role it had. SHAREHOLDER needs the stakeholder whose
 * holdings the account may see; other roles take none.
 */
public record GrantRole(@TargetAggregateIdentifier IssuerId issuerId, String accountId, IssuerRole role,
                        StakeholderId stakeholderId) implements CapTableCommand {
}
