package org.capledger.query.reports;

import java.math.BigDecimal;

/**
 * What a certificate register says of one stock security, as the integrity report's certificates check compares it.
 *
 * @param securityId    the stock security the certificate is for
 * @param label         the certificate label, e.g. {@code CS-7}
 * @param stakeholderId the holder named on it
 * @param quantity      the shares on it
 * @param active        whether the register holds it as live (not cancelled, void, replaced or extinguished)
 */
public record CertificateRecord(String securityId, String label, String stakeholderId, BigDecimal quantity,
                                boolean active) {
}
