package org.capledger.ledger;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.value.StockClassType;

/**
 * An issuer's cap table: outstanding shares per stock class and per holder, with ownership and voting
 * percentages, and the fully diluted view: outstanding shares, plus shares under outstanding grants (options, RSUs,
 * stock-settled SARs), plus shares still available for grant in the plans' pools. The same shape whether computed
 * from today's read model or replayed as of a past date.
 *
 * @param asOf                   the effective date the figures hold for; {@code null} for "everything recorded"
 * @param issuerSharesAuthorized issuer-wide authorized shares, {@code null} when there is no issuer-wide limit
 * @param rounding               how percentages are rounded
 */
public record CapTableView(IssuerId issuerId,
                           String issuerLegalName,
                           LocalDate asOf,
                           Quantity issuerSharesAuthorized,
                           List<ClassRow> stockClasses,
                           List<HolderRow> holders,
                           List<PlanRow> stockPlans,
                           List<UncountedRow> notCounted,
                           Totals totals,
                           String rounding) {

    /**
     * The same table with only one holder's row: what a shareholder may see (class figures and totals, but no
     * other holder's name or position).
     */
    public CapTableView onlyHolder(String stakeholderId) {
        return new CapTableView(issuerId, issuerLegalName, asOf, issuerSharesAuthorized, stockClasses,
                holders.stream().filter(h -> h.stakeholderId().value().equals(stakeholderId)).toList(), stockPlans,
                notCounted.stream().filter(u -> u.stakeholderId().value().equals(stakeholderId)).toList(), totals,
                rounding);
    }

    /** One stock class: authorized and outstanding shares, its share of all outstanding shares and votes. */
    public record ClassRow(StockClassId stockClassId,
                           String name,
                           StockClassType classType,
                           Quantity votesPerShare,
                           Quantity sharesAuthorized,
                           Quantity sharesOutstanding,
                           Percent percentOfOutstanding,
                           Quantity votes,
                           Percent percentOfVotes) {
    }

    /**
     * One holder with outstanding shares or outstanding grants, across all classes.
     *
     * @param grantsOutstanding       shares under the holder's outstanding options, RSUs and stock-settled SARs
     * @param warrantsOutstanding     shares under the holder's outstanding warrants with a set quantity
     * @param convertiblesAsConverted shares the holder's convertibles with a fixed conversion price convert into
     * @param fullyDiluted            {@code sharesOutstanding + grantsOutstanding + warrantsOutstanding +
     *                                convertiblesAsConverted}
     * @param percentFullyDiluted  of the issuer's fully diluted total
     */
    public record HolderRow(StakeholderId stakeholderId,
                            String name,
                            List<PositionRow> positions,
                            Quantity sharesOutstanding,
                            Percent percentOfOutstanding,
                            Quantity votes,
                            Percent percentOfVotes,
                            Quantity grantsOutstanding,
                            Quantity warrantsOutstanding,
                            Quantity convertiblesAsConverted,
                            Quantity fullyDiluted,
                            Percent percentFullyDiluted) {
    }

    /**
     * A warrant or convertible whose share count cannot be determined yet (a warrant without a quantity, a SAFE or
     * note without a fixed conversion price): listed, not counted in the fully diluted total.
     *
     * @param kind WARRANT or CONVERTIBLE; {@code convertibleType}, {@code investmentAmount}, {@code valuationCap} and
     *             {@code discount} for convertibles
     */
    public record UncountedRow(String securityId, String label, StakeholderId stakeholderId, String holderName,
                               String kind, String convertibleType, Money investmentAmount, Money valuationCap,
                               java.math.BigDecimal discount) {
    }

    /**
     * One stock plan's pool.
     *
     * @param sharesReserved    the pool in force
     * @param grantsOutstanding shares under its outstanding grants
     * @param sharesAvailable   still available for grant: the pool less outstanding grants and shares exercised,
     *                          released, retired or held since; counted in the fully diluted total
     */
    public record PlanRow(StockPlanId stockPlanId, String name, Quantity sharesReserved, Quantity grantsOutstanding,
                          Quantity sharesAvailable) {
    }

    /** A holder's outstanding shares of one class and their share of that class. */
    public record PositionRow(StockClassId stockClassId, String stockClassName, Quantity shares,
                              Percent percentOfClass) {
    }

    /**
     * Outstanding shares and votes over all classes, and the fully diluted total: {@code sharesOutstanding +
     * grantsOutstanding + warrantsOutstanding + convertiblesAsConverted + sharesAvailableForGrant}.
     */
    public record Totals(Quantity sharesOutstanding, Quantity votes, Quantity grantsOutstanding,
                         Quantity warrantsOutstanding, Quantity convertiblesAsConverted,
                         Quantity sharesAvailableForGrant, Quantity fullyDiluted) {
    }
}
