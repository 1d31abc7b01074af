package org.capledger.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.capledger.query.pdf.PdfRenderer;
import org.capledger.query.reports.IntegrityReport.Check;
import org.capledger.query.reports.IntegrityReport.Finding;
import org.junit.jupiter.api.Test;

/** The integrity report as a PDF, read back with PDFBox: the verdict, every check's working and offending items. */
class IntegrityPdfTest {

    private static final IntegrityPdf PDF = new IntegrityPdf(new PdfRenderer());
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aFailedReportShowsEachCheckWithWhatItExaminedAndTheOffendingItems() throws IOException {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < IntegrityReport.MAX_LISTED; i++) {
            many.add(new Finding(LocalDate.of(2021, 1, 1), null, null, "ben", "sec-" + i, "CS-" + i, "TRANSFER",
                    10L + i, Map.of("quantity", "-5"), "a quantity below zero"));
        }
        IntegrityReport report = new IntegrityReport("acme", "Acme Corp", AS_OF, 42, false, List.of(
                new Check(IntegrityChecks.AUTHORIZED_NOT_EXCEEDED, "Shares outstanding never above the authorized "
                        + "count in force. Item: one class or the issuer on one date.", false, 1234, 1, List.of(
                        new Finding(LocalDate.of(2020, 3, 1), "common", "Common", null, null, null, "ISSUANCE", 7L,
                                IntegrityFold.figures("outstanding", new java.math.BigDecimal("1500000"),
                                        "authorized", new java.math.BigDecimal("1000000")),
                                "outstanding above authorized at the end of the day"))),
                new Check(IntegrityChecks.NO_NEGATIVE_POSITION, "Every holder's shares of every class. Item: one "
                        + "holder and class on one date.", false, 300, 250, many),
                new Check(IntegrityChecks.QUANTITIES_CONSERVED, "Each terminal transaction conserves quantities. "
                        + "Item: one terminal transaction.", true, 12, 0, List.of())));

        byte[] pdf = PDF.render(report);
        String text = text(pdf);

        assertThat(text).contains("CAPLEDGER LEDGER INTEGRITY REPORT").contains("Ledger integrity as of 2024-06-30")
                .contains("Acme Corp").contains("42 events folded")
                .contains("FAILED: 2 of 3 checks found offending items")
                .contains("1. Authorized shares never exceeded: FAILED")
                .contains("AUTHORIZED_NOT_EXCEEDED · Examined 1,234 items; 1 offends.")
                .contains("Item: one class or the issuer on one date.")
                .contains("2020-03-01").contains("Common").contains("ISSUANCE #7")
                .contains("outstanding 1,500,000, authorized 1,000,000")
                .contains("outstanding above authorized at the end of the day")
                .contains("Examined 300 items; 250 offend (the first 100 are listed).")
                .contains("CS-99").contains("3. Quantities conserved: passed")
                .contains("Examined 12 items; none offends.").contains("No offending items.")
                .contains("page 1 of");
        assertThat(PDF.render(report)).isEqualTo(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Acme Corp: Ledger integrity as of 2024-06-30");
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void aPassedReportSaysSo() throws IOException {
        IntegrityReport report = new IntegrityReport("acme", "Acme Corp", AS_OF, 3, true, List.of(
                new Check(IntegrityChecks.TRACED_TO_ISSUANCE, "Every stock security traced. Item: one stock "
                        + "security.", true, 2, 0, List.of())));

        assertThat(text(PDF.render(report))).contains("Passed: all 1 checks found nothing wrong")
                .contains("1. Every stock security traced to an issuance: passed");
    }
}
