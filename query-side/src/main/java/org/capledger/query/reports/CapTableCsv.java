package org.capledger.query.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.capledger.ledger.CapTableView;

/**
 * The cap table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted where needed), UTF-8 without a byte
 * order mark: a header row, then {@link CapTableGrid}'s rows. Share counts are exact plain decimals ({@code 1500000},
 * {@code 0.5}); percentages are points with four decimals ({@code 12.5000}); empty cells are empty. Text that a
 * spreadsheet could take for a formula gets a leading apostrophe ({@link SpreadsheetText}).
 */
final class CapTableCsv {

    private CapTableCsv() {
    }

    static void write(CapTableView table, OutputStream out) throws IOException {
        CapTableGrid grid = CapTableGrid.of(table);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord(grid.header.stream().map(SpreadsheetText::forCsv).toList());
            for (CapTableGrid.Row row : grid.rows) {
                List<String> fields = new ArrayList<>();
                for (CapTableGrid.Cell cell : row.cells()) {
                    fields.add(field(cell));
                }
                csv.printRecord(fields);
            }
        }
    }

    private static String field(CapTableGrid.Cell cell) {
        if (cell.value() == null) {
            return "";
        }
        return switch (cell.kind()) {
            case TEXT -> SpreadsheetText.forCsv((String) cell.value());
            case SHARES -> plain((BigDecimal) cell.value());
            case PERCENT -> ((BigDecimal) cell.value()).toPlainString();
        };
    }

    /** A share count as a plain decimal without trailing zeros. */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
