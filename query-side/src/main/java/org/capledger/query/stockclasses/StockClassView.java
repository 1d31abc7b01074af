package org.capledger.query.stockclasses;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model row: one stock class with its authorized (latest in effective order) and outstanding shares. */
@Entity
@Table(name = "stock_class_view")
public class StockClassView {

    @Id
    @Column(name = "stock_class_id")
    String stockClassId;
    String issuerId;
    String name;
    String classType;
    String certificatePrefix;
    BigDecimal parValueAmount;
    String parValueCurrency;
    BigDecimal votesPerShare;
    int seniority;
    boolean fractionalSharesAllowed;
    BigDecimal sharesAuthorized;
    LocalDate authorizedDate;
    long authorizedSequence;
    BigDecimal sharesOutstanding;
    LocalDate createdOn;

    protected StockClassView() {
    }

    void authorize(BigDecimal shares, LocalDate date, long sequence) {
        if (authorizedDate == null || date.isAfter(authorizedDate)
                || (date.isEqual(authorizedDate) && sequence > authorizedSequence)) {
            sharesAuthorized = shares;
            authorizedDate = date;
            authorizedSequence = sequence;
        }
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
        return sharesAuthorized;
    }

    public BigDecimal sharesOutstanding() {
        return sharesOutstanding;
    }

    public LocalDate createdOn() {
        return createdOn;
    }
}
