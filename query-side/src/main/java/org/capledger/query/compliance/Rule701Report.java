package org.capledger.query.compliance;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Money;

/**
 * Rule 701 sales against the limits of 17 CFR 230.701(d) and the disclosure threshold of (e), with the working.
 *
 * @param asOf                          the date examined
 * @param totalAssets                   total assets used for (d)(3)(ii), USD
 * @param balanceSheetDate              the balance sheet date they and the outstanding amounts are measured at
 * @param asOfWindow                    the 12 months ending on {@code asOf}
 * @param peakWindow                    of the windows ending on an issuance date up to {@code asOf} (and the
 *                                      as-of window), the one with the highest aggregate sales price (the earliest
 *                                      on a tie)
 * @param windowsExceedingLimits        end dates of the windows ending on an issuance date (or {@code asOf}) whose
 *                                      sales exceed the greatest limit, in date order; empty when none
 * @param windowsRequiringDisclosure    end dates of those windows whose aggregate sales price exceeds $10,000,000
 * @param withinLimitsInEveryWindow     {@code windowsExceedingLimits} is empty
 * @param enhancedDisclosureEverRequired {@code windowsRequiringDisclosure} is not empty
 * @param working                       every step of the calculation, in order, with its source
 */
public record Rule701Report(LocalDate asOf,
                            Money totalAssets,
                            LocalDate balanceSheetDate,
                            Rule701Window asOfWindow,
                            Rule701Window peakWindow,
                            List<LocalDate> windowsExceedingLimits,
                            List<LocalDate> windowsRequiringDisclosure,
                            boolean withinLimitsInEveryWindow,
                            boolean enhancedDisclosureEverRequired,
                            List<Step> working) {

    public Rule701Report {
        windowsExceedingLimits = windowsExceedingLimits == null ? List.of() : List.copyOf(windowsExceedingLimits);
        windowsRequiringDisclosure = windowsRequiringDisclosure == null ? List.of()
                : List.copyOf(windowsRequiringDisclosure);
        working = working == null ? List.of() : List.copyOf(working);
    }
}
