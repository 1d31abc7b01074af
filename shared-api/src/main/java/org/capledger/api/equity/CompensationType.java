package org.capledger.api.equity;

/** Kinds of equity compensation (OCF 1.2 {@code enums/CompensationType}). */
public enum CompensationType {
    /** Non-qualified stock option. */
    OPTION_NSO,
    /** Incentive stock option (US, IRC section 422). */
    OPTION_ISO,
    /** Option of another kind, e.g. outside the US. */
    OPTION,
    /** Restricted stock unit: settled in shares when released, no exercise price. */
    RSU,
    /** Cash-settled stock appreciation right. */
    CSAR,
    /** Stock-settled stock appreciation right. */
    SSAR;

    /** @return whether it is exercised for shares at an exercise price */
    public boolean isOption() {
        return this == OPTION_NSO || this == OPTION_ISO || this == OPTION;
    }

    /** @return whether it counts as shares in the fully diluted capitalization (all but cash-settled SARs) */
    public boolean settlesInShares() {
        return this != CSAR;
    }
}
