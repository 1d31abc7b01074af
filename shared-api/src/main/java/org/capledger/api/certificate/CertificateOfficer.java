package org.capledger.api.certificate;

/**
 * An officer who signs the issuer's share certificates (8 Del. C. §158: any two authorized officers).
 *
 * @param name  the officer's name as printed under the signature line, 1 to 200 characters
 * @param title the office, e.g. "President" or "Secretary", 1 to 100 characters
 */
public record CertificateOfficer(String name, String title) {
}
