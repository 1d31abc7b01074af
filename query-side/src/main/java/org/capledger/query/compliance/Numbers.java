package org.capledger.query.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;

/** Exact arithmetic and locale-independent formatting shared by the calculators. */
final class Numbers {

    static final String USD = "USD";
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal FIFTEEN_PERCENT = new BigDecimal("0.15");

    private Numbers() {
    }

    static Money usd(BigDecimal amount) {
        return new Money(amount, USD);
    }

    /** @throws CapledgerException INVALID_MONEY when the amount is missing or not in US dollars */
    static BigDecimal requireUsd(Money money, String field) {
        if (money == null) {
            throw new CapledgerException(ErrorCode.INVALID_MONEY, field + " is required");
        }
        if (!USD.equals(money.currency())) {
            throw new CapledgerException(ErrorCode.INVALID_MONEY, field + " must be in USD, not " + money.currency());
        }
        return money.amount();
    }

    /** @throws CapledgerException INVALID_VALUE when {@code value} is {@code null} */
    static <T> T require(T value, String field) {
        if (value == null) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, field + " is required");
        }
        return value;
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The smallest whole number not below {@code a / b}; {@code b} positive. */
    static BigDecimal ceilDiv(BigDecimal a, BigDecimal b) {
        return a.divide(b, 0, RoundingMode.CEILING);
    }

    /** Plain text without trailing zeros: {@code 2.061856}, {@code 1000000}. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Money as plain text, to the cent at least: {@code 1600.00}, {@code 2.061856}. */
    static String money(BigDecimal value) {
        BigDecimal stripped = new BigDecimal(plain(value));
        return (stripped.scale() <= 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    /** Grouped for reading in a description: {@code 1,250,000}, {@code 0.00001}. */
    static String grouped(BigDecimal value) {
        return group(plain(value));
    }

    /** Grouped dollars for a description: {@code $1,600.00}, {@code $2.061856}. */
    static String dollars(BigDecimal value) {
        return "$" + group(money(value));
    }

    static String grouped(Quantity quantity) {
        return grouped(quantity.value());
    }

    private static String group(String plain) {
        Objects.requireNonNull(plain);
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + out + fraction;
    }

    static Figure usdFigure(String name, BigDecimal amount) {
        return new Figure(name, money(amount), USD);
    }

    static Figure perShareFigure(String name, BigDecimal amount) {
        return new Figure(name, money(amount), "USD per share");
    }

    static Figure sharesFigure(String name, BigDecimal shares) {
        return new Figure(name, plain(shares), "shares");
    }

    static Figure countFigure(String name, long count, String unit) {
        return new Figure(name, Long.toString(count), unit);
    }

    static Figure textFigure(String name, Object value) {
        return new Figure(name, String.valueOf(value), null);
    }
}
