package org.capledger.api.access;

/**
 * An account's role on one issuer.
 * <ul>
 *   <li>OWNER: everything, including granting and revoking roles;</li>
 *   <li>ADMIN: record transactions and manage stakeholders;</li>
 *   <li>VIEWER: read everything of the issuer (auditors, board members), change nothing;</li>
 *   <li>SHAREHOLDER: linked to one stakeholder; sees that stakeholder's holdings and the issuer's totals.</li>
 * </ul>
 */
public enum IssuerRole {
    OWNER,
    ADMIN,
    VIEWER,
    SHAREHOLDER;

    /** @return whether this role may record transactions */
    public boolean mayRecord() {
        return this == OWNER || this == ADMIN;
    }
}
