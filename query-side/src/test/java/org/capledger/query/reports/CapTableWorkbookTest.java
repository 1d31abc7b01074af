package org.capledger.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capledger.ledger.CapTableView;
import org.junit.jupiter.api.Test;

/** The cap table as XLSX, read back with POI: figures, totals, formats, frozen header, properties, no formula. */
class CapTableWorkbookTest {

    private static byte[] written(CapTableView table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CapTableWorkbook.write(table, SampleCapTable.DATE, out);
        return out.toByteArray();
    }

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static BigDecimal number(Cell cell) {
        assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isEqualTo(CellType.NUMERIC);
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    private static int column(Sheet sheet, String header) {
        Row row = sheet.getRow(CapTableWorkbook.HEADER_ROW);
        for (Cell cell : row) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    /** The data rows: from under the header to the totals row, whose first cell is Total. */
    private static List<Row> rows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (int r = CapTableWorkbook.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            rows.add(sheet.getRow(r));
        }
        return rows;
    }

    @Test
    void theCapTableSheetHoldsEveryHolderWithFiguresPercentagesAndTotals() throws IOException {
        try (XSSFWorkbook workbook = read(written(SampleCapTable.table()))) {
            Sheet sheet = workbook.getSheet(CapTableWorkbook.CAP_TABLE_SHEET);
            List<Row> rows = rows(sheet);

            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Cap table");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Acme Corp: cap table as of 2024-06-30");
            assertThat(rows).extracting(r -> r.getCell(0).getStringCellValue()).containsExactly("Ana Alves",
                    SampleCapTable.FORMULA_NAME, "Chloé Durand", "Ben Brook", "2020 Plan (available for grant)",
                    "Total");
            int outstanding = column(sheet, "Shares outstanding");
            int fullyDiluted = column(sheet, "Fully diluted");
            int percentFullyDiluted = column(sheet, "% fully diluted");
            int preferred = column(sheet, "Series A Preferred shares");
            assertThat(number(rows.get(0).getCell(outstanding))).isEqualByComparingTo("5000000");
            assertThat(number(rows.get(2).getCell(preferred))).isEqualByComparingTo("1000000.5");
            assertThat(number(rows.get(2).getCell(fullyDiluted))).isEqualByComparingTo("1150000.5");
            assertThat(number(rows.get(0).getCell(percentFullyDiluted))).isEqualByComparingTo("0.492611");
            assertThat(number(rows.get(4).getCell(fullyDiluted))).isEqualByComparingTo("900000");

            Row total = rows.get(rows.size() - 1);
            assertThat(number(total.getCell(outstanding))).isEqualByComparingTo("8500000.5");
            assertThat(number(total.getCell(fullyDiluted))).isEqualByComparingTo("10150000.5");
            assertThat(number(total.getCell(percentFullyDiluted))).isEqualByComparingTo("1");
            BigDecimal sumOfRows = rows.subList(0, rows.size() - 1).stream()
                    .map(r -> number(r.getCell(fullyDiluted))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sumOfRows).isEqualByComparingTo(number(total.getCell(fullyDiluted)));
            BigDecimal outstandingRows = rows.subList(0, 4).stream().map(r -> number(r.getCell(outstanding)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(outstandingRows).isEqualByComparingTo(number(total.getCell(outstanding)));
            assertThat(workbook.getFontAt(total.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        }
    }

    @Test
    void numbersCarryShareAndPercentFormatsAndTheHeaderIsFrozen() throws IOException {
        try (XSSFWorkbook workbook = read(written(SampleCapTable.table()))) {
            Sheet sheet = workbook.getSheet(CapTableWorkbook.CAP_TABLE_SHEET);
            Row ana = sheet.getRow(CapTableWorkbook.HEADER_ROW + 1);
            Row chloe = sheet.getRow(CapTableWorkbook.HEADER_ROW + 3);

            assertThat(ana.getCell(column(sheet, "Shares outstanding")).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0");
            assertThat(chloe.getCell(column(sheet, "Shares outstanding")).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0.0#########");
            assertThat(ana.getCell(column(sheet, "% of outstanding")).getCellStyle().getDataFormatString())
                    .isEqualTo("0.00%");
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) (CapTableWorkbook.HEADER_ROW + 1));
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 1);
        }
    }

    @Test
    void aNameThatLooksLikeAFormulaStaysTextInAQuotePrefixedCell() throws IOException {
        try (XSSFWorkbook workbook = read(written(SampleCapTable.table()))) {
            Cell name = workbook.getSheet(CapTableWorkbook.CAP_TABLE_SHEET).getRow(CapTableWorkbook.HEADER_ROW + 2)
                    .getCell(0);
            Cell plain = workbook.getSheet(CapTableWorkbook.CAP_TABLE_SHEET).getRow(CapTableWorkbook.HEADER_ROW + 1)
                    .getCell(0);

            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo(SampleCapTable.FORMULA_NAME);
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> assertThat(cell.getCellType())
                    .as(cell.getAddress().formatAsString()).isNotEqualTo(CellType.FORMULA))));
        }
    }

    @Test
    void theFullyDilutedSheetBreaksTheTotalDown() throws IOException {
        try (XSSFWorkbook workbook = read(written(SampleCapTable.table()))) {
            Sheet sheet = workbook.getSheet(CapTableWorkbook.FULLY_DILUTED_SHEET);
            List<Row> components = rows(sheet).subList(0, 7);

            assertThat(workbook.getSheetIndex(sheet)).isEqualTo(1);
            assertThat(components).extracting(r -> r.getCell(0).getStringCellValue()).containsExactly(
                    "Shares outstanding: Common", "Shares outstanding: Series A Preferred",
                    "Options, RSUs and SARs outstanding", "Warrants outstanding", "Convertibles as converted",
                    "Available for grant: 2020 Plan", "Fully diluted");
            assertThat(components).extracting(r -> number(r.getCell(1)).stripTrailingZeros().toPlainString())
                    .containsExactly("7500000", "1000000.5", "600000", "100000", "50000", "900000", "10150000.5");
            BigDecimal parts = components.subList(0, 6).stream().map(r -> number(r.getCell(1)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(parts).isEqualByComparingTo(number(components.get(6).getCell(1)));
            assertThat(number(components.get(6).getCell(2))).isEqualByComparingTo("1");
            List<String> firstColumn = new ArrayList<>();
            rows(sheet).forEach(r -> firstColumn.add(r == null || r.getCell(0) == null ? ""
                    : r.getCell(0).getStringCellValue()));
            assertThat(firstColumn).contains("2020 Plan", "SAFE-2");
        }
    }

    @Test
    void thePropertiesAndTheBytesDependOnlyOnTheCapTable() throws IOException, InterruptedException {
        byte[] first = written(SampleCapTable.table());
        // zip entries carry times to two seconds: write again after that
        Thread.sleep(2_100);
        byte[] second = written(SampleCapTable.table());

        assertThat(second).isEqualTo(first);
        try (XSSFWorkbook workbook = read(first)) {
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getCreator()).isEqualTo("Capledger");
            assertThat(core.getTitle()).isEqualTo("Acme Corp: cap table as of 2024-06-30");
            assertThat(core.getCreated().toInstant()).isEqualTo(SampleCapTable.DATE.atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
            assertThat(core.getModified()).isEqualTo(core.getCreated());
            assertThat(workbook.getProperties().getExtendedProperties().getApplication()).isEqualTo("Capledger");
        }
    }
}
