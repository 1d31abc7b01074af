package org.capledger.query.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.capledger.api.value.Money;
import org.springframework.stereotype.Component;

/**
 * Prints a share certificate (template {@code templates/pdf/certificate.html}): issuer and jurisdiction, label,
 * holder, shares in words and figures ("One Hundred Twenty Thousand (120,000) shares"), class and type, par value
 * or "without par value", issue date, legends, two signature blocks, the verification code and URL, and the
 * watermark across the page. US Letter landscape when the jurisdiction is in the United States, A4 landscape
 * otherwise. The same document always gives the same bytes (see {@link PdfRenderer}).
 */
@Component
public class CertificatePdf {

    static final String TEMPLATE = "certificate";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
    /**
     * Lines of legend text (7 pt) that fit at the foot of the face, between the signatures and the verification
     * line, on A4 and on Letter; longer legends are printed on a second page, the reverse.
     */
    static final int LEGEND_LINES_ON_FACE = 6;
    /** A cautious count of legend characters on one line at the foot (about 150 to 190 fit). */
    private static final int LEGEND_CHARS_PER_LINE = 140;
    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("USD", "$", "GBP", "£", "EUR", "€");

    private final PdfRenderer renderer;

    public CertificatePdf(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * @return the certificate as a PDF/A-2u file
     * @throws NullPointerException     when a required component (all but {@code parValue}, {@code legends},
     *                                  {@code officers}) is null
     * @throws IllegalArgumentException when there are more than two officers or the shares are negative
     */
    public byte[] render(CertificateDocument doc) {
        String figures = NumberWords.figures(Objects.requireNonNull(doc.shares(), "shares"));
        String shareNoun = doc.shares().compareTo(BigDecimal.ONE) == 0 ? "share" : "shares";
        List<String> legends = doc.legends() == null ? List.of() : doc.legends();
        List<CertificateDocument.Officer> officers = doc.officers() == null ? List.of() : doc.officers();
        if (officers.size() > 2) {
            throw new IllegalArgumentException("at most two officers sign a certificate, got " + officers.size());
        }
        String jurisdiction = Objects.requireNonNull(doc.jurisdiction(), "jurisdiction");
        CertificateDocument.Watermark watermark = Objects.requireNonNull(doc.watermark(), "watermark");

        Map<String, Object> vars = new HashMap<>();
        vars.put("issuer", Objects.requireNonNull(doc.issuerLegalName(), "issuerLegalName"));
        vars.put("jurisdiction", jurisdiction);
        vars.put("label", Objects.requireNonNull(doc.label(), "label"));
        vars.put("holder", Objects.requireNonNull(doc.holderName(), "holderName"));
        vars.put("sharesWords", NumberWords.spell(doc.shares()));
        vars.put("sharesFigures", figures);
        vars.put("shareNoun", shareNoun);
        vars.put("className", Objects.requireNonNull(doc.stockClassName(), "stockClassName"));
        vars.put("classType", Objects.requireNonNull(doc.stockClassType(), "stockClassType").toLowerCase(Locale.ROOT));
        vars.put("parValue", doc.parValue() == null ? "without par value" : "par value " + money(doc.parValue()) + " per share");
        vars.put("issueDate", DATE.format(Objects.requireNonNull(doc.issueDate(), "issueDate")));
        vars.put("legends", legends);
        vars.put("legendsOnReverse", legendLines(legends) > LEGEND_LINES_ON_FACE);
        vars.put("officers", signatureBlocks(officers));
        vars.put("verificationCode", Objects.requireNonNull(doc.verificationCode(), "verificationCode"));
        vars.put("verificationUrl", Objects.requireNonNull(doc.verificationUrl(), "verificationUrl"));
        vars.put("watermark", watermark == CertificateDocument.Watermark.NONE ? null : watermark.name());
        vars.put("watermarkClass", watermark.name().toLowerCase(Locale.ROOT));
        String words = NumberWords.spell(doc.shares()) + " (" + figures + ") " + shareNoun;
        vars.put("sizes", Map.of(
                "label", size(doc.label(), 10, 14),
                "issuer", size(doc.issuerLegalName(), 28, 38),
                "figures", size(figures, 10, 14),
                "holder", size(doc.holderName(), 32, 45),
                "amount", size(words, 64, 85)));
        vars.put("pageSize", jurisdiction.contains("United States") ? "letter landscape" : "A4 landscape");

        PdfMetadata metadata = new PdfMetadata(
                "Share certificate " + doc.label() + " of " + doc.issuerLegalName(),
                figures + " " + shareNoun + " of " + doc.stockClassName() + " held by " + doc.holderName(),
                doc.issueDate());
        return renderer.render(TEMPLATE, vars, metadata);
    }

    /** Lines the legends take at the foot of the face, rounding every legend up to whole lines. */
    static int legendLines(List<String> legends) {
        return legends.stream().mapToInt(legend -> Math.max(1, (legend.length() + LEGEND_CHARS_PER_LINE - 1)
                / LEGEND_CHARS_PER_LINE)).sum();
    }

    /**
     * The CSS size class of a text printed in a fixed width: "" up to {@code longFrom} character widths, "long" up
     * to {@code veryLongFrom}, "very-long" beyond. CJK characters count as two widths.
     */
    static String size(String text, int longFrom, int veryLongFrom) {
        int widths = text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
        return widths > veryLongFrom ? "very-long" : widths > longFrom ? "long" : "";
    }

    private static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Exactly two blocks for the template; an absent officer is a block with empty name and title. */
    private static List<Map<String, String>> signatureBlocks(List<CertificateDocument.Officer> officers) {
        List<Map<String, String>> blocks = new ArrayList<>(2);
        for (int i = 0; i < 2; i++) {
            CertificateDocument.Officer officer = i < officers.size() ? officers.get(i) : null;
            blocks.add(Map.of(
                    "name", officer == null || officer.name() == null ? "" : officer.name(),
                    "title", officer == null || officer.title() == null ? "" : officer.title()));
        }
        return blocks;
    }

    /** "$0.0001", "£1.00", "CHF 0.10": every significant decimal, at least two. */
    static String money(Money money) {
        BigDecimal amount = money.amount().stripTrailingZeros();
        String figures = NumberWords.group(amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY)
                .toPlainString());
        String symbol = CURRENCY_SYMBOLS.get(money.currency());
        return symbol != null ? symbol + figures : money.currency() + " " + figures;
    }
}
