package org.capledger.query.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.capledger.api.value.Money;
import org.capledger.query.pdf.CertificateDocument.Officer;
import org.capledger.query.pdf.CertificateDocument.Watermark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificatePdfTest {

    static final String SECURITIES_ACT_LEGEND = "THE SHARES REPRESENTED HEREBY HAVE NOT BEEN REGISTERED UNDER THE"
            + " SECURITIES ACT OF 1933, AS AMENDED (THE \"ACT\"), AND MAY NOT BE SOLD, PLEDGED OR OTHERWISE"
            + " TRANSFERRED EXCEPT PURSUANT TO AN EFFECTIVE REGISTRATION STATEMENT UNDER THE ACT OR AN EXEMPTION"
            + " FROM REGISTRATION THEREUNDER.";
    static final String ROFR_LEGEND = "The shares represented hereby are subject to a right of first refusal in"
            + " favor of the Company, as provided in its Bylaws.";

    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static final CertificatePdf CERTIFICATES = new CertificatePdf(RENDERER);

    static CertificateDocument sample(String holder, Watermark watermark) {
        return new CertificateDocument(
                "Acme Robotics, Inc.",
                "Delaware, United States",
                "CS-1",
                holder,
                new BigDecimal("120000"),
                "Common Stock",
                "COMMON",
                Money.of("0.0001", "USD"),
                LocalDate.of(2024, 1, 15),
                List.of(SECURITIES_ACT_LEGEND, ROFR_LEGEND),
                List.of(new Officer("Grace Hopper", "Chief Executive Officer"),
                        new Officer("Alan Turing", "Secretary")),
                "7KQ2-M9XA-PL3D-W8RT",
                "https://capledger.example/api/verify/7KQ2-M9XA-PL3D-W8RT",
                watermark);
    }

    @Test
    void printsEveryFieldOfTheCertificate() throws IOException {
        byte[] pdf = CERTIFICATES.render(sample("Jane Q. Holder", Watermark.NONE));

        String text = text(pdf);
        assertThat(text)
                .contains("Acme Robotics, Inc.")
                .contains("Incorporated under the laws of Delaware, United States")
                .contains("CS-1")
                .contains("Jane Q. Holder")
                .contains("One Hundred Twenty Thousand (120,000) shares")
                .contains("Common Stock")
                .contains("of the Common Stock (common), par value $0.0001 per share, of Acme Robotics, Inc.")
                .contains("par value $0.0001 per share")
                .contains("January 15, 2024")
                .contains(SECURITIES_ACT_LEGEND)
                .contains(ROFR_LEGEND)
                .contains("Grace Hopper").contains("Chief Executive Officer")
                .contains("Alan Turing").contains("Secretary")
                .contains("7KQ2-M9XA-PL3D-W8RT")
                .contains("https://capledger.example/api/verify/7KQ2-M9XA-PL3D-W8RT");
        assertThat(text).doesNotContain("CANCELLED").doesNotContain("VOID").doesNotContain("SPECIMEN");
        assertThat(rotatedText(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(792f);   // US Letter landscape, in points
            assertThat(page.getMediaBox().getHeight()).isEqualTo(612f);
            assertThat(translucentStates(page)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Watermark.class, names = {"CANCELLED", "VOID", "SPECIMEN"})
    void printsTheWatermarkTranslucentAcrossThePage(Watermark watermark) throws IOException {
        byte[] pdf = CERTIFICATES.render(sample("Jane Q. Holder", watermark));

        assertThat(rotatedText(pdf)).isEqualTo(watermark.name());
        assertThat(text(pdf)).contains("Jane Q. Holder");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(translucentStates(doc.getPage(0))).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Анна Петрова", "Zoë Ångström-Müller", "Ζωή Παπαδοπούλου", "山田太郎", "王小明", "김민준",
            "O'Brien & <b>Söhne</b> \"Trust\""})
    void printsHolderNamesInAnyScriptTheFontsCoverAndMarkupAsText(String holder) throws IOException {
        byte[] pdf = CERTIFICATES.render(sample(holder, Watermark.NONE));

        assertThat(text(pdf)).contains(holder);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (COSName name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.+");
            }
        }
    }

    @Test
    void rendersTheSameBytesEveryTimeAndFromEveryRenderer() {
        CertificateDocument doc = sample("Анна Петрова", Watermark.SPECIMEN);

        byte[] first = CERTIFICATES.render(doc);
        byte[] second = CERTIFICATES.render(doc);
        byte[] fromAnotherRenderer = new CertificatePdf(new PdfRenderer()).render(doc);

        assertThat(second).isEqualTo(first);
        assertThat(fromAnotherRenderer).isEqualTo(first);
    }

    @Test
    void spellsFractionalAndSingleShares() throws IOException {
        CertificateDocument fractional = withShares(sample("Jane Q. Holder", Watermark.NONE), "10.25");
        CertificateDocument single = withShares(sample("Jane Q. Holder", Watermark.NONE), "1");

        assertThat(text(CERTIFICATES.render(fractional))).contains("Ten Point Two Five (10.25) shares");
        assertThat(text(CERTIFICATES.render(single))).contains("One (1) share ").doesNotContain("(1) shares");
    }

    @Test
    void printsNoParPreferredClassesOnA4OutsideTheUnitedStates() throws IOException {
        CertificateDocument base = sample("Jane Q. Holder", Watermark.NONE);
        CertificateDocument uk = new CertificateDocument("Acme Robotics Ltd", "England and Wales, United Kingdom",
                "PS-7", base.holderName(), new BigDecimal("2500"), "Series A Preferred Shares", "PREFERRED", null,
                base.issueDate(), List.of(), List.of(), base.verificationCode(), base.verificationUrl(),
                Watermark.NONE);

        byte[] pdf = CERTIFICATES.render(uk);

        assertThat(text(pdf)).contains("Incorporated under the laws of England and Wales, United Kingdom")
                .contains("Series A Preferred Shares (preferred), without par value")
                .contains("Two Thousand Five Hundred (2,500) shares")
                .doesNotContain("par value $");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.1f));
        }
    }

    @Test
    void printsLegendsThatDoNotFitAtTheFootOnTheReverse() throws IOException {
        CertificateDocument base = sample("Jane Q. Holder", Watermark.VOID);
        List<String> legends = List.of(SECURITIES_ACT_LEGEND, ROFR_LEGEND, SECURITIES_ACT_LEGEND.toLowerCase(),
                ROFR_LEGEND.toUpperCase(), SECURITIES_ACT_LEGEND);
        CertificateDocument doc = new CertificateDocument(base.issuerLegalName(), base.jurisdiction(), base.label(),
                base.holderName(), base.shares(), base.stockClassName(), base.stockClassType(), base.parValue(),
                base.issueDate(), legends, base.officers(), base.verificationCode(), base.verificationUrl(),
                base.watermark());
        assertThat(CertificatePdf.legendLines(legends)).isGreaterThan(CertificatePdf.LEGEND_LINES_ON_FACE);

        byte[] pdf = CERTIFICATES.render(doc);

        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(read.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String face = stripper.getText(read).replaceAll("\\s+", " ");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String reverse = stripper.getText(read).replaceAll("\\s+", " ");
            assertThat(face).contains("This certificate bears the legends printed on its reverse.")
                    .contains("Jane Q. Holder").doesNotContain(ROFR_LEGEND);
            assertThat(reverse).contains("LEGENDS").contains("Certificate CS-1 of Acme Robotics, Inc.")
                    .contains(legends.get(0)).contains(legends.get(1)).contains(legends.get(2))
                    .contains(legends.get(3));
        }
        assertThat(rotatedText(pdf)).as("the watermark on both pages").isEqualTo("VOIDVOID");
    }

    @Test
    void shrinksLongNamesAndFiguresToTheirBoxes() {
        assertThat(CertificatePdf.size("Anna Petrova", 32, 45)).isEmpty();
        assertThat(CertificatePdf.size("Александра Константиновна Воскресенская", 32, 45)).isEqualTo("long");
        assertThat(CertificatePdf.size("山田太郎山田太郎山田太郎山田太郎山田太郎山田太郎", 32, 45)).isEqualTo("very-long");
        assertThat(CertificatePdf.size("1,234,567.1234567891", 10, 14)).isEqualTo("very-long");
    }

    @Test
    void printsParValuesWithAtLeastTwoDecimalsAndTheirCurrency() {
        assertThat(CertificatePdf.money(Money.of("0.0001", "USD"))).isEqualTo("$0.0001");
        assertThat(CertificatePdf.money(Money.of("1", "GBP"))).isEqualTo("£1.00");
        assertThat(CertificatePdf.money(Money.of("0.1", "CHF"))).isEqualTo("CHF 0.10");
        assertThat(CertificatePdf.money(Money.of("1000.5", "EUR"))).isEqualTo("€1,000.50");
    }

    @Test
    void refusesMoreThanTwoOfficers() {
        CertificateDocument base = sample("Jane Q. Holder", Watermark.NONE);
        List<Officer> three = new ArrayList<>(base.officers());
        three.add(new Officer("Ada Lovelace", "Treasurer"));
        CertificateDocument doc = new CertificateDocument(base.issuerLegalName(), base.jurisdiction(), base.label(),
                base.holderName(), base.shares(), base.stockClassName(), base.stockClassType(), base.parValue(),
                base.issueDate(), base.legends(), three, base.verificationCode(), base.verificationUrl(),
                base.watermark());

        assertThatThrownBy(() -> CERTIFICATES.render(doc)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Writes target/certificate-example.pdf, the README's example, and checks it is one PDF/A page. */
    @Test
    void rendersTheExampleCertificate() throws IOException {
        byte[] pdf = CERTIFICATES.render(sample("Anna Petrova", Watermark.SPECIMEN));

        Path file = Path.of("target", "certificate-example.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    static CertificateDocument withShares(CertificateDocument d, String shares) {
        return new CertificateDocument(d.issuerLegalName(), d.jurisdiction(), d.label(), d.holderName(),
                new BigDecimal(shares), d.stockClassName(), d.stockClassType(), d.parValue(), d.issueDate(),
                d.legends(), d.officers(), d.verificationCode(), d.verificationUrl(), d.watermark());
    }

    /** The page's text with every run of white space (line breaks included) as one space. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** The characters drawn on a rotated baseline: the watermark's, in content order. */
    static String rotatedText(byte[] pdf) throws IOException {
        StringBuilder rotated = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (Math.abs(text.getTextMatrix().getShearY()) > 0.01f) {
                    rotated.append(text.getUnicode());
                }
                super.processTextPosition(text);
            }
        };
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            stripper.getText(doc);
        }
        return rotated.toString();
    }

    private static List<PDExtendedGraphicsState> translucentStates(PDPage page) throws IOException {
        List<PDExtendedGraphicsState> translucent = new ArrayList<>();
        for (COSName name : page.getResources().getExtGStateNames()) {
            PDExtendedGraphicsState state = page.getResources().getExtGState(name);
            Float fill = state.getNonStrokingAlphaConstant();
            if (fill != null && fill < 1f) {
                translucent.add(state);
            }
        }
        return translucent;
    }
}
