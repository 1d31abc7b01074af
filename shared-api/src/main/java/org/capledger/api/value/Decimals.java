package org.capledger.api.value;

import java.math.BigDecimal;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/** Parsing and normalising of exact decimals: at most {@value #MAX_SCALE} decimal places (OCF {@code Numeric}). */
public final class Decimals {

    /** The most decimal places any quantity or amount may have (OCF 1.2, primitives/types/Numeric). */
    public static final int MAX_SCALE = 10;

    private Decimals() {
    }

    /**
     * Parses a plain decimal string ({@code "5000"}, {@code "0.25"}, no exponent, no grouping).
     *
     * @throws CapledgerException with {@code code} when the text is not such a decimal
     */
    public static BigDecimal parse(String text, ErrorCode code, String field) {
        if (text == null || !text.matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
            throw new CapledgerException(code, field + " must be a plain decimal number such as \"1500\" or \"0.25\"");
        }
        return new BigDecimal(text);
    }

    /**
     * Strips trailing zeros (so {@code 5000.00} and {@code 5000} are one value) and checks the scale.
     *
     * @throws CapledgerException with {@code code} when more than ten decimal places are significant
     */
    public static BigDecimal normalize(BigDecimal value, ErrorCode code, String field) {
        if (value == null) {
            throw new CapledgerException(code, field + " is required");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        if (stripped.scale() > MAX_SCALE) {
            throw new CapledgerException(code, field + " has more than " + MAX_SCALE + " decimal places");
        }
        return stripped;
    }
}
