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
import org.capledger.api.value.StockPlanId;
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

    /** What dilutes: shares under grants, warrants, or convertibles as converted. */
    public enum Dilution { GRANT, WARRANT, CONVERTIBLE }

    /** Shares one holder's outstanding grants, warrants or convertibles count for in the fully diluted total. */
    public record DilutivePosition(StakeholderId stakeholderId, String holderName, Dilution kind, Quantity shares) {
    }

    /** One plan's pool: in force, under outstanding grants, and still available. */
    public record PlanFigures(StockPlanId stockPlanId, String name, Quantity sharesReserved,
                              Quantity grantsOutstanding, Quantity sharesAvailable) {
    }

    private CapTableCalculator() {
    }

    /** The cap table without grants or plans. */
    public static CapTableView compute(IssuerId issuerId, String issuerLegalName, LocalDate asOf,
                                       Quantity issuerSharesAuthorized, List<ClassFigures> classes,
                                       List<HolderPosition> positions) {
        return compute(issuerId, issuerLegalName, asOf, issuerSharesAuthorized, classes, positions, List.of(),
                List.of(), List.of());
    }

    /**
     * Classes are ordered by name; holders by outstanding shares (largest first), then name; positions by class
     * name. Holders with neither outstanding shares nor outstanding grants are left out; plans are ordered by
     * name.
     */
    public static CapTableView compute(IssuerId issuerId, String issuerLegalName, LocalDate asOf,
                                       Quantity issuerSharesAuthorized, List<ClassFigures> classes,
                                       List<HolderPosition> positions, List<DilutivePosition> dilutive,
                                       List<PlanFigures> plans, List<CapTableView.UncountedRow> notCounted) {
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
        Map<StakeholderId, String> names = new LinkedHashMap<>();
        for (HolderPosition p : positions) {
            if (p.shares().isPositive()) {
                byHolder.computeIfAbsent(p.stakeholderId(), k -> new ArrayList<>()).add(p);
                names.put(p.stakeholderId(), p.holderName());
            }
        }
        Map<Dilution, Map<StakeholderId, BigDecimal>> diluting = new java.util.EnumMap<>(Dilution.class);
        Map<Dilution, BigDecimal> dilutionTotals = new java.util.EnumMap<>(Dilution.class);
        for (Dilution d : Dilution.values()) {
            diluting.put(d, new LinkedHashMap<>());
            dilutionTotals.put(d, BigDecimal.ZERO);
        }
        for (DilutivePosition g : dilutive) {
            if (g.shares().isPositive()) {
                diluting.get(g.kind()).merge(g.stakeholderId(), g.shares().value(), BigDecimal::add);
                names.putIfAbsent(g.stakeholderId(), g.holderName());
                byHolder.computeIfAbsent(g.stakeholderId(), k -> new ArrayList<>());
                dilutionTotals.merge(g.kind(), g.shares().value(), BigDecimal::add);
            }
        }
        BigDecimal totalGranted = dilutionTotals.get(Dilution.GRANT);
        BigDecimal totalWarrants = dilutionTotals.get(Dilution.WARRANT);
        BigDecimal totalConvertibles = dilutionTotals.get(Dilution.CONVERTIBLE);
        List<CapTableView.PlanRow> planRows = new ArrayList<>();
        BigDecimal totalAvailable = BigDecimal.ZERO;
        for (PlanFigures p : plans.stream().sorted(Comparator.comparing(PlanFigures::name)).toList()) {
            planRows.add(new CapTableView.PlanRow(p.stockPlanId(), p.name(), p.sharesReserved(), p.grantsOutstanding(),
                    p.sharesAvailable()));
            totalAvailable = totalAvailable.add(p.sharesAvailable().value());
        }
        BigDecimal totalFullyDiluted = totalShares.add(totalGranted).add(totalWarrants).add(totalConvertibles)
                .add(totalAvailable);
        List<CapTableView.HolderRow> holderRows = new ArrayList<>();
        for (Map.Entry<StakeholderId, List<HolderPosition>> entry : byHolder.entrySet()) {
            List<HolderPosition> holderPositions = entry.getValue();
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
            BigDecimal grantShares = diluting.get(Dilution.GRANT).getOrDefault(entry.getKey(), BigDecimal.ZERO);
            BigDecimal warrantShares = diluting.get(Dilution.WARRANT).getOrDefault(entry.getKey(), BigDecimal.ZERO);
            BigDecimal convertibleShares = diluting.get(Dilution.CONVERTIBLE).getOrDefault(entry.getKey(),
                    BigDecimal.ZERO);
            BigDecimal fullyDiluted = shares.add(grantShares).add(warrantShares).add(convertibleShares);
            holderRows.add(new CapTableView.HolderRow(entry.getKey(), names.get(entry.getKey()), List.copyOf(rows),
                    new Quantity(shares), Percent.of(shares, totalShares), new Quantity(votes),
                    Percent.of(votes, totalVotes), new Quantity(grantShares), new Quantity(warrantShares),
                    new Quantity(convertibleShares), new Quantity(fullyDiluted),
                    Percent.of(fullyDiluted, totalFullyDiluted)));
        }
        holderRows.sort(Comparator.comparing((CapTableView.HolderRow h) -> h.sharesOutstanding().value()).reversed()
                .thenComparing(Comparator.comparing((CapTableView.HolderRow h) -> h.fullyDiluted().value()).reversed())
                .thenComparing(CapTableView.HolderRow::name)
                .thenComparing(h -> h.stakeholderId().value()));

        return new CapTableView(issuerId, issuerLegalName, asOf, issuerSharesAuthorized, List.copyOf(classRows),
                List.copyOf(holderRows), List.copyOf(planRows), List.copyOf(notCounted),
                new CapTableView.Totals(new Quantity(totalShares), new Quantity(totalVotes), new Quantity(totalGranted),
                        new Quantity(totalWarrants), new Quantity(totalConvertibles), new Quantity(totalAvailable),
                        new Quantity(totalFullyDiluted)), Percent.ROUNDING);
    }
}
