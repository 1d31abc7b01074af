package org.capledger.query.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.capledger.api.value.Quantity;
import org.capledger.ledger.CapTableView;
import org.capledger.ledger.Percent;

/**
 * The cap table laid out as rows and columns, the one layout the CSV and the workbook's first sheet share: one row per
 * holder (in the cap table's order: most shares outstanding first), one per stock plan's shares available for grant,
 * and a totals row. Per class, the holder's shares and their percentage of the class; then shares outstanding, votes,
 * grants, warrants, convertibles as converted and fully diluted, with percentages.
 */
final class CapTableGrid {

    /** What a cell holds: text, a share count (exact), or a percentage in points (0 to 100, four places). */
    enum Kind { TEXT, SHARES, PERCENT }

    /** One cell; {@code value} is a String for TEXT and a BigDecimal otherwise, or null for an empty cell. */
    record Cell(Kind kind, Object value) {

        static Cell text(String text) {
            return new Cell(Kind.TEXT, text);
        }

        static Cell shares(Quantity quantity) {
            return new Cell(Kind.SHARES, quantity == null ? null : quantity.value());
        }

        static Cell percent(Percent percent) {
            return new Cell(Kind.PERCENT, percent == null ? null : percent.value());
        }

        static Cell percent(BigDecimal points) {
            return new Cell(Kind.PERCENT, points);
        }

        static final Cell EMPTY = new Cell(Kind.TEXT, null);
    }

    /** What a row is. */
    enum RowType { HOLDER, PLAN_POOL, TOTAL }

    record Row(RowType type, List<Cell> cells) {
    }

    final List<String> header;
    final List<Row> rows;

    private CapTableGrid(List<String> header, List<Row> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    static CapTableGrid of(CapTableView table) {
        List<String> header = new ArrayList<>(List.of("Holder", "Stakeholder ID"));
        for (CapTableView.ClassRow c : table.stockClasses()) {
            header.add(c.name() + " shares");
            header.add(c.name() + " % of class");
        }
        header.addAll(List.of("Shares outstanding", "% of outstanding", "Votes", "% of votes",
                "Options, RSUs and SARs", "Warrants", "Convertibles as converted", "Fully diluted",
                "% fully diluted"));
        List<Row> rows = new ArrayList<>();
        for (CapTableView.HolderRow h : table.holders()) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(h.name()), Cell.text(h.stakeholderId().value())));
            for (CapTableView.ClassRow c : table.stockClasses()) {
                CapTableView.PositionRow position = h.positions().stream()
                        .filter(p -> p.stockClassId().equals(c.stockClassId())).findFirst().orElse(null);
                cells.add(position == null ? Cell.EMPTY : Cell.shares(position.shares()));
                cells.add(position == null ? Cell.EMPTY : Cell.percent(position.percentOfClass()));
            }
            cells.addAll(List.of(Cell.shares(h.sharesOutstanding()), Cell.percent(h.percentOfOutstanding()),
                    Cell.shares(h.votes()), Cell.percent(h.percentOfVotes()), Cell.shares(h.grantsOutstanding()),
                    Cell.shares(h.warrantsOutstanding()), Cell.shares(h.convertiblesAsConverted()),
                    Cell.shares(h.fullyDiluted()), Cell.percent(h.percentFullyDiluted())));
            rows.add(new Row(RowType.HOLDER, cells));
        }
        CapTableView.Totals totals = table.totals();
        for (CapTableView.PlanRow p : table.stockPlans()) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(p.name() + " (available for grant)"), Cell.EMPTY));
            for (int i = 0; i < table.stockClasses().size() * 2 + 7; i++) {
                cells.add(Cell.EMPTY);
            }
            cells.add(Cell.shares(p.sharesAvailable()));
            cells.add(Cell.percent(points(p.sharesAvailable().value(), totals.fullyDiluted().value())));
            rows.add(new Row(RowType.PLAN_POOL, cells));
        }
        List<Cell> cells = new ArrayList<>(List.of(Cell.text("Total"), Cell.EMPTY));
        for (CapTableView.ClassRow c : table.stockClasses()) {
            cells.add(Cell.shares(c.sharesOutstanding()));
            cells.add(Cell.percent(points(c.sharesOutstanding().value(), c.sharesOutstanding().value())));
        }
        cells.addAll(List.of(Cell.shares(totals.sharesOutstanding()),
                Cell.percent(points(totals.sharesOutstanding().value(), totals.sharesOutstanding().value())),
                Cell.shares(totals.votes()), Cell.percent(points(totals.votes().value(), totals.votes().value())),
                Cell.shares(totals.grantsOutstanding()), Cell.shares(totals.warrantsOutstanding()),
                Cell.shares(totals.convertiblesAsConverted()), Cell.shares(totals.fullyDiluted()),
                Cell.percent(points(totals.fullyDiluted().value(), totals.fullyDiluted().value()))));
        rows.add(new Row(RowType.TOTAL, cells));
        return new CapTableGrid(header, rows);
    }

    /**
     * {@code part / whole × 100} rounded half-even to {@value Percent#SCALE} places, zero for a zero whole: the
     * cap table's own rounding ({@link Percent}), for the rows the cap table has no percentage for.
     */
    static BigDecimal points(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(Percent.SCALE);
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, Percent.SCALE, RoundingMode.HALF_EVEN);
    }
}
