package org.capledger.query.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class NumberWordsTest {

    @Test
    void spellsWholeNumbersInTitleCaseUsStyle() {
        assertThat(NumberWords.spell(new BigDecimal("120000"))).isEqualTo("One Hundred Twenty Thousand");
        assertThat(NumberWords.spell(new BigDecimal("1"))).isEqualTo("One");
        assertThat(NumberWords.spell(BigDecimal.ZERO)).isEqualTo("Zero");
        assertThat(NumberWords.spell(new BigDecimal("10000021"))).isEqualTo("Ten Million Twenty-One");
        assertThat(NumberWords.spell(new BigDecimal("120000.000"))).isEqualTo("One Hundred Twenty Thousand");
    }

    @Test
    void spellsEveryDecimalPlaceDigitByDigit() {
        assertThat(NumberWords.spell(new BigDecimal("1250.25")))
                .isEqualTo("One Thousand Two Hundred Fifty Point Two Five");
        assertThat(NumberWords.spell(new BigDecimal("1234567.1234567891"))).isEqualTo(
                "One Million Two Hundred Thirty-Four Thousand Five Hundred Sixty-Seven"
                        + " Point One Two Three Four Five Six Seven Eight Nine One");
        assertThat(NumberWords.spell(new BigDecimal("0.0000000001")))
                .isEqualTo("Zero Point Zero Zero Zero Zero Zero Zero Zero Zero Zero One");
    }

    @Test
    void spellsUpToTheLargestLongAndRefusesBeyond() {
        assertThat(NumberWords.spell(new BigDecimal(Long.MAX_VALUE))).startsWith("Nine Quintillion Two Hundred");
        assertThatThrownBy(() -> NumberWords.spell(new BigDecimal("9223372036854775808")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberWords.spell(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsFiguresInThousandsKeepingEveryDecimal() {
        assertThat(NumberWords.figures(new BigDecimal("120000"))).isEqualTo("120,000");
        assertThat(NumberWords.figures(new BigDecimal("999"))).isEqualTo("999");
        assertThat(NumberWords.figures(new BigDecimal("1000"))).isEqualTo("1,000");
        assertThat(NumberWords.figures(new BigDecimal("1234567.1234567891"))).isEqualTo("1,234,567.1234567891");
        assertThat(NumberWords.figures(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(NumberWords.figures(new BigDecimal("0.50"))).isEqualTo("0.5");
    }
}
