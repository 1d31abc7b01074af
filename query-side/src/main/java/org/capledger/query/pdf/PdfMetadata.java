package org.capledger.query.pdf;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a PDF says about itself: the document information dictionary and the XMP metadata (ISO 32000-1 §14.3;
 * PDF/A requires the two to agree, ISO 19005-2 §6.6.3).
 *
 * @param title   the document title ({@code /Title}, {@code dc:title}), required
 * @param subject what it is about ({@code /Subject}, {@code dc:description}), or {@code null}
 * @param date    creation and modification date ({@code /CreationDate}, {@code xmp:CreateDate}), written as
 *                midnight UTC; the caller's date, never the clock, so that re-rendering gives the same bytes
 */
public record PdfMetadata(String title, String subject, LocalDate date) {

    public PdfMetadata {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
    }
}
