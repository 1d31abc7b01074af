package org.capledger.query.compliance;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;

/**
 * A stretch of the tax year over which no class's authorized shares changed, with both methods' tax for it.
 * Without changes during the year there is one period, the whole year.
 *
 * @param from                             first day, inclusive
 * @param to                               last day, inclusive
 * @param days                             days in the period
 * @param totalAuthorizedShares            authorized shares of all classes in the period
 * @param authorizedSharesTax              the authorized shares method's tax for a full year with this structure,
 *                                         after the minimum and maximum
 * @param authorizedSharesShare            that tax × days ÷ days in the year, to the cent
 * @param classes                          the assumed par value capital method's lines, one per class authorized
 *                                         in the period; empty when that method cannot be computed
 * @param assumedParValueCapital           the sum of the par classes' capital, or {@code null} when the method
 *                                         cannot be computed
 * @param assumedNoParCapital              the sum of the no-par classes' capital ($100 a share), zero without
 *                                         no-par shares
 * @param assumedParValueCapitalTax        that method's tax for a full year with this structure, after the
 *                                         minimum and maximum, or {@code null} when it cannot be computed
 * @param assumedParValueCapitalShare      that tax × days ÷ days in the year, to the cent, or {@code null}
 */
public record FranchiseTaxPeriod(LocalDate from,
                                 LocalDate to,
                                 int days,
                                 Quantity totalAuthorizedShares,
                                 Money authorizedSharesTax,
                                 Money authorizedSharesShare,
                                 List<ClassCapital> classes,
                                 Money assumedParValueCapital,
                                 Money assumedNoParCapital,
                                 Money assumedParValueCapitalTax,
                                 Money assumedParValueCapitalShare) {

    public FranchiseTaxPeriod {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }
}
