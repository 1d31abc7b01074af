package org.capledger.query.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.capledger.ledger.CapTableView;

/**
 * Fully diluted ownership as an SVG pie chart with a legend: one slice per holder (the largest first; past
 * {@value #HOLDER_SLICES} holders the rest share one slice) and one for the shares available for grant in the plans'
 * pools. Each legend entry gives the name (cut at {@value #NAME_CHARACTERS} characters), and under it the shares and
 * the percentage of the fully diluted total (two decimals). The output is
 * plain SVG 1.1 text (no script, no external reference), the same for the same cap table.
 *
 * <p>Angles and coordinates are drawing positions, computed in floating point and written with two decimals; the
 * figures in the legend are the cap table's exact ones.
 */
final class OwnershipChart {

    static final int HOLDER_SLICES = 9;
    static final int WIDTH = 600;
    private static final double CX = 120;
    private static final double CY = 120;
    private static final double RADIUS = 110;
    private static final int LEGEND_X = 262;
    /** Height of one legend entry: the name, and under it the shares and percentage. */
    private static final int LINE = 30;
    private static final int NAME_CHARACTERS = 42;
    /** Holders' colours, in slice order; the other holders' slice is mid grey, the pools' light grey. */
    private static final String[] COLOURS = {"#1f4e79", "#2e75b6", "#9dc3e6", "#c55a11", "#f4b183", "#548235",
        "#a9d18e", "#7030a0", "#bf9000", "#ff6f61"};
    private static final String OTHERS_COLOUR = "#7f7f7f";
    private static final String POOL_COLOUR = "#d9d9d9";

    enum Kind { HOLDER, OTHERS, POOL }

    /** One slice: its legend text, its shares, its share of the whole in points. */
    record Slice(Kind kind, String name, BigDecimal shares, BigDecimal points) {

        String colour(int index) {
            return kind == Kind.POOL ? POOL_COLOUR : kind == Kind.OTHERS ? OTHERS_COLOUR
                    : COLOURS[index % COLOURS.length];
        }
    }

    private OwnershipChart() {
    }

    /** The slices, in drawing order: holders by fully diluted shares, then the rest, then the pools. */
    static List<Slice> slices(CapTableView table) {
        BigDecimal whole = table.totals().fullyDiluted().value();
        List<CapTableView.HolderRow> holders = new ArrayList<>(table.holders());
        holders.sort(Comparator.comparing((CapTableView.HolderRow h) -> h.fullyDiluted().value()).reversed()
                .thenComparing(CapTableView.HolderRow::name));
        List<Slice> slices = new ArrayList<>();
        BigDecimal rest = BigDecimal.ZERO;
        int others = 0;
        for (CapTableView.HolderRow h : holders) {
            if (h.fullyDiluted().value().signum() == 0) {
                continue;
            }
            if (slices.size() < HOLDER_SLICES || holders.size() == HOLDER_SLICES + 1) {
                slices.add(new Slice(Kind.HOLDER, h.name(), h.fullyDiluted().value(), h.percentFullyDiluted().value()));
            } else {
                rest = rest.add(h.fullyDiluted().value());
                others++;
            }
        }
        if (others > 0) {
            slices.add(new Slice(Kind.OTHERS, others + " other holders", rest, CapTableGrid.points(rest, whole)));
        }
        BigDecimal available = table.totals().sharesAvailableForGrant().value();
        if (available.signum() > 0) {
            slices.add(new Slice(Kind.POOL, "Available for grant", available, CapTableGrid.points(available, whole)));
        }
        return slices;
    }

    static String svg(CapTableView table) {
        List<Slice> slices = slices(table);
        BigDecimal whole = table.totals().fullyDiluted().value();
        int height = (int) Math.max(2 * CY, 44 + LINE * slices.size());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"ownership-title\">\n");
        svg.append("<title id=\"ownership-title\">Fully diluted ownership of ").append(escape(table.issuerLegalName()))
                .append("</title>\n");
        if (whole.signum() == 0) {
            svg.append("<circle cx=\"").append(num(CX)).append("\" cy=\"").append(num(CY)).append("\" r=\"")
                    .append(num(RADIUS)).append("\" fill=\"#f2f2f2\" stroke=\"#bfbfbf\"/>\n");
            svg.append(text(LEGEND_X, 40, 12, "No shares outstanding or reserved", false, "#262626"));
            return svg.append("</svg>\n").toString();
        }
        double start = 0;
        for (int i = 0; i < slices.size(); i++) {
            Slice slice = slices.get(i);
            double fraction = slice.shares().divide(whole, 12, RoundingMode.HALF_EVEN).doubleValue();
            String colour = slice.colour(i);
            if (fraction >= 0.999999) {
                svg.append("<circle cx=\"").append(num(CX)).append("\" cy=\"").append(num(CY)).append("\" r=\"")
                        .append(num(RADIUS)).append("\" fill=\"").append(colour).append("\"/>\n");
            } else {
                double end = start + fraction * 2 * Math.PI;
                svg.append("<path d=\"M ").append(num(CX)).append(' ').append(num(CY))
                        .append(" L ").append(num(x(start))).append(' ').append(num(y(start)))
                        .append(" A ").append(num(RADIUS)).append(' ').append(num(RADIUS)).append(" 0 ")
                        .append(fraction > 0.5 ? 1 : 0).append(" 1 ").append(num(x(end))).append(' ')
                        .append(num(y(end))).append(" Z\" fill=\"").append(colour)
                        .append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n");
                start = end;
            }
        }
        svg.append(text(LEGEND_X, 18, 12, "Fully diluted: " + grouped(whole) + " shares", true, "#262626"));
        for (int i = 0; i < slices.size(); i++) {
            Slice slice = slices.get(i);
            int y = 44 + LINE * i;
            svg.append("<rect x=\"").append(LEGEND_X).append("\" y=\"").append(y - 10).append("\" width=\"11\" "
                    + "height=\"11\" fill=\"").append(slice.colour(i)).append("\"/>\n");
            svg.append(text(LEGEND_X + 17, y, 11, shorten(slice.name()), false, "#262626"));
            svg.append(text(LEGEND_X + 17, y + 13, 10, grouped(slice.shares()) + " shares, "
                    + slice.points().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%", false, "#595959"));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String text(int x, int y, int size, String content, boolean bold, String colour) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
                + "font-size=\"" + size + "\"" + (bold ? " font-weight=\"bold\"" : "") + " fill=\"" + colour + "\">"
                + escape(content) + "</text>\n";
    }

    private static double x(double angle) {
        return CX + RADIUS * Math.sin(angle);
    }

    private static double y(double angle) {
        return CY - RADIUS * Math.cos(angle);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** @return the exact figure with thousands separators: {@code 1,000,000.5} */
    static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }

    private static String shorten(String name) {
        return name.length() <= NAME_CHARACTERS ? name : name.substring(0, NAME_CHARACTERS - 1) + "…";
    }

    /** XML text and attribute escaping, and nothing a renderer could run. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
