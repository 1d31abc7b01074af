package org.capledger.query.registers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.capledger.api.value.Address;
import org.capledger.api.value.Money;
import org.capledger.query.pdf.PdfMetadata;
import org.capledger.query.pdf.PdfRenderer;
import org.capledger.query.registers.RegisterOfMembersView.Holding;
import org.capledger.query.registers.RegisterOfMembersView.Member;
import org.springframework.stereotype.Component;

/**
 * The registers as PDF/A-2u documents (template {@code templates/pdf/register.html}, rendered by {@link PdfRenderer}),
 * landscape: a header with the issuer, the as-of date and the statute, the whole register as one table whose header
 * row repeats on every page, and a footer with the page number. Shares are exact with thousands separators (signed in
 * the stock ledger: in positive, out negative); amounts carry their currency. The document's date is the register's
 * as-of date, so the same register gives the same bytes whenever it is rendered. Identifiers (holders', classes',
 * events') are left to the CSV and JSON, which have every column; docs/registers.md lists the PDF's columns.
 */
@Component
public class RegisterPdf {

    static final String TEMPLATE = "register";
    /** The stock ledger's statute line. */
    public static final String STOCK_LEDGER_STATUTE = "8 Del. C. §219 and §224";
    /** The register of members' statute line. */
    public static final String REGISTER_OF_MEMBERS_STATUTE = "Companies Act 2006 s.113";

    private final PdfRenderer renderer;

    public RegisterPdf(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * @param usLetter US Letter landscape when true (an issuer formed in the United States), A4 landscape otherwise
     * @return the whole stock ledger, one row per line in ledger order
     */
    public byte[] stockLedger(StockLedgerView ledger, boolean usLetter) {
        Table table = new Table(List.of(
                column("Effective date", false, 7.5), column("Seq.", true, 4), column("Transaction", false, 8),
                column("Holder", false, 11), column("Stock class", false, 7), column("Shares", true, 8),
                column("Price per share", true, 8), column("Consideration", false, 9),
                column("Certificates issued", false, 8.5), column("Certificates cancelled", false, 8.5),
                column("Balance certificate", false, 7), column("Memo", false, 13.5)));
        for (StockLedgerEntry e : ledger.entries()) {
            table.row(null, e.effectiveDate().toString(), Long.toString(e.sequenceNumber()), words(e.kind()),
                    e.holderName(), e.stockClassName(), signed(new BigDecimal(e.shares())), money(e.pricePerShare()),
                    e.consideration(), String.join(" ", e.certificatesIn()), String.join(" ", e.certificatesOut()),
                    e.balanceCertificate(), e.memo());
        }
        String title = "Stock ledger as of " + ledger.asOf();
        Map<String, Object> vars = document(title, STOCK_LEDGER_STATUTE, ledger.issuerLegalName(), ledger.issuerId(),
                usLetter, ledger.entries().size() + (ledger.entries().size() == 1 ? " line" : " lines")
                        + " · every stock transaction effective on or before " + ledger.asOf()
                        + ", by certificate, in order of effective date and then of recording",
                "Shares are signed: into the holder's account positive, out of it negative. Seq. is the "
                        + "transaction's position in the issuer's event stream (as in the audit trail). Holders' "
                        + "names are those in force on the as-of date. Identifiers of holders, "
                        + "classes and events are in the CSV and JSON renderings.", table);
        return renderer.render(TEMPLATE, vars, new PdfMetadata(ledger.issuerLegalName() + ": " + title,
                "Stock ledger (" + STOCK_LEDGER_STATUTE + ") of " + ledger.issuerLegalName() + " as of "
                        + ledger.asOf(), ledger.asOf()));
    }

    /**
     * A4 landscape (a register of members is kept by companies formed in Great Britain).
     *
     * @return the whole register, one row per member and class held (one row for a former member)
     */
    public byte[] registerOfMembers(RegisterOfMembersView register) {
        Table table = new Table(List.of(
                column("Member", false, 13), column("Address", false, 19), column("Entered", false, 7.5),
                column("Ceased", false, 7.5), column("Stock class", false, 10), column("Shares", true, 9),
                column("Certificates", false, 11), column("Amount paid up", true, 13),
                column("Shares, amount paid unknown", true, 10)));
        long current = 0;
        for (Member m : register.members()) {
            if (m.ceasedOn() == null) {
                current++;
            }
            List<Holding> holdings = m.holdings().isEmpty() ? java.util.Collections.singletonList(null) : m.holdings();
            boolean first = true;
            for (Holding h : holdings) {
                table.row(first ? "first" : "more", first ? m.name() : "", first ? address(m.address()) : "",
                        first ? m.enteredOn().toString() : "", first && m.ceasedOn() != null
                                ? m.ceasedOn().toString() : "",
                        h == null ? "" : h.stockClassName(), h == null ? "" : grouped(h.shares().value()),
                        h == null ? "" : String.join(" ", h.certificates()),
                        h == null ? "" : h.amountPaidUp().stream().map(RegisterPdf::money)
                                .collect(Collectors.joining("; ")),
                        h == null ? "" : grouped(h.sharesWithUnknownPaidUp().value()));
                first = false;
            }
        }
        String title = "Register of members as of " + register.asOf();
        Map<String, Object> vars = document(title, REGISTER_OF_MEMBERS_STATUTE, register.issuerLegalName(),
                register.issuerId(), false, current + (current == 1 ? " member" : " members") + " on "
                        + register.asOf() + ", " + (register.members().size() - current) + " former · one entry per "
                        + "period of membership, by name",
                "Name and address in force on the as-of date (s.113(2)(a)); dates entered and ceased "
                        + "(s.113(2)(b), (c)); shares held by class, with their certificates and the amount paid up "
                        + "(s.113(3)). " + RegisterOfMembersView.PAID_UP_BASIS, table);
        return renderer.render(TEMPLATE, vars, new PdfMetadata(register.issuerLegalName() + ": " + title,
                "Register of members (" + REGISTER_OF_MEMBERS_STATUTE + ") of " + register.issuerLegalName()
                        + " as of " + register.asOf(), register.asOf()));
    }

    private static Map<String, Object> document(String title, String statute, String issuer, String issuerId,
                                                boolean usLetter, String summary, String note, Table table) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("title", title);
        vars.put("statute", statute);
        vars.put("issuer", issuer);
        vars.put("issuerId", issuerId);
        vars.put("pageSize", usLetter ? "letter landscape" : "A4 landscape");
        vars.put("summary", summary);
        vars.put("note", note);
        vars.put("footer", issuer + " · " + title + " · " + statute + " · computed from the ledger by Capledger");
        vars.put("columns", table.columns);
        vars.put("rows", table.rows);
        return vars;
    }

    private static Map<String, Object> column(String header, boolean numeric, double widthPercent) {
        return Map.of("header", header, "numeric", numeric, "width", widthPercent + "%");
    }

    private record Table(List<Map<String, Object>> columns, List<Map<String, Object>> rows) {
        Table(List<Map<String, Object>> columns) {
            this(columns, new ArrayList<>());
        }

        void row(String rowClass, String... cells) {
            Map<String, Object> row = new HashMap<>();
            row.put("rowClass", rowClass);
            row.put("cells", Arrays.stream(cells).map(c -> c == null ? "" : c).toList());
            rows.add(row);
        }
    }

    /** {@code STOCK_TRANSFERRED}-style kinds read as words: {@code WARRANT_EXERCISE} is "Warrant exercise". */
    static String words(String kind) {
        if (kind == null || kind.isEmpty()) {
            return "";
        }
        String lower = kind.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String address(Address a) {
        if (a == null) {
            return "";
        }
        return Stream.of(a.streetSuite(), a.city(), a.countrySubdivision(), a.postalCode(), a.country())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    }

    private static String money(Money money) {
        return money == null ? "" : money.currency() + " " + grouped(money.amount());
    }

    /** With a plus sign for shares in, so the direction reads at a glance; zero as it is. */
    static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + grouped(value);
    }

    /** Exact, grouped by thousands, never rounded: {@code -1,234,567.0001}. */
    static String grouped(BigDecimal value) {
        String plain = value.toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return out.append(dot < 0 ? "" : digits.substring(dot)).toString();
    }
}
