package org.capledger.api.value;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * A non-negative exact amount in an ISO 4217 currency (OCF 1.2 {@code types/Monetary}). JSON form:
 * {@code {"amount": "1.25", "currency": "USD"}}, the amount as a string.
 *
 * @param amount   at most ten decimal places, never negative
 * @param currency three-letter ISO 4217 code, upper case
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        amount = Decimals.normalize(amount, ErrorCode.INVALID_MONEY, "amount");
        if (amount.signum() < 0) {
            throw new CapledgerException(ErrorCode.INVALID_MONEY, "amount must not be negative");
        }
        if (currency == null || !currency.matches("[A-Z]{3}") || !isIsoCurrency(currency)) {
            throw new CapledgerException(ErrorCode.INVALID_MONEY, "currency must be an ISO 4217 code such as USD");
        }
    }

    @JsonCreator
    public static Money of(@JsonProperty("amount") String amount, @JsonProperty("currency") String currency) {
        return new Money(Decimals.parse(amount, ErrorCode.INVALID_MONEY, "amount"), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    @JsonValue
    public Map<String, String> json() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("amount", amount.toPlainString());
        json.put("currency", currency);
        return json;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
