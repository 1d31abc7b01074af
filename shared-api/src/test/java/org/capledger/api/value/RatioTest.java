package org.capledger.api.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void ratiosAreKeptInLowestTermsWithAPositiveDenominator() {
        assertThat(Ratio.of(BigInteger.valueOf(12), BigInteger.valueOf(48))).isEqualTo(Ratio.of(BigInteger.ONE,
                BigInteger.valueOf(4))).hasToString("1/4");
        assertThat(Ratio.of(BigInteger.valueOf(3), BigInteger.valueOf(-6))).hasToString("-1/2");
        assertThat(Ratio.of(new BigDecimal("0.25"), new BigDecimal("1.5"))).hasToString("1/6");
        assertThat(Ratio.of(new BigDecimal("1E+3"))).hasToString("1000");
        assertThat(Ratio.of(BigInteger.ZERO, BigInteger.TEN)).isEqualTo(Ratio.ZERO);
    }

    @Test
    void arithmeticIsExact() {
        Ratio third = Ratio.of(1).dividedBy(Ratio.of(3));

        assertThat(third.plus(third).plus(third)).isEqualTo(Ratio.ONE);
        assertThat(Ratio.ONE.minus(third)).hasToString("2/3");
        assertThat(third.times(Ratio.of(1000))).hasToString("1000/3");
        assertThat(third.times(6)).isEqualTo(Ratio.of(2));
        assertThat(third.min(Ratio.ONE)).isSameAs(third);
        assertThat(third.compareTo(Ratio.of(new BigDecimal("0.3333333333")))).isPositive();
    }

    @Test
    void roundingIsExplicit() {
        Ratio thousandThirds = Ratio.of(1000).dividedBy(Ratio.of(3));

        assertThat(thousandThirds.floor()).isEqualByComparingTo("333");
        assertThat(thousandThirds.roundHalfUp(0)).isEqualByComparingTo("333");
        assertThat(thousandThirds.roundHalfUp(10)).isEqualTo(new BigDecimal("333.3333333333"));
        assertThat(Ratio.of(9).dividedBy(Ratio.of(2)).roundHalfUp(0)).isEqualByComparingTo("5");
        assertThat(Ratio.of(-9).dividedBy(Ratio.of(2)).floor()).isEqualByComparingTo("-5");
    }

    @Test
    void aZeroDenominatorIsRefused() {
        assertThatThrownBy(() -> Ratio.of(BigInteger.ONE, BigInteger.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Ratio.ONE.dividedBy(Ratio.ZERO)).isInstanceOf(ArithmeticException.class);
    }
}
