package org.capledger.query.instruments;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConversionTiming;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.ledger.InstrumentRecord;

/** Read model row: one warrant or convertible with its terms and status. */
@Entity
@Table(name = "instrument_view")
@IdClass(InstrumentView.Key.class)
public class InstrumentView {

    /** Composite key: security ids are unique only within their issuer. */
    public record Key(String issuerId, String securityId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    String issuerId;
    @Id
    String securityId;
    String kind;
    String label;
    long labelNumber;
    String stakeholderId;
    String stockClassId;
    BigDecimal quantity;
    BigDecimal exercisePriceAmount;
    String exercisePriceCurrency;
    BigDecimal purchasePriceAmount;
    String purchasePriceCurrency;
    LocalDate expirationDate;
    String convertibleType;
    BigDecimal investmentAmount;
    String investmentCurrency;
    BigDecimal valuationCapAmount;
    String valuationCapCurrency;
    BigDecimal discount;
    String conversionTiming;
    BigDecimal conversionPriceAmount;
    String conversionPriceCurrency;
    BigDecimal interestRate;
    LocalDate maturityDate;
    int seniority;
    LocalDate issueDate;
    String status;
    String origin;
    LocalDate acceptedOn;
    LocalDate extinguishedOn;
    String sourceSecurityId;
    Instant recordedAt;

    protected InstrumentView() {
    }

    InstrumentView copy() {
        InstrumentView v = new InstrumentView();
        v.issuerId = issuerId;
        v.kind = kind;
        v.stakeholderId = stakeholderId;
        v.stockClassId = stockClassId;
        v.quantity = quantity;
        v.exercisePriceAmount = exercisePriceAmount;
        v.exercisePriceCurrency = exercisePriceCurrency;
        v.purchasePriceAmount = purchasePriceAmount;
        v.purchasePriceCurrency = purchasePriceCurrency;
        v.expirationDate = expirationDate;
        v.convertibleType = convertibleType;
        v.investmentAmount = investmentAmount;
        v.investmentCurrency = investmentCurrency;
        v.valuationCapAmount = valuationCapAmount;
        v.valuationCapCurrency = valuationCapCurrency;
        v.discount = discount;
        v.conversionTiming = conversionTiming;
        v.conversionPriceAmount = conversionPriceAmount;
        v.conversionPriceCurrency = conversionPriceCurrency;
        v.interestRate = interestRate;
        v.maturityDate = maturityDate;
        v.seniority = seniority;
        return v;
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }

    /** @return the conversion terms, or null for warrants and convertibles without terms */
    public ConversionTerms terms() {
        if (!InstrumentRecord.CONVERTIBLE.equals(kind)) {
            return null;
        }
        return new ConversionTerms(stockClassId == null ? null : StockClassId.of(stockClassId),
                money(valuationCapAmount, valuationCapCurrency), discount,
                conversionTiming == null ? null : ConversionTiming.valueOf(conversionTiming),
                money(conversionPriceAmount, conversionPriceCurrency), interestRate, maturityDate);
    }

    /** @return this row as the ledger's record, to share its arithmetic (shares as converted) */
    public InstrumentRecord toRecord() {
        return new InstrumentRecord(kind, SecurityId.of(securityId), label, StakeholderId.of(stakeholderId),
                stockClassId == null ? null : StockClassId.of(stockClassId),
                quantity == null ? null : new Quantity(quantity), exercisePrice(), purchasePrice(), expirationDate,
                convertibleType == null ? null : ConvertibleType.valueOf(convertibleType), investment(), terms(),
                seniority, issueDate, status, origin, acceptedOn, extinguishedOn, List.of(), List.of());
    }

    public boolean isOutstanding() {
        return "OUTSTANDING".equals(status);
    }

    public String securityId() {
        return securityId;
    }

    public String issuerId() {
        return issuerId;
    }

    public String kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String stakeholderId() {
        return stakeholderId;
    }

    public String stockClassId() {
        return stockClassId;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public Money exercisePrice() {
        return money(exercisePriceAmount, exercisePriceCurrency);
    }

    public Money purchasePrice() {
        return money(purchasePriceAmount, purchasePriceCurrency);
    }

    public Money investment() {
        return money(investmentAmount, investmentCurrency);
    }

    public LocalDate expirationDate() {
        return expirationDate;
    }

    public String convertibleType() {
        return convertibleType;
    }

    public int seniority() {
        return seniority;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public String status() {
        return status;
    }

    public String origin() {
        return origin;
    }

    public LocalDate acceptedOn() {
        return acceptedOn;
    }

    public LocalDate extinguishedOn() {
        return extinguishedOn;
    }

    public String sourceSecurityId() {
        return sourceSecurityId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
