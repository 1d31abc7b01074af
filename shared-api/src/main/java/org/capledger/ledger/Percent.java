package org.capledger.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A percentage, {@code part / whole * 100} rounded {@link RoundingMode#HALF_EVEN} to {@value #SCALE} decimal
 * places; zero when the whole is zero. JSON form: a string such as {@code "33.3333"}.
 */
public record Percent(BigDecimal value) {

    public static final int SCALE = 4;
    public static final String ROUNDING = "Percentages are part / total x 100, rounded half-even to " + SCALE
            + " decimal places; rounded percentages may not add up to exactly 100.";

    static Percent of(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return new Percent(BigDecimal.ZERO.setScale(SCALE));
        }
        return new Percent(part.multiply(BigDecimal.valueOf(100)).divide(whole, SCALE, RoundingMode.HALF_EVEN));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
