package org.capledger.query.compliance;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;

/**
 * The outstanding amount of a class of securities, for Rule 701(d)(3)(iii).
 *
 * @param stockClassId the class
 * @param name         its name, for the report
 * @param outstanding  the securities of the class outstanding at the issuer's most recent balance sheet date,
 *                     counting as outstanding the securities underlying currently exercisable or convertible
 *                     options, warrants, rights or other securities other than those issued under Rule 701
 *                     (17 CFR 230.701(d)(4)(iii))
 */
public record ClassOutstanding(StockClassId stockClassId, String name, Quantity outstanding) {
}
