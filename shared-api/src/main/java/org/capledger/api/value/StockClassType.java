package org.capledger.api.value;

/** OCF 1.2 {@code enums/StockClassType}. */
public enum StockClassType {
    COMMON,
    PREFERRED
}
