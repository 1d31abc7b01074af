package org.capledger.api.vesting;

import static org.capledger.api.vesting.VestingTermsValidation.invalid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Fraction;

/**
 * The fraction of a security a {@link VestingCondition} vests each time it is met (OCF 1.2
 * {@code types/vesting/VestingConditionPortion}). JSON form: {@code {"numerator": "1", "denominator": "48",
 * "remainder": false}}, the numbers as strings; {@code remainder} may be left out and is then {@code false}.
 *
 * @param numerator   0 or more, at most ten decimal places
 * @param denominator more than 0, at most ten decimal places; the fraction is at most 1
 * @param remainder   {@code false}: the fraction applies to the security's whole quantity; {@code true}: to the part
 *                    not yet vested when the condition is reached (OCF: 1/5 of a 1,000-share grant with 400 vested is
 *                    200 shares without remainder, 120 with)
 */
public record VestingPortion(Quantity numerator, Quantity denominator, boolean remainder) {

    /** @throws org.capledger.api.CapledgerException INVALID_VESTING_TERMS when a rule above is broken */
    public VestingPortion {
        if (numerator == null || denominator == null) {
            throw invalid("a portion needs a numerator and a denominator");
        }
        if (!denominator.isPositive()) {
            throw invalid("a portion's denominator must be more than 0");
        }
        if (numerator.compareTo(denominator) > 0) {
            throw invalid("portion " + numerator + "/" + denominator + " is more than 1 (all of the security)");
        }
    }

    @JsonCreator
    static VestingPortion json(@JsonProperty("numerator") Quantity numerator,
                               @JsonProperty("denominator") Quantity denominator,
                               @JsonProperty("remainder") Boolean remainder) {
        return new VestingPortion(numerator, denominator, Boolean.TRUE.equals(remainder));
    }

    /** @return {@code numerator/denominator} of the whole quantity */
    public static VestingPortion of(long numerator, long denominator) {
        return new VestingPortion(Quantity.of(numerator), Quantity.of(denominator), false);
    }

    /** @return {@code numerator/denominator} of what has not vested yet */
    public static VestingPortion ofRemainder(long numerator, long denominator) {
        return new VestingPortion(Quantity.of(numerator), Quantity.of(denominator), true);
    }

    /** @return the exact fraction, between 0 and 1 */
    public Fraction ratio() {
        return Fraction.of(numerator.value(), denominator.value());
    }
}
