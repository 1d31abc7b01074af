package org.capledger.query.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

import org.capledger.api.CapledgerException;
import org.capledger.api.value.IssuerId;
import org.capledger.ledger.CapTableView;
import org.capledger.query.captable.CapTableQueries;
import org.capledger.query.issuers.IssuerViewRepository;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Renders the cap table report: the cap table of {@link CapTableQueries} (today's from the read models, or a past
 * date's by replay) as CSV, XLSX or PDF.
 */
@Service
public class CapTableReports {

    private final CapTableQueries capTables;
    private final CapTablePdf pdf;
    private final IssuerViewRepository issuers;

    public CapTableReports(CapTableQueries capTables, CapTablePdf pdf, IssuerViewRepository issuers) {
        this.capTables = capTables;
        this.pdf = pdf;
        this.issuers = issuers;
    }

    /**
     * A rendered report.
     *
     * @param fileName a suggested file name, e.g. {@code acme-corp-cap-table-2024-06-30.xlsx}
     */
    public record Rendered(byte[] content, MediaType mediaType, String fileName) {
    }

    /**
     * @param asOf  the effective date, or null for everything recorded (dated {@code today})
     * @param today the date printed on a report without {@code asOf}
     * @throws CapledgerException ISSUER_NOT_FOUND, DATE_BEFORE_FORMATION
     */
    public Rendered render(IssuerId issuerId, LocalDate asOf, LocalDate today, CapTableReportFormat format) {
        CapTableView table = asOf == null ? capTables.current(issuerId) : capTables.asOf(issuerId, asOf);
        LocalDate date = asOf == null ? today : asOf;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (format) {
                case CSV -> CapTableCsv.write(table, out);
                case XLSX -> CapTableWorkbook.write(table, date, out);
                case PDF -> out.write(pdf.render(table, date, issuers.findById(issuerId.value())
                        .map(issuer -> "US".equals(issuer.countryOfFormation())).orElse(true)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(out.toByteArray(), format.mediaType(), slug(table.issuerLegalName()) + "-cap-table-"
                + date + "." + format.parameter());
    }

    /** Lower-case ASCII letters and digits joined by hyphens: a file name any system takes. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "issuer" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
