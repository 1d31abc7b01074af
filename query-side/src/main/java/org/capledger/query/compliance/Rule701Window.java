package org.capledger.query.compliance;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Money;

/**
 * The Rule 701 figures of one 12-month window.
 *
 * @param from                       first day, inclusive: the day after the same date twelve months earlier
 * @param to                         last day, inclusive
 * @param issuances                  the sales counted, in date order
 * @param aggregateSalesPrice        their aggregate sales price in USD
 * @param classes                    amount sold per class against 15% of the class, for the classes sold
 * @param limits                     the three limits, in the rule's order
 * @param greatestLimit              the greatest of the three for this window's sales: the one they use the least
 *                                   of (see {@link Rule701})
 * @param withinLimits               the sales do not exceed the greatest limit (they satisfy at least one)
 * @param enhancedDisclosureRequired the aggregate sales price exceeds $10,000,000, so 230.701(e) disclosure is
 *                                   due a reasonable time before the date of sale
 */
public record Rule701Window(LocalDate from,
                            LocalDate to,
                            List<Rule701IssuanceLine> issuances,
                            Money aggregateSalesPrice,
                            List<Rule701ClassAmount> classes,
                            List<Rule701LimitCheck> limits,
                            Rule701Limit greatestLimit,
                            boolean withinLimits,
                            boolean enhancedDisclosureRequired) {

    public Rule701Window {
        issuances = issuances == null ? List.of() : List.copyOf(issuances);
        classes = classes == null ? List.of() : List.copyOf(classes);
        limits = limits == null ? List.of() : List.copyOf(limits);
    }
}
