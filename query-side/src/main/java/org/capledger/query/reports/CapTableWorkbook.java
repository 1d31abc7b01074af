package org.capledger.query.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.ledger.CapTableView;
import org.capledger.ledger.Percent;
import org.capledger.query.common.SpreadsheetText;

/**
 * The cap table as an XLSX workbook (Apache POI). Sheet "Cap table": {@link CapTableGrid} under a two-line title,
 * header frozen with the holder column, totals row in bold. Sheet "Fully diluted": what the fully diluted total is
 * made of (shares outstanding per class, grants, warrants, convertibles as converted, each plan's shares available
 * for grant), the plans' pools, and the warrants and convertibles not counted because their share count is not yet
 * determinable.
 *
 * <p>Share counts are numbers formatted {@code #,##0} (or with their decimals); a count of more than 15 significant
 * digits, which a spreadsheet's binary number would round, is written as its exact decimal text instead. Percentages
 * are fractions formatted {@code 0.00%}. Text that a spreadsheet could take for a formula is kept as written in a
 * quote-prefixed cell ({@link SpreadsheetText}). The workbook's properties (creator, title, created and modified at
 * the start of the report's date in UTC) depend only on the report, so the same cap table gives the same file.
 */
final class CapTableWorkbook {

    static final String CAP_TABLE_SHEET = "Cap table";
    static final String FULLY_DILUTED_SHEET = "Fully diluted";
    /** Zero-based index of the header row on both sheets, under the title lines. */
    static final int HEADER_ROW = 3;

    private static final int EXACT_DIGITS = 15;

    private CapTableWorkbook() {
    }

    static void write(CapTableView table, LocalDate date, OutputStream out) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            capTableSheet(workbook.createSheet(CAP_TABLE_SHEET), styles, table, date);
            fullyDilutedSheet(workbook.createSheet(FULLY_DILUTED_SHEET), styles, table, date);
            properties(workbook, table, date);
            workbook.write(written);
        }
        restamped(written.toByteArray(), date.atStartOfDay(), out);
    }

    /**
     * The package with every zip entry dated {@code time} (POI dates them at the moment of writing), in the same
     * order and with the same content, so that the file depends only on the report.
     */
    static void restamped(byte[] zip, LocalDateTime time, OutputStream out) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream stamped = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time);
                stamped.putNextEntry(copy);
                in.transferTo(stamped);
                stamped.closeEntry();
            }
        }
    }

    // ---------------------------------------------------------------- sheets

    private static void capTableSheet(Sheet sheet, Styles styles, CapTableView table, LocalDate date) {
        CapTableGrid grid = CapTableGrid.of(table);
        title(sheet, styles, table.issuerLegalName() + ": cap table as of " + date, "Outstanding and fully diluted "
                + "per holder and stock class. " + table.rounding());
        Row header = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < grid.header.size(); c++) {
            text(header.createCell(c), grid.header.get(c), styles, Styles.Role.HEADER);
        }
        int r = HEADER_ROW + 1;
        for (CapTableGrid.Row row : grid.rows) {
            Row line = sheet.createRow(r++);
            boolean total = row.type() == CapTableGrid.RowType.TOTAL;
            for (int c = 0; c < row.cells().size(); c++) {
                CapTableGrid.Cell cell = row.cells().get(c);
                Cell target = line.createCell(c);
                switch (cell.kind()) {
                    case TEXT -> text(target, (String) cell.value(), styles,
                            total ? Styles.Role.TOTAL : Styles.Role.BODY);
                    case SHARES -> shares(target, (BigDecimal) cell.value(), styles, total);
                    case PERCENT -> percent(target, (BigDecimal) cell.value(), styles, total);
                }
            }
        }
        List<Integer> widths = new ArrayList<>();
        widths.add(Math.max(24, grid.rows.stream().mapToInt(row -> length(row.cells().get(0))).max().orElse(0) + 2));
        widths.add(38);
        for (int c = 2; c < grid.header.size(); c++) {
            widths.add(14);
        }
        widths(sheet, widths);
        sheet.createFreezePane(1, HEADER_ROW + 1);
        landscape(sheet);
    }

    private static void fullyDilutedSheet(Sheet sheet, Styles styles, CapTableView table, LocalDate date) {
        CapTableView.Totals totals = table.totals();
        BigDecimal whole = totals.fullyDiluted().value();
        title(sheet, styles, table.issuerLegalName() + ": fully diluted as of " + date, "Shares outstanding, plus "
                + "shares under outstanding grants, warrants and convertibles as converted, plus shares available "
                + "for grant in the stock plans' pools.");
        Row header = sheet.createRow(HEADER_ROW);
        text(header.createCell(0), "Component", styles, Styles.Role.HEADER);
        text(header.createCell(1), "Shares", styles, Styles.Role.HEADER);
        text(header.createCell(2), "% of fully diluted", styles, Styles.Role.HEADER);
        int r = HEADER_ROW + 1;
        for (CapTableView.ClassRow c : table.stockClasses()) {
            r = component(sheet, r, styles, "Shares outstanding: " + c.name(), c.sharesOutstanding(), whole, false);
        }
        r = component(sheet, r, styles, "Options, RSUs and SARs outstanding", totals.grantsOutstanding(), whole, false);
        r = component(sheet, r, styles, "Warrants outstanding", totals.warrantsOutstanding(), whole, false);
        r = component(sheet, r, styles, "Convertibles as converted", totals.convertiblesAsConverted(), whole, false);
        for (CapTableView.PlanRow p : table.stockPlans()) {
            r = component(sheet, r, styles, "Available for grant: " + p.name(), p.sharesAvailable(), whole, false);
        }
        r = component(sheet, r, styles, "Fully diluted", totals.fullyDiluted(), whole, true);

        r++;
        Row plans = sheet.createRow(r++);
        List<String> planHeader = List.of("Stock plan", "Pool in force", "Under outstanding grants",
                "Available for grant");
        for (int c = 0; c < planHeader.size(); c++) {
            text(plans.createCell(c), planHeader.get(c), styles, Styles.Role.HEADER);
        }
        for (CapTableView.PlanRow p : table.stockPlans()) {
            Row line = sheet.createRow(r++);
            text(line.createCell(0), p.name(), styles, Styles.Role.BODY);
            shares(line.createCell(1), p.sharesReserved().value(), styles, false);
            shares(line.createCell(2), p.grantsOutstanding().value(), styles, false);
            shares(line.createCell(3), p.sharesAvailable().value(), styles, false);
        }
        if (table.stockPlans().isEmpty()) {
            text(sheet.createRow(r++).createCell(0), "No stock plan", styles, Styles.Role.NOTE);
        }

        r++;
        Row uncounted = sheet.createRow(r++);
        List<String> uncountedHeader = List.of("Not counted (share count not yet determinable)", "Holder", "Kind",
                "Type", "Investment", "Valuation cap", "Discount");
        for (int c = 0; c < uncountedHeader.size(); c++) {
            text(uncounted.createCell(c), uncountedHeader.get(c), styles, Styles.Role.HEADER);
        }
        for (CapTableView.UncountedRow u : table.notCounted()) {
            Row line = sheet.createRow(r++);
            text(line.createCell(0), u.label(), styles, Styles.Role.BODY);
            text(line.createCell(1), u.holderName(), styles, Styles.Role.BODY);
            text(line.createCell(2), u.kind(), styles, Styles.Role.BODY);
            text(line.createCell(3), u.convertibleType(), styles, Styles.Role.BODY);
            text(line.createCell(4), money(u.investmentAmount()), styles, Styles.Role.BODY);
            text(line.createCell(5), money(u.valuationCap()), styles, Styles.Role.BODY);
            if (u.discount() != null) {
                percent(line.createCell(6), u.discount().movePointRight(2), styles, false);
            }
        }
        if (table.notCounted().isEmpty()) {
            text(sheet.createRow(r).createCell(0), "None", styles, Styles.Role.NOTE);
        }
        widths(sheet, List.of(48, 24, 22, 20, 16, 16, 12));
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    private static int component(Sheet sheet, int r, Styles styles, String label, Quantity shares, BigDecimal whole,
                                 boolean total) {
        Row line = sheet.createRow(r);
        text(line.createCell(0), label, styles, total ? Styles.Role.TOTAL : Styles.Role.BODY);
        shares(line.createCell(1), shares.value(), styles, total);
        percent(line.createCell(2), CapTableGrid.points(shares.value(), whole), styles, total);
        return r + 1;
    }

    private static void title(Sheet sheet, Styles styles, String title, String note) {
        text(sheet.createRow(0).createCell(0), title, styles, Styles.Role.TITLE);
        text(sheet.createRow(1).createCell(0), note, styles, Styles.Role.NOTE);
    }

    // ---------------------------------------------------------------- cells

    private static void text(Cell cell, String value, Styles styles, Styles.Role role) {
        if (value == null) {
            cell.setCellStyle(styles.get(role, Styles.Format.GENERAL, false));
            return;
        }
        cell.setCellValue(value);
        cell.setCellStyle(styles.get(role, Styles.Format.GENERAL, SpreadsheetText.formulaLike(value)));
    }

    private static void shares(Cell cell, BigDecimal value, Styles styles, boolean total) {
        Styles.Role role = total ? Styles.Role.TOTAL : Styles.Role.BODY;
        if (value == null) {
            cell.setCellStyle(styles.get(role, Styles.Format.GENERAL, false));
            return;
        }
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.precision() > EXACT_DIGITS) {
            cell.setCellValue(stripped.toPlainString());
            cell.setCellStyle(styles.get(role, Styles.Format.EXACT_TEXT, false));
            return;
        }
        cell.setCellValue(stripped.doubleValue());
        cell.setCellStyle(styles.get(role, stripped.scale() > 0 ? Styles.Format.SHARES_FRACTION
                : Styles.Format.SHARES, false));
    }

    /** @param points a percentage in points (0 to 100), written as the fraction it stands for */
    private static void percent(Cell cell, BigDecimal points, Styles styles, boolean total) {
        Styles.Role role = total ? Styles.Role.TOTAL : Styles.Role.BODY;
        if (points == null) {
            cell.setCellStyle(styles.get(role, Styles.Format.GENERAL, false));
            return;
        }
        cell.setCellValue(points.movePointLeft(2).doubleValue());
        cell.setCellStyle(styles.get(role, Styles.Format.PERCENT, false));
    }

    private static String money(Money money) {
        return money == null ? null : money.currency() + " " + money.amount().toPlainString();
    }

    private static int length(CapTableGrid.Cell cell) {
        return cell.value() instanceof String s ? s.length() : 0;
    }

    private static void widths(Sheet sheet, List<Integer> characters) {
        for (int c = 0; c < characters.size(); c++) {
            sheet.setColumnWidth(c, Math.min(characters.get(c), 80) * 256);
        }
    }

    private static void landscape(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    // ---------------------------------------------------------------- properties

    private static void properties(XSSFWorkbook workbook, CapTableView table, LocalDate date) {
        Date stamp = Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setCreator("Capledger");
        core.setLastModifiedByUser("Capledger");
        core.setTitle(table.issuerLegalName() + ": cap table as of " + date);
        core.setSubjectProperty("Cap table");
        core.setDescription("Outstanding and fully diluted cap table of " + table.issuerLegalName() + " ("
                + table.issuerId() + ") as of " + date + ", computed from its ledger. " + Percent.ROUNDING);
        core.setCreated(Optional.of(stamp));
        core.setModified(Optional.of(stamp));
        workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("Capledger");
    }

    /** The few cell styles the workbook uses, made once each (a workbook holds at most 64,000). */
    private static final class Styles {

        enum Role { TITLE, NOTE, HEADER, BODY, TOTAL }

        enum Format { GENERAL, SHARES, SHARES_FRACTION, PERCENT, EXACT_TEXT }

        private final XSSFWorkbook workbook;
        private final Map<String, CellStyle> made = new HashMap<>();
        private final Font bold;
        private final Font title;
        private final Font note;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createFont();
            title.setBold(true);
            title.setFontHeightInPoints((short) 14);
            note = workbook.createFont();
            note.setItalic(true);
            note.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        }

        CellStyle get(Role role, Format format, boolean quoted) {
            return made.computeIfAbsent(role + "/" + format + "/" + quoted, key -> make(role, format, quoted));
        }

        private CellStyle make(Role role, Format format, boolean quoted) {
            CellStyle style = workbook.createCellStyle();
            switch (role) {
                case TITLE -> style.setFont(title);
                case NOTE -> style.setFont(note);
                case HEADER -> {
                    style.setFont(bold);
                    style.setWrapText(true);
                    style.setVerticalAlignment(VerticalAlignment.BOTTOM);
                    style.setBorderBottom(BorderStyle.THIN);
                    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                case TOTAL -> {
                    style.setFont(bold);
                    style.setBorderTop(BorderStyle.THIN);
                }
                case BODY -> {
                }
            }
            switch (format) {
                case SHARES -> style.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
                case SHARES_FRACTION -> style.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0#########"));
                case PERCENT -> style.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
                case EXACT_TEXT -> {
                    style.setDataFormat(workbook.createDataFormat().getFormat("@"));
                    style.setAlignment(HorizontalAlignment.RIGHT);
                }
                case GENERAL -> {
                }
            }
            style.setQuotePrefixed(quoted);
            return style;
        }
    }
}
