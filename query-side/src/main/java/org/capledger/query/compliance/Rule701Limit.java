package org.capledger.query.compliance;

/** The three limits of 17 CFR 230.701(d)(3); sales in any 12 months must not exceed the greatest of them. */
public enum Rule701Limit {
    /** (d)(3)(i): $1,000,000 of aggregate sales price. */
    ONE_MILLION_DOLLARS,
    /** (d)(3)(ii): 15% of total assets at the most recent balance sheet date, in aggregate sales price. */
    FIFTEEN_PERCENT_OF_TOTAL_ASSETS,
    /** (d)(3)(iii): 15% of the outstanding amount of the class, in securities, class by class. */
    FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS
}
