package org.capledger.api.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact rational number {@code numerator/denominator}, kept in lowest terms with a positive denominator. Used
 * where a decimal result would not terminate, such as 1/48 of 1,000 shares (OCF 1.2
 * {@code types/vesting/VestingConditionPortion}); values are turned back into decimals only by an explicit
 * rounding ({@link #floor()}, {@link #roundHalfUp(int)}).
 */
public final class Fraction implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** @throws ArithmeticException when {@code denominator} is zero */
    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        Objects.requireNonNull(numerator, "numerator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        return new Fraction(numerator.divide(gcd), denominator.divide(gcd));
    }

    /** @throws ArithmeticException when {@code denominator} is zero */
    public static Fraction of(BigDecimal numerator, BigDecimal denominator) {
        return of(numerator).dividedBy(of(denominator));
    }

    public static Fraction of(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() <= 0
                ? of(v.toBigIntegerExact(), BigInteger.ONE)
                : of(v.unscaledValue(), BigInteger.TEN.pow(v.scale()));
    }

    public static Fraction of(long value) {
        return of(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    public Fraction plus(Fraction other) {
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction minus(Fraction other) {
        return plus(other.negate());
    }

    public Fraction times(Fraction other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Fraction times(long factor) {
        return of(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    /** @throws ArithmeticException when {@code other} is zero */
    public Fraction dividedBy(Fraction other) {
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    public Fraction min(Fraction other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** @return the largest whole number not above this one */
    public BigDecimal floor() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return new BigDecimal(q);
    }

    /** @return this value rounded to {@code scale} decimal places, halves rounded towards positive infinity */
    public BigDecimal roundHalfUp(int scale) {
        Fraction shifted = times(of(BigInteger.TEN.pow(scale), BigInteger.ONE)).plus(of(BigInteger.ONE, BigInteger.TWO));
        return new BigDecimal(shifted.floor().toBigIntegerExact(), scale);
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fraction r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
    }

    @Override
    public int hashCode() {
        return numerator.hashCode() * 31 + denominator.hashCode();
    }

    /** @return {@code "n/d"}, or {@code "n"} when whole */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
