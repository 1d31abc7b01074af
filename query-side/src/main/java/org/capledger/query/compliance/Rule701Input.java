package org.capledger.query.compliance;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Money;

/**
 * What {@link Rule701} needs.
 *
 * @param asOf             the last day of the 12-month window examined (inclusive); issuances after it are ignored
 * @param issuances        the sales made in reliance on Rule 701, in any order, at least those of the 12 months
 *                         before {@code asOf}; earlier ones give the peak over earlier windows
 * @param totalAssets      the issuer's total assets in USD at its most recent balance sheet date (or its parent's,
 *                         as (d)(3)(ii) allows); not in the ledger, so a parameter of the request
 * @param balanceSheetDate the date of that balance sheet, on or before {@code asOf}
 * @param outstanding      the outstanding amount of each class sold in reliance on the rule, measured at that
 *                         balance sheet date; one entry per class
 */
public record Rule701Input(LocalDate asOf,
                           List<CompensatoryIssuance> issuances,
                           Money totalAssets,
                           LocalDate balanceSheetDate,
                           List<ClassOutstanding> outstanding) {

    public Rule701Input {
        issuances = issuances == null ? List.of() : List.copyOf(issuances);
        outstanding = outstanding == null ? List.of() : List.copyOf(outstanding);
    }
}
