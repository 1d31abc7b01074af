package org.capledger.query.members;

import java.util.List;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.platform.security.CapledgerPrincipal;
import org.capledger.platform.security.SecurityEvents;
import org.springframework.stereotype.Component;

/**
 * Decides, per request, what the signed-in account may read, from its current roles (never from the token).
 * Platform administrators, owners, admins and viewers read everything of an issuer; a SHAREHOLDER reads the
 * issuer, its stock classes and totals, and only its own stakeholder's holdings (see {@link Scope}). An account
 * without a role gets the same 404 as for an issuer that does not exist.
 */
@Component
public class ReadAccess {

    private final IssuerMemberRepository members;
    public ReadAccess(IssuerMemberRepository members) {
        this.members = members;
    }

    /** @throws CapledgerException ISSUER_NOT_FOUND unless the caller may read the whole issuer */
    public void requireFullRead(String issuerId) {
        if (!scope(issuerId).full()) {
            SecurityEvents.accessDenied(caller(), issuerId, null, "no read role");
            throw notFound();
        }
    }

    /**
     * What the caller may read of an issuer: everything, or (a SHAREHOLDER) only what concerns one stakeholder.
     *
     * @param stakeholderId null for a full reader
     */
    public record Scope(String stakeholderId) {

        public boolean full() {
            return stakeholderId == null;
        }

        /** @return whether the caller may see this stakeholder's data */
        public boolean covers(String otherStakeholderId) {
            return full() || stakeholderId.equals(otherStakeholderId);
        }
    }

    /** @throws CapledgerException ISSUER_NOT_FOUND unless the caller has a role on the issuer */
    public Scope scope(String issuerId) {
        String account = caller();
        if (platformAdmin()) {
            return new Scope(null);
        }
        IssuerMember member = members.findById(new IssuerMember.Key(issuerId, account)).orElse(null);
        if (member == null) {
            SecurityEvents.accessDenied(account, issuerId, null, "no role");
            throw notFound();
        }
        return new Scope(member.role().equals("SHAREHOLDER") ? member.stakeholderId() : null);
    }

    /** @return the issuers the caller has a role on, or null when it may see every issuer */
    public List<String> visibleIssuers() {
        String account = caller();
        if (platformAdmin()) {
            return null;
        }
        return members.findByAccountId(account).stream().map(IssuerMember::issuerId).toList();
    }

    public static CapledgerException notFound() {
        return new CapledgerException(ErrorCode.ISSUER_NOT_FOUND, "No such issuer");
    }

    private static String caller() {
        return CapledgerPrincipal.current().accountId();
    }

    private static boolean platformAdmin() {
        return CapledgerPrincipal.current().platformAdmin();
    }
}
