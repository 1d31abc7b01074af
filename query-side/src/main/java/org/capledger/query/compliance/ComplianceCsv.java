package org.capledger.query.compliance;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capledger.api.value.Money;
import org.capledger.api.value.SecurityId;
import org.capledger.query.common.SpreadsheetText;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The tabular parts of the compliance reports as CSV (RFC 4180: a header row, comma-separated, CRLF line ends,
 * fields quoted where they hold a comma, a quote or a line break), written by Jackson's CSV dataformat. Columns are
 * named in docs/compliance.md.
 *
 * <p>Text that came from users (names, labels, ids, class names) is neutralised against spreadsheet formula
 * injection (OWASP "CSV Injection"): a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it. Numbers,
 * dates and enum values Capledger writes itself are left as they are; none of them is negative.
 */
public final class ComplianceCsv {

    /** The media type answered, with the RFC 4180 {@code header} parameter. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8;header=present";

    static final List<String> RULE_701_COLUMNS = List.of("date", "security_id", "security_label", "stakeholder_id",
            "holder_name", "relationship", "stock_class_id", "stock_class_name", "compensation_type", "kind",
            "quantity", "price_per_security", "sales_price", "currency", "valuation");

    static final List<String> HOLDERS_COLUMNS = List.of("stock_class_id", "stock_class_name", "stakeholder_id",
            "holder_name", "accredited_investor", "shares_held_of_record", "shares_under_compensation_plan",
            "counted", "excluded_under_compensation_plan", "securities");

    /** Quotes only the fields that need it (a separator, a quote, a line break), as RFC 4180 writes them. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

    private ComplianceCsv() {
    }

    /** @return the sales counted in the 12 months ending on the as-of date, in date order, one row each */
    public static String rule701Issuances(Rule701Statement statement) {
        Map<SecurityId, CompensatoryIssuanceRecord> records = new HashMap<>();
        statement.ledger().forEach(r -> records.put(r.securityId(), r));
        List<String[]> rows = new ArrayList<>();
        for (Rule701IssuanceLine line : statement.report().asOfWindow().issuances()) {
            CompensatoryIssuanceRecord r = line.securityId() == null ? null : records.get(line.securityId());
            rows.add(new String[] {
                    line.date().toString(), text(line.securityId() == null ? null : line.securityId().value()),
                    text(line.securityLabel()), r == null ? "" : text(r.stakeholderId().value()),
                    r == null ? "" : text(r.holderName()),
                    r == null || r.relationship() == null ? "" : r.relationship().name(),
                    text(line.stockClassId().value()), r == null ? "" : text(r.stockClassName()),
                    r == null || r.compensationType() == null ? "" : r.compensationType().name(),
                    line.kind().name(), plain(line.quantity().value()), amount(line.pricePerSecurity()),
                    amount(line.salesPrice()), line.salesPrice().currency(), r == null ? "" : text(r.valuation())});
        }
        return write(RULE_701_COLUMNS, rows);
    }

    /** @return one row per class and holder, as {@link HoldersOfRecordStatement#holders()} orders them */
    public static String holdersOfRecord(HoldersOfRecordStatement statement) {
        List<String[]> rows = new ArrayList<>();
        for (HolderOfRecordLine h : statement.holders()) {
            rows.add(new String[] {
                    text(h.stockClassId().value()), text(h.stockClassName()), text(h.stakeholderId().value()),
                    text(h.name()), h.accreditedInvestor().name(), plain(h.sharesHeldOfRecord().value()),
                    plain(h.sharesUnderCompensationPlan().value()), h.counted() ? "yes" : "no",
                    h.excludedUnderCompensationPlan() ? "yes" : "no", text(String.join(" ", h.securityLabels()))});
        }
        return write(HOLDERS_COLUMNS, rows);
    }

    /** @return {@code value} safe to open in a spreadsheet ({@link SpreadsheetText}); the empty string for null */
    static String text(String value) {
        return SpreadsheetText.forCsv(value);
    }

    private static String amount(Money money) {
        return Numbers.money(money.amount());
    }

    private static String plain(BigDecimal value) {
        return Numbers.plain(value);
    }

    private static String write(List<String> columns, List<String[]> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        columns.forEach(schema::addColumn);
        if (rows.isEmpty()) {
            // Jackson writes the header with the first row, so a table with no rows is the header alone
            return String.join(",", columns) + "\r\n";
        }
        ObjectWriter writer = CSV.writerFor(String[].class).with(schema.build());
        StringWriter out = new StringWriter();
        try (SequenceWriter rowsOut = writer.writeValues(out)) {
            for (String[] row : rows) {
                rowsOut.write(row);
            }
        }
        return out.toString();
    }
}
