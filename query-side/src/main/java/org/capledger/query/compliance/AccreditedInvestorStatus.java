package org.capledger.query.compliance;

/**
 * Whether a holder is an accredited investor (17 CFR 230.501(a)), as the stakeholder's attribute records it.
 * {@link HoldersOfRecord} counts {@link #UNKNOWN} as not accredited.
 */
public enum AccreditedInvestorStatus {
    ACCREDITED,
    NOT_ACCREDITED,
    /** Never recorded or not verified. */
    UNKNOWN;

    /** @return the status for a stakeholder attribute held as {@code true}, {@code false} or {@code null} */
    public static AccreditedInvestorStatus of(Boolean accredited) {
        return accredited == null ? UNKNOWN : accredited ? ACCREDITED : NOT_ACCREDITED;
    }
}
