package org.capledger.api.convertible;

/** Whether a SAFE's valuation cap is pre-money or post-money (OCF 1.2 {@code enums/ConversionTimingType}). */
public enum ConversionTiming {
    PRE_MONEY, POST_MONEY
}
