package org.capledger.query.certificates;

/**
 * Where a share certificate stands.
 *
 * <ul>
 *   <li>{@code ACTIVE}: its security is outstanding.</li>
 *   <li>{@code CANCELLED}: surrendered and cancelled because its security was transferred, cancelled, repurchased,
 *       converted or consolidated; what remained went to new certificates.</li>
 *   <li>{@code VOID}: its issuance was retracted, as if never validly made.</li>
 *   <li>{@code REPLACED}: reissued as new certificates (administratively or by a split of its class), or replaced
 *       after being lost; it is void from then.</li>
 * </ul>
 */
public enum CertificateStatus {
    ACTIVE, CANCELLED, VOID, REPLACED;

    /** @return the status a certificate gets when a stock transaction of {@code kind} extinguishes its security */
    static CertificateStatus endedBy(String kind) {
        return switch (kind) {
            case "RETRACTION" -> VOID;
            case "REISSUANCE", "SPLIT" -> REPLACED;
            default -> CANCELLED;
        };
    }

    /** @return the watermark printed across the certificate: none while active */
    public String watermark() {
        return switch (this) {
            case ACTIVE -> null;
            case CANCELLED -> "CANCELLED";
            case VOID, REPLACED -> "VOID";
        };
    }
}
