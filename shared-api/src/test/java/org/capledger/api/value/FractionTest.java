package org.capledger.api.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void ratiosAreKeptInLowestTermsWithAPositiveDenominator() {
        assertThat(Fraction.of(BigInteger.valueOf(12), BigInteger.valueOf(48))).isEqualTo(Fraction.of(BigInteger.ONE,
                BigInteger.valueOf(4))).hasToString("1/4");
        assertThat(Fraction.of(BigInteger.valueOf(3), BigInteger.valueOf(-6))).hasToString("-1/2");
        assertThat(Fraction.of(new BigDecimal("0.25"), new BigDecimal("1.5"))).hasToString("1/6");
        assertThat(Fraction.of(new BigDecimal("1E+3"))).hasToString("1000");
        assertThat(Fraction.of(BigInteger.ZERO, BigInteger.TEN)).isEqualTo(Fraction.ZERO);
    }

    @Test
    void arithmeticIsExact() {
        Fraction third = Fraction.of(1).dividedBy(Fraction.of(3));

        assertThat(third.plus(third).plus(third)).isEqualTo(Fraction.ONE);
        assertThat(Fraction.ONE.minus(third)).hasToString("2/3");
        assertThat(third.times(Fraction.of(1000))).hasToString("1000/3");
        assertThat(third.times(6)).isEqualTo(Fraction.of(2));
        assertThat(third.min(Fraction.ONE)).isSameAs(third);
        assertThat(third.compareTo(Fraction.of(new BigDecimal("0.3333333333")))).isPositive();
    }

    @Test
    void roundingIsExplicit() {
        Fraction thousandThirds = Fraction.of(1000).dividedBy(Fraction.of(3));

        assertThat(thousandThirds.floor()).isEqualByComparingTo("333");
        assertThat(thousandThirds.roundHalfUp(0)).isEqualByComparingTo("333");
        assertThat(thousandThirds.roundHalfUp(10)).isEqualTo(new BigDecimal("333.3333333333"));
        assertThat(Fraction.of(9).dividedBy(Fraction.of(2)).roundHalfUp(0)).isEqualByComparingTo("5");
        assertThat(Fraction.of(-9).dividedBy(Fraction.of(2)).floor()).isEqualByComparingTo("-5");
    }

    @Test
    void aZeroDenominatorIsRefused() {
        assertThatThrownBy(() -> Fraction.of(BigInteger.ONE, BigInteger.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Fraction.ONE.dividedBy(Fraction.ZERO)).isInstanceOf(ArithmeticException.class);
    }
}
