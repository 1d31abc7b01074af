package org.capledger.query.pdf;

/**
 * Everything printed on one share certificate (issue 7, "Certificates"), already resolved from the read models;
 * {@link CertificatePdf} formats and prints it.
 *
 * @param issuerLegalName  the issuer's legal name
 * @param jurisdiction     where the issuer was formed, e.g. "Delaware, United States" or "England and Wales, United
 *                         Kingdom"; printed as "Incorporated under the laws of ..."
 * @param label            security label, e.g. "CS-1"
 * @param holderName       the registered holder (stakeholder) as printed; any script the embedded fonts cover
 * @param shares           number of shares, exact, non-negative, up to 10 decimals; printed in words and figures
 * @param stockClassName   class name (and series if any), e.g. "Series A Preferred Stock"
 * @param stockClassType   "COMMON" or "PREFERRED" (OCF {@code enums/StockClassType})
 * @param parValue         par value per share (amount and ISO 4217 currency), {@code null} when the class has no
 *                         par value
 * @param issueDate        date of issuance; also the PDF's creation date
 * @param legends          legend texts, already resolved, printed in order (may be empty)
 * @param officers         0..2 signature blocks; blank lines printed for those absent
 * @param verificationCode e.g. "7KQ2-M9XA-PL3D-W8RT"
 * @param verificationUrl  e.g. "https://capledger.example/api/verify/7KQ2-M9XA-PL3D-W8RT"
 * @param watermark        NONE, or the word printed diagonally across the page
 */
public record CertificateDocument(
        String issuerLegalName,
        String jurisdiction,            // e.g. "Delaware, United States" or "England and Wales, United Kingdom"
        String label,                   // security label, e.g. "CS-1"
        String holderName,
        java.math.BigDecimal shares,    // exact, may have up to 10 decimals
        String stockClassName,          // class name (and series if any)
        String stockClassType,          // "COMMON" or "PREFERRED"
        org.capledger.api.value.Money parValue,  // amount + ISO 4217 currency; null when the class has no par value
        java.time.LocalDate issueDate,
        java.util.List<String> legends, // legend texts, already resolved, printed in order
        java.util.List<Officer> officers, // 0..2 signature blocks; blank lines printed when absent
        String verificationCode,        // e.g. "7KQ2-M9XA-PL3D-W8RT"
        String verificationUrl,         // e.g. "https://capledger.example/api/verify/7KQ2-M9XA-PL3D-W8RT"
        Watermark watermark) {          // NONE, CANCELLED, VOID, SPECIMEN

    /** One signature block: the officer's name and title (e.g. "Chief Executive Officer"). */
    public record Officer(String name, String title) {}

    /** The word across the page: none, {@code CANCELLED} or {@code VOID} for an extinguished certificate, {@code SPECIMEN} for demo data. */
    public enum Watermark { NONE, CANCELLED, VOID, SPECIMEN }
}
