package org.capledger.query.compliance;

/** How Rule 701(d)(4) prices a compensatory issuance. */
public enum CompensatoryIssuanceKind {
    /**
     * An option (or other right to buy at a fixed price): valued at its exercise price, determined when the grant
     * is made, without regard to when it becomes exercisable (17 CFR 230.701(d)(4)(i), (ii)(A)); counted as the
     * securities it can be exercised for (d)(4)(iii).
     */
    OPTION,
    /**
     * Shares sold or awarded: the consideration the issuer receives (cash, property, notes, cancelled debt), or
     * for services the value of the shares issued, on the date of sale (17 CFR 230.701(d)(4)(i), (ii)(C)).
     */
    STOCK,
    /**
     * Any other compensatory security, such as a restricted stock unit: the value of the securities on the date
     * of sale (17 CFR 230.701(d)(4)(i), (ii)(C)); counted as the securities it will deliver.
     */
    OTHER
}
