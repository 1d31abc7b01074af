package org.capledger.api.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * A positive ratio such as a split's 2-for-1 or a conversion's 1:1 (OCF 1.2 {@code types/Ratio}). JSON form:
 * {@code {"numerator": "2", "denominator": "1"}}, both decimal strings. Applying it multiplies by the numerator
 * before dividing by the denominator, so exact ratios give exact results.
 *
 * @param numerator   new units per {@code denominator} old units; positive, at most ten decimal places
 * @param denominator positive, at most ten decimal places
 */
public record Ratio(BigDecimal numerator, BigDecimal denominator) {

    public Ratio {
        numerator = Decimals.normalize(numerator, ErrorCode.INVALID_VALUE, "numerator");
        denominator = Decimals.normalize(denominator, ErrorCode.INVALID_VALUE, "denominator");
        if (numerator.signum() <= 0 || denominator.signum() <= 0) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "ratio numerator and denominator must be positive");
        }
    }

    @JsonCreator
    public static Ratio of(@JsonProperty("numerator") String numerator,
                           @JsonProperty("denominator") String denominator) {
        return new Ratio(Decimals.parse(numerator, ErrorCode.INVALID_VALUE, "numerator"),
                Decimals.parse(denominator, ErrorCode.INVALID_VALUE, "denominator"));
    }

    public static Ratio of(long numerator, long denominator) {
        return new Ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /**
     * @return {@code quantity × numerator ÷ denominator}, rounded with {@code rounding} to whole units when
     *         {@code whole}, otherwise to ten decimal places (OCF's precision) with the same rounding
     */
    public Quantity apply(Quantity quantity, RoundingType rounding, boolean whole) {
        BigDecimal product = quantity.value().multiply(numerator);
        BigDecimal exact = product.divide(denominator, MathContext.DECIMAL128);
        return new Quantity(exact.setScale(whole ? 0 : Decimals.MAX_SCALE, rounding.mode()));
    }

    /** @return whether applying the ratio to {@code quantity} gives a whole number without rounding */
    public boolean givesWhole(Quantity quantity) {
        BigDecimal[] qr = quantity.value().multiply(numerator).divideAndRemainder(denominator);
        return qr[1].signum() == 0 && qr[0].stripTrailingZeros().scale() <= 0;
    }

    /** @return whether this ratio is one to one */
    public boolean isOne() {
        return numerator.compareTo(denominator) == 0;
    }

    @JsonValue
    public Map<String, String> json() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("numerator", numerator.toPlainString());
        json.put("denominator", denominator.toPlainString());
        return json;
    }

    @Override
    public String toString() {
        return numerator.toPlainString() + ":" + denominator.toPlainString();
    }

    /** Rounding used where a ratio leaves a fraction (OCF 1.2 {@code enums/RoundingType}). */
    public enum RoundingType {
        /** Always up. */
        CEILING(RoundingMode.CEILING),
        /** Always down. */
        FLOOR(RoundingMode.FLOOR),
        /** Half up: 0.5 and above up, below down. */
        NORMAL(RoundingMode.HALF_UP);

        private final RoundingMode mode;

        RoundingType(RoundingMode mode) {
            this.mode = mode;
        }

        public RoundingMode mode() {
            return mode;
        }
    }
}
