package org.capledger.ledger;

/**
 * Where a security (stock, grant, warrant, convertible) stands. Every status but {@code OUTSTANDING} is final: it
 * names the terminal transaction that extinguished the security (OCF {@code TraversingTransactions.md}).
 */
public enum SecurityStatus {
    OUTSTANDING,
    TRANSFERRED,
    CANCELLED,
    REPURCHASED,
    REISSUED,
    RETRACTED,
    CONVERTED,
    CONSOLIDATED,
    SPLIT,
    EXERCISED,
    RELEASED;

    /** @return the status a security gets when a transaction of {@code kind} (e.g. TRANSFER) extinguishes it */
    public static SecurityStatus extinguishedBy(String kind) {
        return switch (kind) {
            case "TRANSFER" -> TRANSFERRED;
            case "CANCELLATION" -> CANCELLED;
            case "REPURCHASE" -> REPURCHASED;
            case "REISSUANCE" -> REISSUED;
            case "RETRACTION" -> RETRACTED;
            case "CONVERSION" -> CONVERTED;
            case "CONSOLIDATION" -> CONSOLIDATED;
            case "SPLIT" -> SPLIT;
            case "EXERCISE" -> EXERCISED;
            case "RELEASE" -> RELEASED;
            default -> throw new IllegalArgumentException("Not a terminal transaction kind: " + kind);
        };
    }
}
