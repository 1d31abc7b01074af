package org.capledger.query.compliance;

/** The two ways 8 Del. C. §503(a) computes the franchise tax; the corporation pays the lesser. */
public enum FranchiseTaxMethod {
    /** §503(a)(1): by the number of authorized shares. */
    AUTHORIZED_SHARES,
    /** §503(a)(2): by assumed par value capital (and assumed no-par capital for shares without par value). */
    ASSUMED_PAR_VALUE_CAPITAL
}
