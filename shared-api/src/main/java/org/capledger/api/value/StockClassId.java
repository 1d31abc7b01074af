package org.capledger.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a stock class; its JSON form is the plain string. */
public record StockClassId(String value) {

    public StockClassId {
        Identifiers.requireValid(value, "stockClassId");
    }

    @JsonCreator
    public static StockClassId of(String value) {
        return new StockClassId(value);
    }

    public static StockClassId random() {
        return new StockClassId(Identifiers.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
