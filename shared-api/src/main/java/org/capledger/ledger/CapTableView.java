package org.capledger.ledger;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/**
 * An issuer's cap table: outstanding shares per stock class and per holder, with ownership and voting
 * percentages. The same shape whether computed from today's read model or replayed as of a past date.
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
                           Totals totals,
                           String rounding) {

    /**
     * The same table with only one holder's row: what a shareholder may see (class figures and totals, but no
     * other holder's name or position).
     */
    public CapTableView onlyHolder(String stakeholderId) {
        return new CapTableView(issuerId, issuerLegalName, asOf, issuerSharesAuthorized, stockClasses,
                holders.stream().filter(h -> h.stakeholderId().value().equals(stakeholderId)).toList(), totals,
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

    /** One holder with outstanding shares, across all classes. */
    public record HolderRow(StakeholderId stakeholderId,
                            String name,
                            List<PositionRow> positions,
                            Quantity sharesOutstanding,
                            Percent percentOfOutstanding,
                            Quantity votes,
                            Percent percentOfVotes) {
    }

    /** A holder's outstanding shares of one class and their share of that class. */
    public record PositionRow(StockClassId stockClassId, String stockClassName, Quantity shares,
                              Percent percentOfClass) {
    }

    /** Outstanding shares and votes over all classes. */
    public record Totals(Quantity sharesOutstanding, Quantity votes) {
    }
}
