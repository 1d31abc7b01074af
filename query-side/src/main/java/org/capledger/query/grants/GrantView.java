package org.capledger.query.grants;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Read model row: one equity compensation security (option, RSU, SAR) and its status. */
@Entity
@Table(name = "grant_view")
@IdClass(GrantView.Key.class)
public class GrantView {

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
    String label;
    long labelNumber;
    String stakeholderId;
    String stockPlanId;
    String stockClassId;
    String compensationType;
    BigDecimal quantity;
    BigDecimal exercisePriceAmount;
    String exercisePriceCurrency;
    LocalDate expirationDate;
    LocalDate issueDate;
    String status;
    String origin;
    LocalDate acceptedOn;
    LocalDate extinguishedOn;
    String sourceSecurityId;
    Instant recordedAt;

    protected GrantView() {
    }

    GrantView copy() {
        GrantView v = new GrantView();
        v.issuerId = issuerId;
        v.stakeholderId = stakeholderId;
        v.stockPlanId = stockPlanId;
        v.stockClassId = stockClassId;
        v.compensationType = compensationType;
        v.exercisePriceAmount = exercisePriceAmount;
        v.exercisePriceCurrency = exercisePriceCurrency;
        v.expirationDate = expirationDate;
        v.acceptedOn = acceptedOn;
        return v;
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

    public String stockPlanId() {
        return stockPlanId;
    }

    public String stockClassId() {
        return stockClassId;
    }

    public String compensationType() {
        return compensationType;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal exercisePriceAmount() {
        return exercisePriceAmount;
    }

    public String exercisePriceCurrency() {
        return exercisePriceCurrency;
    }

    public LocalDate expirationDate() {
        return expirationDate;
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
