package org.capledger.query.stockclasses;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Read model row: a stock class's right to convert into another, at the ratio in force after its latest change. */
@Entity
@Table(name = "conversion_right_view")
@IdClass(ConversionRightView.Key.class)
public class ConversionRightView {

    @Id
    String issuerId;
    @Id
    @Column(name = "stock_class_id")
    String stockClassId;
    @Id
    @Column(name = "converts_to_stock_class_id")
    String convertsToStockClassId;
    BigDecimal ratioNumerator;
    BigDecimal ratioDenominator;
    String roundingType;
    LocalDate ratioDate;

    protected ConversionRightView() {
    }

    public String stockClassId() {
        return stockClassId;
    }

    public String convertsToStockClassId() {
        return convertsToStockClassId;
    }

    public BigDecimal ratioNumerator() {
        return ratioNumerator;
    }

    public BigDecimal ratioDenominator() {
        return ratioDenominator;
    }

    public String roundingType() {
        return roundingType;
    }

    public LocalDate ratioDate() {
        return ratioDate;
    }

    /** Composite key: stock class ids are unique only within their issuer. */
    public record Key(String issuerId, String stockClassId, String convertsToStockClassId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
