package org.capledger.query.compliance;

import java.util.List;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;

/**
 * What {@link DelawareFranchiseTax} needs for a domestic Delaware corporation's annual franchise tax.
 *
 * @param taxYear             the calendar year taxed (the report is due 1 March of the next year); 2018 or later,
 *                            the rates implemented being those in force since tax year 2018
 * @param stockClasses        every stock class the certificate of incorporation has authorized at any time up to
 *                            the end of the tax year, with par and no-par classes alike; at least one
 * @param issuedShares        total issued shares of all classes at the end of the tax year, treasury shares
 *                            included (the Division's instructions ask for "all issued shares (including treasury
 *                            shares)")
 * @param grossAssets         total gross assets in USD: the "total assets" of U.S. Form 1120, Schedule L, for the
 *                            fiscal year ending in the tax year; not in the ledger, so a parameter of the request
 * @param largeCorporateFiler whether the Secretary of State has identified the corporation as a Large Corporate
 *                            Filer (a listed corporation with consolidated revenues or assets of $750 million or
 *                            more), which raises the maximum tax from $200,000 to $250,000
 */
public record FranchiseTaxInput(int taxYear,
                                List<FranchiseTaxStockClass> stockClasses,
                                Quantity issuedShares,
                                Money grossAssets,
                                boolean largeCorporateFiler) {

    public FranchiseTaxInput {
        stockClasses = stockClasses == null ? List.of() : List.copyOf(stockClasses);
    }
}
