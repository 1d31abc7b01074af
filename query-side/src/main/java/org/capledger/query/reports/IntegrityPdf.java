package org.capledger.query.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.capledger.query.pdf.PdfMetadata;
import org.capledger.query.pdf.PdfRenderer;
import org.capledger.query.reports.IntegrityReport.Check;
import org.capledger.query.reports.IntegrityReport.Finding;
import org.springframework.stereotype.Component;

/**
 * The ledger integrity report as a PDF/A-2u document with its working (template
 * {@code templates/pdf/integrity-report.html}, US Letter portrait, in the style of the compliance reports): the
 * verdict, a table of the five checks, then each check with what it examined (its definition and the number of items),
 * pass or fail, and its offending items (date, class, holder, security, transaction, figures, what is wrong; the first
 * {@value IntegrityReport#MAX_LISTED}, as in the JSON). The document's date is the report's as-of date, so the same
 * report gives the same bytes.
 */
@Component
public class IntegrityPdf {

    static final String TEMPLATE = "integrity-report";

    private static final Map<String, String> TITLES = Map.of(
            IntegrityChecks.AUTHORIZED_NOT_EXCEEDED, "Authorized shares never exceeded",
            IntegrityChecks.TRACED_TO_ISSUANCE, "Every stock security traced to an issuance",
            IntegrityChecks.NO_NEGATIVE_POSITION, "No negative position",
            IntegrityChecks.QUANTITIES_CONSERVED, "Quantities conserved",
            IntegrityChecks.CERTIFICATES_CONSISTENT, "Certificate registers consistent with the events");

    private final PdfRenderer renderer;

    public IntegrityPdf(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    public byte[] render(IntegrityReport report) {
        String title = "Ledger integrity as of " + report.asOf();
        long failed = report.checks().stream().filter(c -> !c.passed()).count();
        Map<String, Object> vars = new HashMap<>();
        vars.put("title", title);
        vars.put("issuer", report.issuerLegalName());
        vars.put("issuerLine", "Issuer " + report.issuerId() + " · " + report.eventsFolded() + " events folded, "
                + "effective on or before " + report.asOf());
        vars.put("passed", report.passed());
        vars.put("verdict", report.passed() ? "Passed: all " + report.checks().size() + " checks found nothing wrong"
                : "FAILED: " + failed + " of " + report.checks().size() + " checks found offending items");
        vars.put("method", "Each check folds the issuer's events again, independently of the ledger that recorded "
                + "them, and judges what it examined; an offending item is one the check found wrong. Checks 1 to 4 "
                + "judge the end of every effective date up to " + report.asOf() + "; check 5 compares the "
                + "certificate registers with every recorded event, whatever the date.");
        List<Map<String, Object>> checks = new ArrayList<>();
        int number = 0;
        for (Check c : report.checks()) {
            number++;
            Map<String, Object> check = new HashMap<>();
            check.put("number", number);
            check.put("name", c.name());
            check.put("title", TITLES.getOrDefault(c.name(), c.name()));
            check.put("passed", c.passed());
            check.put("result", c.passed() ? "passed" : "FAILED");
            check.put("description", c.description());
            check.put("examined", grouped(c.examined()));
            check.put("offendingCount", grouped(c.offendingCount()));
            check.put("examination", "Examined " + grouped(c.examined()) + (c.examined() == 1 ? " item" : " items")
                    + "; " + (c.offendingCount() == 0 ? "none offends."
                    : grouped(c.offendingCount()) + " offend" + (c.offendingCount() == 1 ? "s" : "")
                    + (c.offendingCount() > c.offending().size() ? " (the first " + c.offending().size()
                    + " are listed)" : "") + "."));
            List<List<String>> rows = new ArrayList<>();
            for (Finding f : c.offending()) {
                rows.add(List.of(f.date() == null ? "" : f.date().toString(),
                        f.stockClassName() != null ? f.stockClassName() : text(f.stockClassId()),
                        text(f.stakeholderId()), f.label() != null ? f.label() : text(f.securityId()),
                        (f.transaction() == null ? "" : f.transaction()) + (f.sequence() == null ? ""
                                : (f.transaction() == null ? "" : " ") + "#" + f.sequence()),
                        figures(f.figures()), text(f.detail())));
            }
            check.put("rows", rows);
            checks.add(check);
        }
        vars.put("checks", checks);
        vars.put("footer", report.issuerLegalName() + " · " + title + " · computed from the ledger by Capledger");
        return renderer.render(TEMPLATE, vars, new PdfMetadata(report.issuerLegalName() + ": " + title,
                "Ledger integrity report of " + report.issuerLegalName() + " as of " + report.asOf() + ": "
                        + (report.passed() ? "passed" : "failed"), report.asOf()));
    }

    private static String figures(Map<String, String> figures) {
        if (figures == null) {
            return "";
        }
        return figures.entrySet().stream().map(e -> e.getKey() + " " + (e.getValue() == null ? "none"
                : number(e.getValue()))).collect(Collectors.joining(", "));
    }

    private static String number(String value) {
        try {
            return OwnershipChart.grouped(new BigDecimal(value));
        } catch (NumberFormatException | ArithmeticException e) {
            return value;
        }
    }

    private static String grouped(long value) {
        return OwnershipChart.grouped(BigDecimal.valueOf(value));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
