package org.capledger.query.http;

import org.capledger.api.CapledgerException;
import org.capledger.api.value.IssuerId;
import org.capledger.query.issuers.IssuerViewRepository;
import org.capledger.query.members.ReadAccess;
import org.springframework.stereotype.Component;

/**
 * The issuer of a query's path, as the caller may read it. Every failure (a malformed id, no role, no such issuer)
 * is the same 404 ISSUER_NOT_FOUND, so a caller learns nothing about issuers it may not read.
 */
@Component
class ReadableIssuers {

    private final ReadAccess access;
    private final IssuerViewRepository issuers;

    ReadableIssuers(ReadAccess access, IssuerViewRepository issuers) {
        this.access = access;
        this.issuers = issuers;
    }

    /** @return the issuer, when the caller may read all of it (not a SHAREHOLDER) */
    IssuerId fullRead(String issuerId) {
        IssuerId id = known(issuerId);
        access.requireFullRead(id.value());
        requireExists(id);
        return id;
    }

    /** @return what the caller may read of an existing issuer: all of it, or one stakeholder's part */
    ReadAccess.Scope scope(IssuerId issuer) {
        ReadAccess.Scope scope = access.scope(issuer.value());
        requireExists(issuer);
        return scope;
    }

    /** A malformed id names no issuer: the same answer as an unknown one. */
    static IssuerId known(String issuerId) {
        try {
            return IssuerId.of(issuerId);
        } catch (CapledgerException e) {
            throw ReadAccess.notFound();
        }
    }

    private void requireExists(IssuerId issuer) {
        if (!issuers.existsById(issuer.value())) {
            throw ReadAccess.notFound();
        }
    }
}
