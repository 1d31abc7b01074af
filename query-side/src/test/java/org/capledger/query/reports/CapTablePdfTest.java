package org.capledger.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.capledger.query.pdf.PdfRenderer;
import org.junit.jupiter.api.Test;

/** The cap table as a PDF, read back with PDFBox: holders, figures and totals as text, landscape, same bytes. */
class CapTablePdfTest {

    private static final CapTablePdf PDF = new CapTablePdf(new PdfRenderer());

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void thePdfShowsEveryHolderTheFiguresAndTheTotals() throws IOException {
        byte[] pdf = PDF.render(SampleCapTable.table(), SampleCapTable.DATE, true);

        // cells wrap their text: read it as one line
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Acme Corp")
                .contains("Cap table as of 2024-06-30")
                .contains("Ana Alves").contains("Chloé Durand").contains("Ben Brook")
                .contains("Common 5,000,000 (66.6667%)")
                .contains("Series A Preferred 1,000,000.5 (100.0000%)")
                .contains("2020 Plan (available for grant)")
                .contains("Total")
                .contains("8,500,000.5")
                .contains("10,150,000.5")
                .contains("49.2611%")
                .contains("Acme Corp: cap table as of 2024-06-30, computed from the ledger by Capledger")
                .contains("SAFE-2").contains("USD 5,000,000.00").contains("20.0000%")
                .contains("Page 1 of");
        // a long name breaks inside a word: read without any space
        assertThat(text.replaceAll("\\s+", "")).contains(SampleCapTable.FORMULA_NAME.replaceAll("\\s+", ""));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(792f);
            assertThat(page.getMediaBox().getHeight()).isEqualTo(612f);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Acme Corp: cap table as of 2024-06-30");
        }
    }

    @Test
    void theSameCapTableGivesTheSameBytesAndA4OutsideTheUnitedStates() throws IOException {
        byte[] first = PDF.render(SampleCapTable.table(), SampleCapTable.DATE, false);
        byte[] second = PDF.render(SampleCapTable.table(), SampleCapTable.DATE, false);

        assertThat(second).isEqualTo(first);
        try (PDDocument doc = Loader.loadPDF(first)) {
            // A4 landscape: 297 mm by 210 mm in points
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(842f, Offset.offset(1f));
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(595f, Offset.offset(1f));
        }
        String sample = System.getProperty("capledger.sample-pdf");
        if (sample != null) {
            Files.write(Path.of(sample), PDF.render(SampleCapTable.table(), SampleCapTable.DATE, true));
        }
    }
}
