package org.capledger.query.members;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.capledger.api.access.RoleGranted;
import org.capledger.api.access.RoleRevoked;
import org.capledger.query.QuerySideConfiguration;
import org.springframework.stereotype.Component;

/** Keeps {@code issuer_member}. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class IssuerMemberProjection {

    private final IssuerMemberRepository members;

    IssuerMemberProjection(IssuerMemberRepository members) {
        this.members = members;
    }

    @EventHandler
    void on(RoleGranted e) {
        IssuerMember member = members.findById(new IssuerMember.Key(e.issuerId().value(), e.accountId()))
                .orElseGet(IssuerMember::new);
        member.issuerId = e.issuerId().value();
        member.accountId = e.accountId();
        member.role = e.role().name();
        member.stakeholderId = e.stakeholderId() == null ? null : e.stakeholderId().value();
        member.grantedOn = e.date();
        members.save(member);
    }

    @EventHandler
    void on(RoleRevoked e) {
        members.deleteById(new IssuerMember.Key(e.issuerId().value(), e.accountId()));
    }

    @ResetHandler
    void reset() {
        members.deleteAllInBatch();
    }
}
