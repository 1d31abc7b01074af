package org.capledger.query.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.ledger.GrantRecord;
import org.capledger.ledger.InstrumentRecord;
import org.capledger.ledger.Ledger;
import org.capledger.ledger.StockClassRecord;
import org.capledger.ledger.StockSecurity;

/**
 * Everything one stakeholder holds or held by a date, as the ledger replayed to that date knows it: stock
 * certificates, grants with their vested and unvested shares on the date, warrants and convertibles, each with its
 * status then, and totals of what is outstanding.
 */
public record HoldingsResponse(String stakeholderId, String name, LocalDate asOf, List<StockHolding> stock,
                               List<GrantHolding> grants, List<InstrumentHolding> warrants,
                               List<InstrumentHolding> convertibles, Totals totals) {

    /** A stock certificate. */
    public record StockHolding(String securityId, String label, String stockClassId, String stockClassName,
                               Quantity quantity, String status, String origin, LocalDate issueDate,
                               LocalDate acceptedOn, LocalDate extinguishedOn) {
    }

    /** An option, RSU or SAR with its vesting on the date. */
    public record GrantHolding(String securityId, String label, String compensationType, String stockPlanId,
                               String stockClassId, Quantity quantity, Money exercisePrice, LocalDate expirationDate,
                               Quantity vested, Quantity unvested, String status, LocalDate issueDate,
                               LocalDate extinguishedOn) {
    }

    /** A warrant or convertible. */
    public record InstrumentHolding(String securityId, String label, String stockClassId, Quantity quantity,
                                    Money exercisePrice, LocalDate expirationDate, String convertibleType,
                                    Money investmentAmount, Quantity sharesAsConverted, String status,
                                    LocalDate issueDate, LocalDate extinguishedOn) {
    }

    /**
     * @param sharesOutstanding      stock outstanding on the date
     * @param grantsOutstanding      shares under outstanding grants
     * @param grantsVested           of those, vested on the date
     * @param warrantsOutstanding    shares under outstanding warrants with a quantity
     */
    public record Totals(Quantity sharesOutstanding, Quantity grantsOutstanding, Quantity grantsVested,
                         Quantity warrantsOutstanding) {
    }

    static HoldingsResponse of(Ledger ledger, StakeholderId holder, String name, LocalDate asOf) {
        BigDecimal shares = BigDecimal.ZERO;
        BigDecimal granted = BigDecimal.ZERO;
        BigDecimal vested = BigDecimal.ZERO;
        BigDecimal warranted = BigDecimal.ZERO;
        List<StockHolding> stock = new java.util.ArrayList<>();
        for (StockSecurity s : ledger.securities()) {
            if (!s.stakeholderId().equals(holder)) {
                continue;
            }
            String className = ledger.stockClasses().stream().filter(c -> c.stockClassId().equals(s.stockClassId()))
                    .map(StockClassRecord::name).findFirst().orElse(null);
            stock.add(new StockHolding(s.securityId().value(), s.label(), s.stockClassId().value(), className,
                    s.quantity(), s.status().name(), s.origin(), s.issueDate(), s.acceptedOn(), s.extinguishedOn()));
            if (s.isOutstanding()) {
                shares = shares.add(s.quantity().value());
            }
        }
        List<GrantHolding> grants = new java.util.ArrayList<>();
        for (GrantRecord g : ledger.grants()) {
            if (!g.stakeholderId().equals(holder)) {
                continue;
            }
            Quantity v = g.isOutstanding() ? g.vested(asOf) : null;
            grants.add(new GrantHolding(g.securityId().value(), g.label(), g.compensationType().name(),
                    g.stockPlanId() == null ? null : g.stockPlanId().value(), g.stockClassId().value(), g.quantity(),
                    g.exercisePrice(), g.expirationDate(), v, g.isOutstanding() ? g.unvested(asOf) : null, g.status(),
                    g.issueDate(), g.extinguishedOn()));
            if (g.isOutstanding()) {
                granted = granted.add(g.quantity().value());
                vested = vested.add(v.value());
            }
        }
        List<InstrumentHolding> warrants = new java.util.ArrayList<>();
        List<InstrumentHolding> convertibles = new java.util.ArrayList<>();
        for (InstrumentRecord x : ledger.instruments()) {
            if (!x.stakeholderId().equals(holder)) {
                continue;
            }
            InstrumentHolding h = new InstrumentHolding(x.securityId().value(), x.label(),
                    x.stockClassId() == null ? null : x.stockClassId().value(), x.quantity(), x.exercisePrice(),
                    x.expirationDate(), x.convertibleType() == null ? null : x.convertibleType().name(),
                    x.investmentAmount(), x.isOutstanding() ? x.sharesAsConverted(asOf) : null, x.status(),
                    x.issueDate(), x.extinguishedOn());
            if (InstrumentRecord.WARRANT.equals(x.kind())) {
                warrants.add(h);
                if (x.isOutstanding() && x.quantity() != null) {
                    warranted = warranted.add(x.quantity().value());
                }
            } else {
                convertibles.add(h);
            }
        }
        return new HoldingsResponse(holder.value(), name, asOf, stock, grants, warrants, convertibles,
                new Totals(new Quantity(shares), new Quantity(granted), new Quantity(vested),
                        new Quantity(warranted)));
    }
}
