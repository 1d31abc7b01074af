package org.capledger.api.value;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * A non-negative, exact number of shares (or other units), at most ten decimal places, normalised so that
 * {@code 5000.00} equals {@code 5000}. JSON form: a string ({@code "5000"}), as OCF writes numerics; a JSON
 * number is refused so that no client's floating-point rounding can reach the ledger.
 *
 * @param value the amount; never negative, never more than ten significant decimal places
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        value = Decimals.normalize(value, ErrorCode.INVALID_QUANTITY, "quantity");
        if (value.signum() < 0) {
            throw new CapledgerException(ErrorCode.INVALID_QUANTITY, "quantity must not be negative");
        }
    }

    @JsonCreator
    public static Quantity of(String text) {
        return new Quantity(Decimals.parse(text, ErrorCode.INVALID_QUANTITY, "quantity"));
    }

    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value));
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isWhole() {
        return value.scale() == 0;
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
