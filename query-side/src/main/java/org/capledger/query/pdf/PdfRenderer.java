package org.capledger.query.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.transform.TransformerException;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontGroup;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a Thymeleaf HTML template into a PDF/A-2u document (ISO 19005-2, level U: every glyph maps to Unicode),
 * byte for byte the same for the same template, variables and metadata, on any day and in any JVM.
 *
 * <p>Templates are XHTML (well-formed XML: openhtmltopdf parses them as such) under
 * {@code src/main/resources/templates/pdf/}, named without the {@code .html} suffix. Their CSS is inline or
 * inserted from other templates with Thymeleaf; they load nothing from outside (only {@code data:} URIs), so a
 * render neither reads files nor reaches the network. Text is escaped by Thymeleaf ({@code th:text}).
 *
 * <p>Fonts: the families {@value #SERIF} and {@value #SANS} (DejaVu 2.37: Latin, Greek, Cyrillic and more) and
 * {@value #CJK} (Droid Sans Fallback: Chinese, Japanese kana, Korean Hangul) are embedded as subsets. They are
 * also the fallback chain for any family a template names, so a glyph missing from the first family is taken
 * from the next and never from a PDF standard font, which PDF/A forbids because it is not embedded. Licences
 * beside the fonts in {@code pdf/fonts/}.
 *
 * <p>Determinism: the creation and modification dates are the caller's {@link PdfMetadata#date()} (never the
 * clock), the producer is fixed, the XMP packet is written here from the metadata alone, and the trailer
 * {@code /ID} (ISO 32000-1 §14.4) is a digest of the rendered HTML and the metadata instead of PDFBox's default,
 * which hashes the current time. PDFBox derives font subset tags from the glyphs used.
 *
 * <p>Thread-safe: one instance serves concurrent renders.
 */
@Component
public class PdfRenderer {

    /** The serif family (DejaVu Serif: regular, bold, italic, bold italic). */
    public static final String SERIF = "DejaVu Serif";
    /** The sans-serif family (DejaVu Sans: regular and bold), for tables and charts. */
    public static final String SANS = "DejaVu Sans";
    /** The CJK family (Droid Sans Fallback, regular only), last in every fallback chain. */
    public static final String CJK = "Droid Sans Fallback";

    /** {@code /Producer} and {@code pdf:Producer}. */
    public static final String PRODUCER = "Capledger (openhtmltopdf, Apache PDFBox)";
    /** {@code /Creator} and {@code xmp:CreatorTool}. */
    public static final String CREATOR = "Capledger";

    private static final String TEMPLATE_FOLDER = "templates/pdf/";
    /** Relative references resolve against this and are refused by {@link #mayLoad}; nothing is fetched. */
    private static final String BASE_URI = "about:blank";

    private record FontFile(String resource, String family, int weight, IdentValue style, boolean forSvg) {
    }

    /** In fallback order: a glyph missing from the requested family is looked up in these, in this order. */
    private static final List<FontFile> FONTS = List.of(
            new FontFile("DejaVuSerif.ttf", SERIF, 400, IdentValue.NORMAL, false),
            new FontFile("DejaVuSerif-Bold.ttf", SERIF, 700, IdentValue.NORMAL, false),
            new FontFile("DejaVuSerif-Italic.ttf", SERIF, 400, IdentValue.ITALIC, false),
            new FontFile("DejaVuSerif-BoldItalic.ttf", SERIF, 700, IdentValue.ITALIC, false),
            new FontFile("DejaVuSans.ttf", SANS, 400, IdentValue.NORMAL, true),
            new FontFile("DejaVuSans-Bold.ttf", SANS, 700, IdentValue.NORMAL, true),
            new FontFile("DroidSansFallback.ttf", CJK, 400, IdentValue.NORMAL, true));

    private static final PdfAConformance CONFORMANCE = PdfAConformance.PDFA_2_U;

    private final TemplateEngine templates;
    /** The files of {@link #FONTS}, in the same order. */
    private final List<byte[]> fontFiles;
    private final byte[] srgbProfile;

    static {
        // openhtmltopdf's default logger writes INFO lines to stderr on every render, past the application's
        // logging; through SLF4J its loggers (com.openhtmltopdf.*) follow the logging configuration.
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    public PdfRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PdfRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATE_FOLDER);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
        fontFiles = FONTS.stream().map(font -> resource("pdf/fonts/" + font.resource())).toList();
        srgbProfile = resource("pdf/color/sRGB.icc");
    }

    /**
     * Renders one document.
     *
     * @param template  template name under {@code templates/pdf/} without {@code .html}, e.g. {@code "certificate"}
     * @param variables the template's variables (Thymeleaf context, locale en-US)
     * @param metadata  title, subject and date of the document
     * @return the PDF file's bytes
     * @throws org.thymeleaf.exceptions.TemplateInputException when the template does not exist or does not parse
     * @throws UncheckedIOException when the PDF cannot be laid out or written
     */
    public byte[] render(String template, Map<String, ?> variables, PdfMetadata metadata) {
        @SuppressWarnings("unchecked")
        Context context = new Context(Locale.US, (Map<String, Object>) variables);
        String html = templates.process(template, context);
        return toPdf(html, metadata);
    }

    private byte[] toPdf(String html, PdfMetadata metadata) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withHtmlContent(html, BASE_URI)
                .usePdfAConformance(CONFORMANCE)
                .useColorProfile(srgbProfile)
                .withProducer(PRODUCER)
                .useSVGDrawer(new BatikSVGDrawer())
                .useExternalResourceAccessControl(PdfRenderer::mayLoad,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl(PdfRenderer::mayLoad,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        for (int i = 0; i < FONTS.size(); i++) {
            FontFile font = FONTS.get(i);
            byte[] bytes = fontFiles.get(i);
            if (font.forSvg()) {
                builder.useFont(() -> new ByteArrayInputStream(bytes), font.family(), font.weight(),
                        font.style() == IdentValue.ITALIC ? FontStyle.ITALIC : FontStyle.NORMAL, true,
                        EnumSet.of(FSFontUseCase.SVG));
            }
        }
        try (PDDocument pdf = new PDDocument()) {
            builder.usePDDocument(pdf);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                useFonts(renderer.getFontResolver(), pdf);
                renderer.createPDFWithoutClosing();
            }
            stamp(pdf, metadata, html);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }

    /**
     * Every font serves its own family and, after the requested families, as a fallback for glyphs they lack. It is
     * parsed at most once per document, and only when a glyph is needed from it.
     */
    private void useFonts(PdfBoxFontResolver resolver, PDDocument pdf) {
        for (int i = 0; i < FONTS.size(); i++) {
            FontFile font = FONTS.get(i);
            PDFontSupplier loadOnce = new LoadOnce(pdf, fontFiles.get(i));
            resolver.addFont(loadOnce, font.family(), font.weight(), font.style(), true, FontGroup.MAIN);
            resolver.addFont(loadOnce, font.family(), font.weight(), font.style(), true,
                    FontGroup.PRE_BUILT_IN_FALLBACK);
        }
    }

    private static final class LoadOnce extends PDFontSupplier {
        private final PDDocument pdf;
        private final byte[] file;
        private PDFont font;

        LoadOnce(PDDocument pdf, byte[] file) {
            super(null);
            this.pdf = pdf;
            this.file = file;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = PDType0Font.load(pdf, new RandomAccessReadBuffer(file), true, false);
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded font does not parse", e);
                }
            }
            return font;
        }
    }

    /** Replaces what openhtmltopdf and PDFBox would take from the clock with values derived from the input. */
    private static void stamp(PDDocument pdf, PdfMetadata metadata, String html) throws IOException {
        pdf.setVersion(CONFORMANCE.getPdfVersion());
        Calendar date = GregorianCalendar.from(metadata.date().atStartOfDay(ZoneOffset.UTC));
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(metadata.title());
        info.setSubject(metadata.subject());
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);
        info.setCreationDate(date);
        info.setModificationDate(date);
        pdf.setDocumentInformation(info);

        PDMetadata xmp = new PDMetadata(pdf);
        xmp.importXMPMetadata(xmp(metadata, date));
        pdf.getDocumentCatalog().setMetadata(xmp);
        // openhtmltopdf marks every PDF/A file as tagged; without PDF/UA mode it has no structure tree to show
        pdf.getDocumentCatalog().setMarkInfo(null);

        byte[] id = Arrays.copyOf(digest(html, metadata), 16);
        COSArray ids = new COSArray();
        for (int i = 0; i < 2; i++) {
            COSString part = new COSString(id);
            part.setForceHexForm(true);
            ids.add(part);
        }
        pdf.getDocument().setDocumentID(ids);
    }

    private static byte[] xmp(PdfMetadata metadata, Calendar date) {
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
            pdfa.setPart(CONFORMANCE.getPart());
            pdfa.setConformance(CONFORMANCE.getConformanceValue());
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setFormat("application/pdf");
            dc.setTitle(metadata.title());
            if (metadata.subject() != null) {
                dc.setDescription(metadata.subject());
            }
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(CREATOR);
            basic.setCreateDate(date);
            basic.setModifyDate(date);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, out, true);
            return out.toByteArray();
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("XMP metadata could not be written", e);
        }
    }

    private static byte[] digest(String html, PdfMetadata metadata) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {html, metadata.title(), String.valueOf(metadata.subject()),
                    metadata.date().toString()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha256.update(bytes);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Only inline {@code data:} resources; templates carry everything else themselves. */
    private static boolean mayLoad(String uri, ExternalResourceType type) {
        return uri != null && uri.startsWith("data:");
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
