package org.capledger.query.registers;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.capledger.api.value.Address;
import org.capledger.api.value.Money;
import org.capledger.query.registers.RegisterOfMembersView.Holding;
import org.capledger.query.registers.RegisterOfMembersView.Member;
import org.capledger.query.common.SpreadsheetText;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The registers as CSV (RFC 4180: a header row, comma-separated, CRLF line ends, fields quoted where they hold a
 * comma, a quote or a line break), written by Jackson's CSV dataformat. Columns are named in docs/registers.md.
 *
 * <p>Text that came from users (names, addresses, consideration, labels, ids) is neutralised against spreadsheet
 * formula injection (OWASP "CSV Injection"): a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it. Numbers
 * and dates Capledger writes itself (shares, which may be negative, amounts, dates) are left as they are.
 */
public final class RegisterCsv {

    /** The media type answered, with the RFC 4180 {@code header} parameter. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8;header=present";

    static final List<String> STOCK_LEDGER_COLUMNS = List.of("effective_date", "recorded_at", "sequence_number",
            "kind", "stakeholder_id", "holder_name", "stock_class_id", "stock_class_name", "shares",
            "price_per_share", "price_currency", "consideration", "certificates_in", "certificates_out",
            "balance_certificate", "memo", "event_type", "event_id");

    static final List<String> REGISTER_COLUMNS = List.of("stakeholder_id", "name", "address_type", "street_suite",
            "city", "country_subdivision", "postal_code", "country", "entered_on", "ceased_on", "stock_class_id",
            "stock_class_name", "shares", "certificates", "amount_paid_up", "shares_with_unknown_paid_up");

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private RegisterCsv() {
    }

    /** @return the stock ledger, one row per entry */
    public static String stockLedger(StockLedgerView ledger) {
        List<String[]> rows = new ArrayList<>();
        for (StockLedgerEntry e : ledger.entries()) {
            rows.add(new String[] {
                    e.effectiveDate().toString(), e.recordedAt() == null ? "" : e.recordedAt().toString(),
                    Long.toString(e.sequenceNumber()), text(e.kind()), text(e.stakeholderId()), text(e.holderName()),
                    text(e.stockClassId()), text(e.stockClassName()), e.shares(),
                    e.pricePerShare() == null ? "" : e.pricePerShare().amount().toPlainString(),
                    e.pricePerShare() == null ? "" : e.pricePerShare().currency(), text(e.consideration()),
                    text(String.join(" ", e.certificatesIn())), text(String.join(" ", e.certificatesOut())),
                    text(e.balanceCertificate()), text(e.memo()), text(e.eventType()), text(e.eventId())});
        }
        return write(STOCK_LEDGER_COLUMNS, rows);
    }

    /** @return the register of members, one row per member and class held (one row for a former member) */
    public static String registerOfMembers(RegisterOfMembersView register) {
        List<String[]> rows = new ArrayList<>();
        for (Member m : register.members()) {
            List<Holding> holdings = m.holdings().isEmpty() ? java.util.Collections.singletonList(null)
                    : m.holdings();
            for (Holding h : holdings) {
                Address a = m.address();
                rows.add(new String[] {
                        text(m.stakeholderId()), text(m.name()),
                        a == null ? "" : a.addressType().name(), a == null ? "" : text(a.streetSuite()),
                        a == null ? "" : text(a.city()), a == null ? "" : text(a.countrySubdivision()),
                        a == null ? "" : text(a.postalCode()), a == null ? "" : text(a.country()),
                        m.enteredOn().toString(), m.ceasedOn() == null ? "" : m.ceasedOn().toString(),
                        h == null ? "" : text(h.stockClassId()), h == null ? "" : text(h.stockClassName()),
                        h == null ? "" : h.shares().toString(),
                        h == null ? "" : text(String.join(" ", h.certificates())),
                        h == null ? "" : h.amountPaidUp().stream().map(Money::toString)
                                .collect(Collectors.joining("; ")),
                        h == null ? "" : h.sharesWithUnknownPaidUp().toString()});
            }
        }
        return write(REGISTER_COLUMNS, rows);
    }

    /** @return {@code value} safe to open in a spreadsheet ({@link SpreadsheetText}); the empty string for null */
    static String text(String value) {
        return SpreadsheetText.forCsv(value);
    }

    private static String write(List<String> columns, List<String[]> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        columns.forEach(schema::addColumn);
        if (rows.isEmpty()) {
            // Jackson writes the header with the first row, so a register with no rows is the header alone
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
