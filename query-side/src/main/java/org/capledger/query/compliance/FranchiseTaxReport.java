package org.capledger.query.compliance;

import java.util.List;

import org.capledger.api.value.Money;

/**
 * The Delaware franchise tax for a tax year, both methods shown, the lesser chosen, with the working.
 *
 * @param taxYear                         the calendar year taxed
 * @param daysInYear                      365, or 366 in a leap year (the proration's denominator)
 * @param assumedPar                      gross assets ÷ issued shares to six decimal places, in USD per share,
 *                                        or {@code null} when it cannot be computed (no issued shares)
 * @param periods                         the stretches of the year with constant authorized shares, in date order;
 *                                        days before any class had authorized shares belong to none
 * @param authorizedSharesMethodTax       the authorized shares method's tax for the year (prorated)
 * @param assumedParValueCapitalMethodTax the assumed par value capital method's tax for the year (prorated), or
 *                                        {@code null} when it cannot be computed
 * @param chosenMethod                    the method giving the lesser tax (the authorized shares method on a tie
 *                                        or when the other cannot be computed)
 * @param franchiseTax                    the tax due: the chosen method's tax
 * @param annualReportFee                 the annual report filing fee, $50
 * @param totalDue                        franchise tax plus filing fee
 * @param working                         every step of the calculation, in order, with its source
 */
public record FranchiseTaxReport(int taxYear,
                                 int daysInYear,
                                 Money assumedPar,
                                 List<FranchiseTaxPeriod> periods,
                                 Money authorizedSharesMethodTax,
                                 Money assumedParValueCapitalMethodTax,
                                 FranchiseTaxMethod chosenMethod,
                                 Money franchiseTax,
                                 Money annualReportFee,
                                 Money totalDue,
                                 List<Step> working) {

    public FranchiseTaxReport {
        periods = periods == null ? List.of() : List.copyOf(periods);
        working = working == null ? List.of() : List.copyOf(working);
    }
}
