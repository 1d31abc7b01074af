package org.capledger.api.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ValueTypesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void quantitiesDifferingOnlyInTrailingZerosAreEqual() {
        Quantity padded = new Quantity(new BigDecimal("5000.00"));

        assertThat(padded).isEqualTo(Quantity.of(5000)).isEqualTo(Quantity.of("5000"));
        assertThat(padded).hasSameHashCodeAs(Quantity.of(5000));
        assertThat(padded.toString()).isEqualTo("5000");
        assertThat(padded.isWhole()).isTrue();
    }

    @Test
    void quantityInScientificNotationIsNormalisedToAPlainWholeNumber() {
        Quantity thousand = new Quantity(new BigDecimal("1E+3"));

        assertThat(thousand.value().scale()).isZero();
        assertThat(thousand.toString()).isEqualTo("1000");
        assertThat(thousand.isWhole()).isTrue();
    }

    @Test
    void quantityKeepsTenDecimalPlaces() {
        Quantity fine = Quantity.of("0.0000000001");

        assertThat(fine.isPositive()).isTrue();
        assertThat(fine.isWhole()).isFalse();
        assertThat(fine.toString()).isEqualTo("0.0000000001");
    }

    @Test
    void quantityWithMoreThanTenDecimalPlacesIsRefused() {
        assertRefused(() -> Quantity.of("0.00000000001"), ErrorCode.INVALID_QUANTITY);
        assertRefused(() -> new Quantity(new BigDecimal("1.12345678901")), ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void trailingZerosBeyondTenDecimalPlacesAreNotSignificant() {
        assertThat(Quantity.of("1.50000000000000")).isEqualTo(Quantity.of("1.5"));
    }

    @Test
    void negativeQuantityIsRefused() {
        assertRefused(() -> Quantity.of("-1"), ErrorCode.INVALID_QUANTITY);
        assertRefused(() -> Quantity.of(-5), ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void missingQuantityIsRefused() {
        assertRefused(() -> new Quantity(null), ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void quantityTextMustBeAPlainDecimal() {
        assertRefused(() -> Quantity.of("1e3"), ErrorCode.INVALID_QUANTITY);
        assertRefused(() -> Quantity.of("1,000"), ErrorCode.INVALID_QUANTITY);
        assertRefused(() -> Quantity.of("ten"), ErrorCode.INVALID_QUANTITY);
        assertRefused(() -> Quantity.of((String) null), ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void zeroQuantityIsValidButNotPositive() {
        assertThat(Quantity.of("0.000").isPositive()).isFalse();
        assertThat(Quantity.of("0.000")).isEqualTo(Quantity.ZERO);
    }

    @Test
    void quantitiesAddAndCompareByValue() {
        assertThat(Quantity.of("0.25").plus(Quantity.of("0.75"))).isEqualTo(Quantity.of(1));
        assertThat(Quantity.of("10.0")).isEqualByComparingTo(Quantity.of(10)).isLessThan(Quantity.of("10.01"));
    }

    @Test
    void moneyAmountsDifferingOnlyInTrailingZerosAreEqual() {
        assertThat(new Money(new BigDecimal("1.50"), "USD")).isEqualTo(Money.of("1.5", "USD"));
        assertThat(Money.of("5000.00", "EUR").toString()).isEqualTo("5000 EUR");
    }

    @Test
    void moneyWithMoreThanTenDecimalPlacesIsRefused() {
        assertRefused(() -> Money.of("0.00000000001", "USD"), ErrorCode.INVALID_MONEY);
    }

    @Test
    void negativeMoneyIsRefused() {
        assertRefused(() -> Money.of("-0.01", "USD"), ErrorCode.INVALID_MONEY);
        assertRefused(() -> new Money(new BigDecimal("-3"), "USD"), ErrorCode.INVALID_MONEY);
    }

    @Test
    void moneyNeedsAnUpperCaseIso4217Currency() {
        assertRefused(() -> Money.of("1", "usd"), ErrorCode.INVALID_MONEY);
        assertRefused(() -> Money.of("1", "XQZ"), ErrorCode.INVALID_MONEY);
        assertRefused(() -> Money.of("1", "DOLLAR"), ErrorCode.INVALID_MONEY);
        assertRefused(() -> Money.of("1", null), ErrorCode.INVALID_MONEY);
    }

    @Test
    void moneyTimesAFactorStaysExact() {
        assertThat(Money.of("0.10", "USD").times(new BigDecimal("3"))).isEqualTo(Money.of("0.3", "USD"));
    }

    @Test
    void quantityJsonIsAString() {
        assertThat(json.writeValueAsString(Quantity.of("5000.00"))).isEqualTo("\"5000\"");
        assertThat(json.readValue("\"12.50\"", Quantity.class)).isEqualTo(Quantity.of("12.5"));
    }

    @Test
    void moneyJsonCarriesTheAmountAsAString() {
        String written = json.writeValueAsString(Money.of("1.250", "USD"));

        assertThat(written).isEqualTo("{\"amount\":\"1.25\",\"currency\":\"USD\"}");
        assertThat(json.readValue(written, Money.class)).isEqualTo(Money.of("1.25", "USD"));
    }

    @Test
    void identifiersAllowOnlyASafeCharacterSet() {
        assertThat(IssuerId.of("acme-2024_01:a.b").value()).isEqualTo("acme-2024_01:a.b");
        assertRefused(() -> IssuerId.of("acme corp"), ErrorCode.INVALID_IDENTIFIER);
        assertRefused(() -> StakeholderId.of(""), ErrorCode.INVALID_IDENTIFIER);
        assertRefused(() -> StockClassId.of("x".repeat(129)), ErrorCode.INVALID_IDENTIFIER);
        assertRefused(() -> SecurityId.of(null), ErrorCode.INVALID_IDENTIFIER);
    }

    @Test
    void identifierJsonIsThePlainString() {
        assertThat(json.writeValueAsString(StakeholderId.of("sh-1"))).isEqualTo("\"sh-1\"");
        assertThat(json.readValue("\"sh-1\"", StakeholderId.class)).isEqualTo(StakeholderId.of("sh-1"));
    }

    @Test
    void stakeholderNameIsTrimmedAndBlankPartsDropped() {
        StakeholderName name = new StakeholderName("  Ada Lovelace ", " ", " Ada ");

        assertThat(name).isEqualTo(new StakeholderName("Ada Lovelace", null, "Ada"));
        assertRefused(() -> new StakeholderName("  ", null, null), ErrorCode.INVALID_VALUE);
        assertRefused(() -> new StakeholderName("x".repeat(301), null, null), ErrorCode.INVALID_VALUE);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CapledgerException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
