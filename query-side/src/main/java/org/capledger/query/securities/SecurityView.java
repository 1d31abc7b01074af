package org.capledger.query.securities;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Read model row: one stock security (certificate) with its label, holder, class, quantity and status; price only
 * for securities that came from an issuance.
 */
@Entity
@Table(name = "security_view")
@IdClass(SecurityView.Key.class)
public class SecurityView {

    /** Composite key: security ids are unique only within their issuer. */
    public record Key(String issuerId, String securityId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    String issuerId;
    @Id
    @Column(name = "security_id")
    String securityId;
    String label;
    long labelNumber;
    String stakeholderId;
    String stockClassId;
    BigDecimal quantity;
    BigDecimal priceAmount;
    String priceCurrency;
    String consideration;
    LocalDate issueDate;
    String status;
    String origin;
    LocalDate acceptedOn;
    LocalDate extinguishedOn;
    Instant recordedAt;

    protected SecurityView() {
    }

    public String securityId() {
        return securityId;
    }

    public String issuerId() {
        return issuerId;
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

    public BigDecimal priceAmount() {
        return priceAmount;
    }

    public String priceCurrency() {
        return priceCurrency;
    }

    public String consideration() {
        return consideration;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public String status() {
        return status;
    }

    /** @return {@code ISSUANCE}, or the kind of transaction that created it (TRANSFER, SPLIT, ...) */
    public String origin() {
        return origin;
    }

    public LocalDate acceptedOn() {
        return acceptedOn;
    }

    public LocalDate extinguishedOn() {
        return extinguishedOn;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
