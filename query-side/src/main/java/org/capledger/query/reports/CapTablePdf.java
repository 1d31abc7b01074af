package org.capledger.query.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.ledger.CapTableView;
import org.capledger.ledger.Percent;
import org.capledger.query.pdf.PdfMetadata;
import org.capledger.query.pdf.PdfRenderer;
import org.springframework.stereotype.Component;

/**
 * The cap table report as a PDF (template {@code templates/pdf/cap-table.html}, rendered by {@link PdfRenderer}):
 * the totals and the {@link OwnershipChart} on top, then the stock classes, the holders (each holder's shares per
 * class, outstanding and fully diluted, with percentages; the plans' shares available for grant; the totals), the
 * fully diluted breakdown, and the warrants and convertibles not counted. Landscape, US Letter for an issuer formed
 * in the United States and A4 otherwise; figures exact with thousands separators, percentages with their four
 * decimals. The same cap table on the same date gives the same bytes.
 */
@Component
public class CapTablePdf {

    static final String TEMPLATE = "cap-table";

    private final PdfRenderer renderer;

    public CapTablePdf(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * @param date     the date the report is for (printed, and the document's date)
     * @param usLetter US Letter landscape when true, A4 landscape otherwise
     */
    public byte[] render(CapTableView table, LocalDate date, boolean usLetter) {
        CapTableView.Totals totals = table.totals();
        BigDecimal whole = totals.fullyDiluted().value();
        Map<String, Object> vars = new HashMap<>();
        String title = table.issuerLegalName() + ": cap table as of " + date;
        vars.put("title", title);
        vars.put("pageSize", usLetter ? "letter landscape" : "A4 landscape");
        vars.put("footer", table.issuerLegalName() + ": cap table as of " + date + ", computed from the ledger by "
                + "Capledger");
        vars.put("issuerLegalName", table.issuerLegalName());
        vars.put("date", date.toString());
        vars.put("sharesOutstanding", figure(totals.sharesOutstanding()));
        vars.put("votes", figure(totals.votes()));
        vars.put("grantsOutstanding", figure(totals.grantsOutstanding()));
        vars.put("warrantsOutstanding", figure(totals.warrantsOutstanding()));
        vars.put("convertiblesAsConverted", figure(totals.convertiblesAsConverted()));
        vars.put("sharesAvailableForGrant", figure(totals.sharesAvailableForGrant()));
        vars.put("fullyDiluted", figure(totals.fullyDiluted()));
        vars.put("issuerSharesAuthorized", table.issuerSharesAuthorized() == null ? null
                : figure(table.issuerSharesAuthorized()));
        vars.put("chart", OwnershipChart.svg(table));
        vars.put("rounding", table.rounding());

        List<Map<String, Object>> classes = new ArrayList<>();
        for (CapTableView.ClassRow c : table.stockClasses()) {
            classes.add(row("name", c.name(), "type", c.classType().name(), "authorized", figure(c.sharesAuthorized()),
                    "outstanding", figure(c.sharesOutstanding()), "percentOfOutstanding",
                    percent(c.percentOfOutstanding().value()), "votesPerShare", figure(c.votesPerShare()),
                    "votes", figure(c.votes()), "percentOfVotes", percent(c.percentOfVotes().value())));
        }
        vars.put("classes", classes);

        List<Map<String, Object>> holders = new ArrayList<>();
        for (CapTableView.HolderRow h : table.holders()) {
            List<String> positions = h.positions().stream()
                    .map(p -> p.stockClassName() + " " + figure(p.shares()) + " ("
                            + percent(p.percentOfClass().value()) + ")").toList();
            holders.add(row("rowClass", null, "name", h.name(), "positions", positions,
                    "sharesOutstanding", figure(h.sharesOutstanding()),
                    "percentOfOutstanding", percent(h.percentOfOutstanding().value()),
                    "percentOfVotes", percent(h.percentOfVotes().value()), "grants", figure(h.grantsOutstanding()),
                    "warrants", figure(h.warrantsOutstanding()), "convertibles", figure(h.convertiblesAsConverted()),
                    "fullyDiluted", figure(h.fullyDiluted()), "percentFullyDiluted",
                    percent(h.percentFullyDiluted().value())));
        }
        for (CapTableView.PlanRow p : table.stockPlans()) {
            holders.add(row("rowClass", "pool", "name", p.name() + " (available for grant)", "positions", List.of(),
                    "sharesOutstanding", "", "percentOfOutstanding", "", "percentOfVotes", "", "grants", "",
                    "warrants", "", "convertibles", "", "fullyDiluted", figure(p.sharesAvailable()),
                    "percentFullyDiluted", percent(CapTableGrid.points(p.sharesAvailable().value(), whole))));
        }
        holders.add(row("rowClass", "total", "name", "Total", "positions", List.of(),
                "sharesOutstanding", figure(totals.sharesOutstanding()),
                "percentOfOutstanding", percent(CapTableGrid.points(totals.sharesOutstanding().value(),
                        totals.sharesOutstanding().value())),
                "percentOfVotes", percent(CapTableGrid.points(totals.votes().value(), totals.votes().value())),
                "grants", figure(totals.grantsOutstanding()), "warrants", figure(totals.warrantsOutstanding()),
                "convertibles", figure(totals.convertiblesAsConverted()), "fullyDiluted", figure(totals.fullyDiluted()),
                "percentFullyDiluted", percent(CapTableGrid.points(whole, whole))));
        vars.put("holders", holders);

        List<Map<String, Object>> breakdown = new ArrayList<>();
        for (CapTableView.ClassRow c : table.stockClasses()) {
            breakdown.add(component("Shares outstanding: " + c.name(), c.sharesOutstanding(), whole, null));
        }
        breakdown.add(component("Options, RSUs and SARs outstanding", totals.grantsOutstanding(), whole, null));
        breakdown.add(component("Warrants outstanding", totals.warrantsOutstanding(), whole, null));
        breakdown.add(component("Convertibles as converted", totals.convertiblesAsConverted(), whole, null));
        for (CapTableView.PlanRow p : table.stockPlans()) {
            breakdown.add(component("Available for grant: " + p.name(), p.sharesAvailable(), whole, null));
        }
        breakdown.add(component("Fully diluted", totals.fullyDiluted(), whole, "total"));
        vars.put("breakdown", breakdown);

        List<Map<String, Object>> notCounted = new ArrayList<>();
        for (CapTableView.UncountedRow u : table.notCounted()) {
            notCounted.add(row("label", u.label(), "holder", u.holderName(), "kind",
                    u.convertibleType() != null ? u.convertibleType() : u.kind(), "investment",
                    money(u.investmentAmount()), "cap", money(u.valuationCap()), "discount",
                    u.discount() == null ? "" : percent(u.discount().movePointRight(2))));
        }
        vars.put("notCounted", notCounted);

        return renderer.render(TEMPLATE, vars, new PdfMetadata(title, "Cap table, outstanding and fully diluted, of "
                + table.issuerLegalName() + " as of " + date, date));
    }

    private static Map<String, Object> component(String name, Quantity shares, BigDecimal whole, String rowClass) {
        return row("rowClass", rowClass, "name", name, "shares", figure(shares), "percent",
                percent(CapTableGrid.points(shares.value(), whole)));
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    static String figure(Quantity quantity) {
        return OwnershipChart.grouped(quantity.value());
    }

    /** Points with their four decimals and a per cent sign: {@code 49.2611%}. */
    static String percent(BigDecimal points) {
        return points.setScale(Percent.SCALE, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    private static String money(Money money) {
        if (money == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00########", DecimalFormatSymbols.getInstance(Locale.US));
        return money.currency() + " " + format.format(money.amount());
    }
}
