package org.capledger.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a stock plan; its JSON form is the plain string. */
public record StockPlanId(String value) {

    public StockPlanId {
        Identifiers.requireValid(value, "stockPlanId");
    }

    @JsonCreator
    public static StockPlanId of(String value) {
        return new StockPlanId(value);
    }

    public static StockPlanId random() {
        return new StockPlanId(Identifiers.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
