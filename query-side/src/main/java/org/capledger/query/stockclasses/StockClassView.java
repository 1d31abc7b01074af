package org.capledger.query.stockclasses;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.capledger.query.common.AuthorizedShares;

/** Read model row: one stock class with its authorized (latest in effective order) and outstanding shares. */
@Entity
@Table(name = "stock_class_view")
@IdClass(StockClassView.Key.class)
public class StockClassView {

    /** Composite key: stock class ids are unique only within their issuer. */
    public record Key(String issuerId, String stockClassId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    String issuerId;
    @Id
    @Column(name = "stock_class_id")
    String stockClassId;
    String name;
    String classType;
    String certificatePrefix;
    BigDecimal parValueAmount;
    String parValueCurrency;
    BigDecimal votesPerShare;
    int seniority;
    boolean fractionalSharesAllowed;
    @Embedded
    AuthorizedShares authorized = new AuthorizedShares();
    BigDecimal sharesOutstanding;
    LocalDate createdOn;
    LocalDate lastSplitOn;

    protected StockClassView() {
    }

    void authorize(BigDecimal shares, LocalDate date, long sequence) {
        if (authorized == null) {
            authorized = new AuthorizedShares(); // Hibernate loads an all-null embeddable as null
        }
        authorized.adjust(shares, date, sequence);
    }

    /** @return effective date of the class's latest split, or {@code null} */
    public LocalDate lastSplitOn() {
        return lastSplitOn;
    }

    public String stockClassId() {
        return stockClassId;
    }

    public String issuerId() {
        return issuerId;
    }

    public String name() {
        return name;
    }

    public String classType() {
        return classType;
    }

    public String certificatePrefix() {
        return certificatePrefix;
    }

    public BigDecimal parValueAmount() {
        return parValueAmount;
    }

    public String parValueCurrency() {
        return parValueCurrency;
    }

    public BigDecimal votesPerShare() {
        return votesPerShare;
    }

    public int seniority() {
        return seniority;
    }

    public boolean fractionalSharesAllowed() {
        return fractionalSharesAllowed;
    }

    public BigDecimal sharesAuthorized() {
        return authorized == null ? null : authorized.shares();
    }

    public BigDecimal sharesOutstanding() {
        return sharesOutstanding;
    }

    public LocalDate createdOn() {
        return createdOn;
    }
}
