package org.capledger.query.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.capledger.ledger.CapTableView;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import org.capledger.query.common.SpreadsheetText;

/**
 * The cap table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted where needed), UTF-8 without a byte
 * order mark, written by Jackson's CSV dataformat (as the registers are): a header row, then {@link CapTableGrid}'s
 * rows. Share counts are exact plain decimals ({@code 1500000}, {@code 0.5}); percentages are points with four
 * decimals ({@code 12.5000}); empty cells are empty. Text that a spreadsheet could take for a formula gets a leading
 * apostrophe ({@link SpreadsheetText}).
 */
final class CapTableCsv {

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private CapTableCsv() {
    }

    static void write(CapTableView table, OutputStream out) throws IOException {
        CapTableGrid grid = CapTableGrid.of(table);
        StringWriter text = new StringWriter();
        try (SequenceWriter rows = CSV.writerFor(String[].class)
                .with(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(text)) {
            rows.write(grid.header.stream().map(SpreadsheetText::forCsv).toArray(String[]::new));
            for (CapTableGrid.Row row : grid.rows) {
                List<String> fields = new ArrayList<>();
                for (CapTableGrid.Cell cell : row.cells()) {
                    fields.add(field(cell));
                }
                rows.write(fields.toArray(String[]::new));
            }
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
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
