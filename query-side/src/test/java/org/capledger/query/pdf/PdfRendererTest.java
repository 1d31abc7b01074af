package org.capledger.query.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.thymeleaf.exceptions.TemplateInputException;

class PdfRendererTest {

    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static final LocalDate DATE = LocalDate.of(2024, 3, 31);
    private static final PdfMetadata METADATA = new PdfMetadata("Stock ledger", "Acme Robotics, Inc. as of 2024-03-31",
            DATE);

    private static Map<String, Object> variables(String heading) {
        return Map.of(
                "heading", heading,
                "rows", List.of(Map.of("holder", "Anna Petrova", "shares", "120,000"),
                        Map.of("holder", "Ζωή Παπαδοπούλου", "shares", "2,500")),
                "unknownFamilyText", "Fallback 山田太郎 Ångström");
    }

    @Test
    void rendersTemplateVariablesTablesAndFallbackFontsAsText() throws IOException {
        byte[] pdf = RENDERER.render("renderer-test", variables("Stock ledger"), METADATA);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Stock ledger").contains("Anna Petrova").contains("120,000")
                    .contains("Ζωή Παπαδοπούλου").contains("Fallback 山田太郎 Ångström");
            PDPage page = doc.getPage(0);
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+(DejaVu|DroidSans).*");
            }
        }
    }

    @Test
    void drawsInlineSvg() throws IOException {
        byte[] pdf = RENDERER.render("renderer-test", variables("Stock ledger"), METADATA);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 36);
            int navy = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) == 0x1F3A5F) {
                        navy++;
                    }
                }
            }
            assertThat(navy).as("pixels of the SVG's navy rectangle").isGreaterThan(300);
        }
    }

    @Test
    void writesPdfA2uIdentificationOutputIntentAndMatchingMetadata() throws Exception {
        byte[] pdf = RENDERER.render("renderer-test", variables("Stock ledger"), METADATA);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getVersion()).isEqualTo(1.7f); // header 1.6 (object streams), catalog /Version 1.7
            PDDocumentInformation info = doc.getDocumentInformation();
            Calendar midnightUtc = java.util.GregorianCalendar.from(DATE.atStartOfDay(ZoneOffset.UTC));
            assertThat(info.getTitle()).isEqualTo("Stock ledger");
            assertThat(info.getSubject()).isEqualTo("Acme Robotics, Inc. as of 2024-03-31");
            assertThat(info.getProducer()).isEqualTo(PdfRenderer.PRODUCER);
            assertThat(info.getCreator()).isEqualTo(PdfRenderer.CREATOR);
            assertThat(info.getCreationDate().toInstant()).isEqualTo(midnightUtc.toInstant());
            assertThat(info.getModificationDate().toInstant()).isEqualTo(midnightUtc.toInstant());

            byte[] xmpBytes = doc.getDocumentCatalog().getMetadata().toByteArray();
            String xmpText = new String(xmpBytes, StandardCharsets.UTF_8);
            assertThat(xmpText).contains("xml:lang=\"x-default\"");
            XMPMetadata xmp = new DomXmpParser().parse(xmpBytes);
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("U");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle());
            assertThat(xmp.getDublinCoreSchema().getDescription()).isEqualTo(info.getSubject());
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant()).isEqualTo(midnightUtc.toInstant());
            assertThat(xmp.getXMPBasicSchema().getModifyDate().toInstant()).isEqualTo(midnightUtc.toInstant());
            assertThat(xmp.getXMPBasicSchema().getCreatorTool()).isEqualTo(PdfRenderer.CREATOR);
            assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo(PdfRenderer.PRODUCER);

            List<PDOutputIntent> intents = doc.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            assertThat(intents.get(0).getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
            assertThat(intents.get(0).getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
            java.awt.color.ICC_Profile profile = java.awt.color.ICC_Profile.getInstance(
                    intents.get(0).getDestOutputIntent().createInputStream().readAllBytes());
            assertThat(profile.getNumComponents()).isEqualTo(3);
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-US");
            assertThat(doc.getDocumentCatalog().getMarkInfo()).as("no claim to be tagged").isNull();
        }
    }

    @Test
    void takesNoDateFromTheClockAndDerivesTheIdFromTheContent() throws Exception {
        byte[] first = RENDERER.render("renderer-test", variables("Stock ledger"), METADATA);
        Thread.sleep(1_100); // PDF dates count seconds: a clock reading would now differ
        byte[] again = new PdfRenderer().render("renderer-test", variables("Stock ledger"), METADATA);
        byte[] other = RENDERER.render("renderer-test", variables("Register of members"), METADATA);

        assertThat(again).isEqualTo(first);
        byte[] id = documentId(first);
        assertThat(id).hasSize(16);
        assertThat(documentId(again)).isEqualTo(id);
        assertThat(documentId(other)).isNotEqualTo(id);
    }

    @Test
    void refusesTemplatesThatDoNotExist() {
        assertThatThrownBy(() -> RENDERER.render("no-such-template", Map.of(), METADATA))
                .isInstanceOf(TemplateInputException.class);
    }

    private static byte[] documentId(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSArray ids = doc.getDocument().getDocumentID();
            assertThat(ids.size()).isEqualTo(2);
            byte[] first = ((COSString) ids.getObject(0)).getBytes();
            assertThat(((COSString) ids.getObject(1)).getBytes()).isEqualTo(first);
            return first;
        }
    }
}
