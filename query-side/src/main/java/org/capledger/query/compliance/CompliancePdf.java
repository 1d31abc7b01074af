package org.capledger.query.compliance;

import static org.capledger.query.compliance.Numbers.dollars;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.query.pdf.PdfMetadata;
import org.capledger.query.pdf.PdfRenderer;
import org.springframework.stereotype.Component;

/**
 * The compliance reports as PDF/A-2u documents (template {@code templates/pdf/compliance-report.html}, US Letter):
 * the issuer, the request's parameters, the result, the report's tables and its whole working, every step with its
 * figures and its source. Amounts print as dollars to the cent at least ({@code $1,600.00}, {@code $2.061856}).
 * The document's date is the day it is produced (UTC), printed in its footer.
 */
@Component
public class CompliancePdf {

    static final String TEMPLATE = "compliance-report";
    private static final Pattern HYPHENATED = Pattern.compile("\\S*\\S-\\S\\S*");

    private final PdfRenderer renderer;
    private final Clock clock;

    public CompliancePdf(PdfRenderer renderer) {
        this.renderer = renderer;
        this.clock = Clock.systemUTC();
    }

    /** @return the franchise tax report with both methods, the periods, each class's capital and the working */
    public byte[] franchiseTax(FranchiseTaxStatement statement) {
        FranchiseTaxReport r = statement.report();
        FranchiseTaxInput in = statement.input();
        Document doc = new Document("Delaware franchise tax, tax year " + r.taxYear(),
                "8 Del. C. §503 and the Delaware Division of Corporations' franchise tax instructions",
                statement.legalName(), "Formed in " + statement.countryOfFormation()
                + (statement.subdivisionOfFormation() == null ? "" : "-" + statement.subdivisionOfFormation())
                + " · issuer " + statement.issuerId() + " · ledger read to " + statement.ledgerReadTo());
        if (statement.provisional()) {
            doc.notice = "Provisional: " + r.taxYear() + " is the current year. The figures are those recorded so "
                    + "far, and the tax is an estimate until the year ends.";
        }
        doc.parameter("Tax year", r.taxYear() + " (" + r.daysInYear() + " days)");
        doc.parameter("Gross assets (request)", dollars(in.grossAssets().amount()));
        doc.parameter("Large Corporate Filer (request)", in.largeCorporateFiler() ? "yes" : "no");
        doc.parameter("Issued shares at year end (ledger)", grouped(in.issuedShares()));

        doc.fact("Authorized shares method", money(r.authorizedSharesMethodTax()), false);
        doc.fact("Assumed par value capital method", r.assumedParValueCapitalMethodTax() == null ? "not computable"
                : money(r.assumedParValueCapitalMethodTax()), false);
        doc.fact("Assumed par", r.assumedPar() == null ? "not computable"
                : dollars(r.assumedPar().amount()) + " per share", false);
        doc.fact("Method chosen (the lesser)", r.chosenMethod() == FranchiseTaxMethod.AUTHORIZED_SHARES
                ? "authorized shares method" : "assumed par value capital method", false);
        doc.fact("Franchise tax", money(r.franchiseTax()), true);
        doc.fact("Annual report filing fee", money(r.annualReportFee()), false);
        doc.fact("Total due by 1 March " + (r.taxYear() + 1), money(r.totalDue()), true);

        Table periods = doc.table("Periods of the year", "Period", "Days", "Authorized shares",
                "Authorized shares method", "Prorated", "Assumed par value capital", "Its method", "Prorated");
        periods.numeric(false, true, true, true, true, true, true, true);
        for (FranchiseTaxPeriod p : r.periods()) {
            periods.row(p.from() + " to " + p.to(), Integer.toString(p.days()),
                    grouped(p.totalAuthorizedShares()), money(p.authorizedSharesTax()), money(p.authorizedSharesShare()),
                    p.assumedParValueCapital() == null ? "n/a" : money(p.assumedParValueCapital()),
                    p.assumedParValueCapitalTax() == null ? "n/a" : money(p.assumedParValueCapitalTax()),
                    p.assumedParValueCapitalShare() == null ? "n/a" : money(p.assumedParValueCapitalShare()));
        }
        periods.note = "Each method's tax is computed for a full year with the period's authorized shares, minimum and "
                + "maximum applied, then prorated by days; the methods' prorated totals are compared.";
        if (r.periods().stream().anyMatch(p -> !p.classes().isEmpty())) {
            Table capital = doc.table("Assumed par value capital by class", "Period", "Class", "Authorized shares",
                    "Par value", "Value per share", "Basis", "Capital");
            capital.numeric(false, false, true, true, true, false, true);
            for (FranchiseTaxPeriod p : r.periods()) {
                for (ClassCapital c : p.classes()) {
                    capital.row(p.from() + " to " + p.to(), c.name(), grouped(c.authorizedShares()),
                            c.parValue() == null ? "no par" : money(c.parValue()), money(c.valuePerShare()),
                            c.basis(), money(c.capital()));
                }
            }
        }
        doc.steps(r.working());
        return render(doc, "Delaware franchise tax " + r.taxYear() + " of " + statement.legalName());
    }

    /** @return the Rule 701 report with the window's sales, limits and classes, what was left out, and the working */
    public byte[] rule701(Rule701Statement statement) {
        Rule701Report r = statement.report();
        Rule701Window w = r.asOfWindow();
        Document doc = new Document("Rule 701 as of " + r.asOf(), "17 CFR 230.701(d) and (e): compensatory sales "
                + "in any consecutive 12 months", statement.legalName(), "Issuer " + statement.issuerId()
                + " · ledger read to " + r.asOf());
        doc.parameter("As of (end of the 12-month window)", r.asOf().toString());
        doc.parameter("Window", w.from() + " to " + w.to());
        doc.parameter("Total assets (request)", money(r.totalAssets()));
        doc.parameter("Balance sheet date", r.balanceSheetDate().toString());

        doc.fact("Aggregate sales price in the window", money(w.aggregateSalesPrice()), true);
        doc.fact("Greatest limit for these sales", limit(w.greatestLimit()), false);
        doc.fact("Within the limits", w.withinLimits() ? "yes" : "NO", true);
        doc.fact("Disclosure under 230.701(e) required", w.enhancedDisclosureRequired() ? "yes" : "no", false);
        doc.fact("Peak 12-month window", r.peakWindow().from() + " to " + r.peakWindow().to() + ": "
                + money(r.peakWindow().aggregateSalesPrice()), false);
        doc.fact("Windows exceeding the limits", r.windowsExceedingLimits().isEmpty() ? "none"
                : String.join(", ", r.windowsExceedingLimits().stream().map(LocalDate::toString).toList()), false);

        Table limits = doc.table("Limits in the window", "Limit", "Amount", "Used", "Satisfied");
        limits.numeric(false, true, true, false);
        for (Rule701LimitCheck c : w.limits()) {
            limits.row(limit(c.limit()), c.amount() == null ? "per class, in securities" : money(c.amount()),
                    c.utilizationPercent() == null ? "n/a" : c.utilizationPercent().toPlainString() + "%",
                    c.satisfied() ? "yes" : "no");
        }
        if (!w.classes().isEmpty()) {
            Table classes = doc.table("Securities sold per class, limit (iii)", "Class", "Sold", "Sales price",
                    "Outstanding", "15% limit", "Used", "Within");
            classes.numeric(false, true, true, true, true, true, false);
            for (Rule701ClassAmount c : w.classes()) {
                classes.row(c.name(), grouped(c.amountSold()), money(c.salesPrice()), grouped(c.outstanding()),
                        grouped(c.limit()), c.utilizationPercent() == null ? "n/a"
                                : c.utilizationPercent().toPlainString() + "%", c.withinLimit() ? "yes" : "no");
            }
        }
        Map<Object, CompensatoryIssuanceRecord> records = new HashMap<>();
        statement.ledger().forEach(rec -> records.put(rec.securityId(), rec));
        Table sales = doc.table("Sales in the window", "Date", "Security", "Holder", "Kind", "Quantity",
                "Price", "Sales price", "Valuation");
        sales.numeric(false, false, false, false, true, true, true, false);
        for (Rule701IssuanceLine line : w.issuances()) {
            CompensatoryIssuanceRecord rec = records.get(line.securityId());
            sales.row(line.date().toString(), line.securityLabel() == null ? "" : line.securityLabel(),
                    rec == null ? "" : rec.holderName(), rec == null || rec.compensationType() == null
                            ? line.kind().name() : rec.compensationType().name(), grouped(line.quantity()),
                    money(line.pricePerSecurity()), money(line.salesPrice()), rec == null ? "" : rec.valuation());
        }
        List<CompensatoryIssuanceRecord> leftOut = statement.ledger().stream().filter(rec -> !rec.included()).toList();
        if (!leftOut.isEmpty()) {
            Table out = doc.table("Left out", "Date", "Security", "Holder", "Type", "Quantity", "Reason");
            out.numeric(false, false, false, false, true, false);
            for (CompensatoryIssuanceRecord rec : leftOut) {
                out.row(rec.date().toString(), rec.securityLabel(), rec.holderName(), rec.compensationType() == null
                        ? rec.source() : rec.compensationType().name(), grouped(rec.quantity()), rec.reason());
            }
        }
        doc.steps(r.working());
        return render(doc, "Rule 701 as of " + r.asOf() + " of " + statement.legalName());
    }

    /** @return the holders-of-record report with the counts per class, every holder line and the working */
    public byte[] holdersOfRecord(HoldersOfRecordStatement statement) {
        HoldersOfRecordReport r = statement.report();
        Document doc = new Document("Holders of record as of " + r.asOf(), "Securities Exchange Act of 1934 "
                + "§12(g)(1) and (5); 17 CFR 240.12g-1, 240.12g5-1", statement.legalName(), "Issuer "
                + statement.issuerId() + " · ledger read to " + r.asOf());
        doc.parameter("As of (fiscal year end)", r.asOf().toString());
        doc.parameter("Total assets (request)", money(r.totalAssets()));

        doc.fact("Holders of record, all classes", Integer.toString(r.totalHoldersOfRecord()), false);
        doc.fact("Of them not accredited (unknown included)", Integer.toString(r.totalNonAccreditedHolders()), false);
        doc.fact("Total assets exceed $10,000,000", r.totalAssetsExceedThreshold() ? "yes" : "no", false);
        doc.fact("Registration under §12(g)(1) required", r.registrationRequired() ? "yes, by "
                + r.registrationDueBy() : "no", true);
        doc.statement("Decision", r.reason());
        doc.statement("Employee compensation exclusion", r.employeeCompensationExclusion());
        doc.statement("Accredited-investor status", r.unknownAccreditationTreatment());

        Table classes = doc.table("Per class", "Class", "Holders of record", "Not accredited", "Of them unknown",
                "Left out (plan)", "Shares held of record", "Shares left out", "2,000 met", "500 met");
        classes.numeric(false, true, true, true, true, true, true, false, false);
        for (ClassHolderCount c : r.classes()) {
            classes.row(c.name(), Integer.toString(c.holdersOfRecord()), Integer.toString(c.nonAccreditedHolders()),
                    Integer.toString(c.unknownCountedAsNonAccredited()), Integer.toString(c.excludedHolders()),
                    grouped(c.quantityHeldOfRecord()), grouped(c.quantityExcluded()),
                    c.holdersThresholdMet() ? "yes" : "no", c.nonAccreditedThresholdMet() ? "yes" : "no");
        }
        Table holders = doc.table("Holders", "Class", "Holder", "Accredited", "Held of record", "Under a plan",
                "Securities", "Counted");
        holders.numeric(false, false, false, true, true, false, false);
        for (HolderOfRecordLine h : statement.holders()) {
            holders.row(h.stockClassName(), h.name(), h.accreditedInvestor().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    grouped(h.sharesHeldOfRecord()), grouped(h.sharesUnderCompensationPlan()),
                    String.join(" ", h.securityLabels()), h.counted() ? "yes"
                            : h.excludedUnderCompensationPlan() ? "no (plan)" : "no");
        }
        doc.steps(r.working());
        return render(doc, "Holders of record as of " + r.asOf() + " of " + statement.legalName());
    }

    private byte[] render(Document doc, String subject) {
        LocalDate today = LocalDate.now(clock);
        doc.produced = today.toString();
        return renderer.render(TEMPLATE, doc.variables(), new PdfMetadata(doc.title, subject, today));
    }

    private static String money(Money money) {
        return dollars(money.amount());
    }

    private static String grouped(Quantity quantity) {
        return Numbers.grouped(quantity);
    }

    private static String limit(Rule701Limit limit) {
        return switch (limit) {
            case ONE_MILLION_DOLLARS -> "(i) $1,000,000";
            case FIFTEEN_PERCENT_OF_TOTAL_ASSETS -> "(ii) 15% of total assets";
            case FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS -> "(iii) 15% of the outstanding class";
        };
    }

    /** A figure for reading: {@code gross assets $1,000,000.00}, {@code issued shares 485,000 shares}. */
    static String figure(Figure f) {
        String value = f.value();
        if (f.unit() != null && value.matches("-?\\d+(\\.\\d+)?")) {
            BigDecimal number = new BigDecimal(value);
            return switch (f.unit()) {
                case "USD" -> f.name() + " " + dollars(number);
                case "USD per share" -> f.name() + " " + dollars(number) + " per share";
                case "percent" -> f.name() + " " + value + "%";
                default -> f.name() + " " + Numbers.grouped(number) + " " + f.unit();
            };
        }
        return f.name() + " " + value + (f.unit() == null ? "" : " " + f.unit());
    }

    /**
     * {@code text} cut into the spans the template prints: every word with a hyphen in it (a date, {@code US-DE}, an
     * id) alone and not to be broken, since the layout would break a line after its hyphen; the rest as it is.
     */
    static List<Map<String, Object>> segments(String text) {
        List<Map<String, Object>> segments = new ArrayList<>();
        Matcher words = HYPHENATED.matcher(text);
        int at = 0;
        while (words.find()) {
            if (words.start() > at) {
                segments.add(Map.of("text", text.substring(at, words.start()), "nowrap", false));
            }
            segments.add(Map.of("text", words.group(), "nowrap", true));
            at = words.end();
        }
        if (at < text.length() || segments.isEmpty()) {
            segments.add(Map.of("text", text.substring(at), "nowrap", false));
        }
        return segments;
    }

    /** The template's variables, gathered. */
    private static final class Document {
        final String title;
        final String rule;
        final String issuer;
        final String issuerLine;
        String notice;
        String produced;
        final List<Map<String, Object>> parameters = new ArrayList<>();
        final List<Map<String, Object>> summary = new ArrayList<>();
        final List<Map<String, Object>> statements = new ArrayList<>();
        final List<Table> tables = new ArrayList<>();
        final List<Map<String, Object>> steps = new ArrayList<>();

        Document(String title, String rule, String issuer, String issuerLine) {
            this.title = title;
            this.rule = rule;
            this.issuer = issuer;
            this.issuerLine = issuerLine;
        }

        void parameter(String label, String value) {
            parameters.add(Map.of("label", label, "value", segments(value), "strong", false));
        }

        void fact(String label, String value, boolean strong) {
            summary.add(Map.of("label", label, "value", segments(value), "strong", strong));
        }

        void statement(String title, String text) {
            statements.add(Map.of("title", title, "text", segments(text)));
        }

        Table table(String title, String... headers) {
            Table table = new Table(title, List.of(headers));
            tables.add(table);
            return table;
        }

        void steps(List<Step> working) {
            for (int i = 0; i < working.size(); i++) {
                Step step = working.get(i);
                steps.add(Map.of("number", i + 1, "description", segments(step.description()),
                        "figures", segments(String.join(" · ", step.figures().stream().map(CompliancePdf::figure)
                                .toList())),
                        "source", segments("Source: " + step.source())));
            }
        }

        Map<String, Object> variables() {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("title", title);
            vars.put("rule", rule);
            vars.put("issuer", issuer);
            vars.put("issuerLine", issuerLine);
            vars.put("notice", notice);
            vars.put("produced", produced);
            vars.put("parameters", parameters);
            vars.put("summary", summary);
            vars.put("statements", statements);
            vars.put("tables", tables.stream().map(Table::variables).toList());
            vars.put("steps", steps);
            return vars;
        }
    }

    private static final class Table {
        final String title;
        final List<String> headers;
        boolean[] numeric;
        String note;
        final List<List<List<Map<String, Object>>>> rows = new ArrayList<>();

        Table(String title, List<String> headers) {
            this.title = title;
            this.headers = headers;
            this.numeric = new boolean[headers.size()];
        }

        void numeric(boolean... flags) {
            numeric = Arrays.copyOf(flags, headers.size());
        }

        void row(String... cells) {
            rows.add(Arrays.stream(cells).map(c -> segments(c == null ? "" : c)).toList());
        }

        Map<String, Object> variables() {
            Map<String, Object> vars = new HashMap<>();
            vars.put("title", title);
            vars.put("note", note);
            vars.put("headers", headers);
            List<Boolean> flags = new ArrayList<>();
            for (boolean flag : numeric) {
                flags.add(flag);
            }
            vars.put("numeric", flags);
            vars.put("rows", rows);
            return vars;
        }
    }
}
