/**
 * PDF documents of the query side: {@link org.capledger.query.pdf.PdfRenderer} turns a Thymeleaf HTML template
 * (under {@code templates/pdf/}) into a deterministic PDF/A-2u file with embedded open-licence fonts, and
 * {@link org.capledger.query.pdf.CertificatePdf} prints a share certificate with it. Fonts, their licences and the
 * sRGB output-intent profile are resources under {@code pdf/}.
 */
package org.capledger.query.pdf;
