package org.capledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/**
 * Turns raw figures (classes with their counts, holders' positions) into a {@link CapTableView}. Both the
 * read-model query and the as-of replay go through here, so their percentages, ordering and rounding agree.
 */
public final class CapTableCalculator {

    /** A class's terms and counts. */
    public record ClassFigures(StockClassId stockClassId, String name, StockClassType classType,
                               Quantity votesPerShare, Quantity sharesAuthorized, Quantity sharesOutstanding) {
    }

    /** Outstanding shares one holder has of one class (the sum of its outstanding securities). */
    public record HolderPosition(StakeholderId stakeholderId, String holderName, StockClassId stockClassId,
                                 Quantity shares) {
    }

    private CapTableCalculator() {
    }

    /**
     * Classes are ordered by name; holders by outstanding shares (largest first), then name; positions by class
     * name. Holders with no outstanding shares are left out.
     */
    public static CapTableView compute(IssuerId issuerId, String issuerLegalName, LocalDate asOf,
                                       Quantity issuerSharesAuthorized, List<ClassFigures> classes,
                                       List<HolderPosition> positions) {
        Map<StockClassId, ClassFigures> byId = new LinkedHashMap<>();
        classes.stream().sorted(Comparator.comparing(ClassFigures::name).thenComparing(c -> c.stockClassId().value()))
                .forEach(c -> byId.put(c.stockClassId(), c));

        BigDecimal totalShares = BigDecimal.ZERO;
        BigDecimal totalVotes = BigDecimal.ZERO;
        for (ClassFigures c : byId.values()) {
            totalShares = totalShares.add(c.sharesOutstanding().value());
            totalVotes = totalVotes.add(c.sharesOutstanding().value().multiply(c.votesPerShare().value()));
        }

        List<CapTableView.ClassRow> classRows = new ArrayList<>();
        for (ClassFigures c : byId.values()) {
            BigDecimal votes = c.sharesOutstanding().value().multiply(c.votesPerShare().value());
            classRows.add(new CapTableView.ClassRow(c.stockClassId(), c.name(), c.classType(), c.votesPerShare(),
                    c.sharesAuthorized(), c.sharesOutstanding(), Percent.of(c.sharesOutstanding().value(), totalShares),
                    new Quantity(votes), Percent.of(votes, totalVotes)));
        }

        Map<StakeholderId, List<HolderPosition>> byHolder = new LinkedHashMap<>();
        for (HolderPosition p : positions) {
            if (p.shares().isPositive()) {
                byHolder.computeIfAbsent(p.stakeholderId(), k -> new ArrayList<>()).add(p);
            }
        }
        List<CapTableView.HolderRow> holderRows = new ArrayList<>();
        for (List<HolderPosition> holderPositions : byHolder.values()) {
            BigDecimal shares = BigDecimal.ZERO;
            BigDecimal votes = BigDecimal.ZERO;
            List<CapTableView.PositionRow> rows = new ArrayList<>();
            for (HolderPosition p : holderPositions) {
                ClassFigures c = byId.get(p.stockClassId());
                shares = shares.add(p.shares().value());
                votes = votes.add(p.shares().value().multiply(c.votesPerShare().value()));
                rows.add(new CapTableView.PositionRow(c.stockClassId(), c.name(), p.shares(),
                        Percent.of(p.shares().value(), c.sharesOutstanding().value())));
            }
            rows.sort(Comparator.comparing(CapTableView.PositionRow::stockClassName)
                    .thenComparing(r -> r.stockClassId().value()));
            HolderPosition first = holderPositions.get(0);
            holderRows.add(new CapTableView.HolderRow(first.stakeholderId(), first.holderName(), List.copyOf(rows),
                    new Quantity(shares), Percent.of(shares, totalShares), new Quantity(votes),
                    Percent.of(votes, totalVotes)));
        }
        holderRows.sort(Comparator.comparing((CapTableView.HolderRow h) -> h.sharesOutstanding().value()).reversed()
                .thenComparing(CapTableView.HolderRow::name)
                .thenComparing(h -> h.stakeholderId().value()));

        return new CapTableView(issuerId, issuerLegalName, asOf, issuerSharesAuthorized, List.copyOf(classRows),
                List.copyOf(holderRows), new CapTableView.Totals(new Quantity(totalShares), new Quantity(totalVotes)),
                Percent.ROUNDING);
    }
}
