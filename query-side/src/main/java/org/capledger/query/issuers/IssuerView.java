package org.capledger.query.issuers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model row: one issuer, its issuer-wide authorized shares and its aggregate version. */
@Entity
@Table(name = "issuer_view")
public class IssuerView {

    @Id
    @Column(name = "issuer_id")
    String issuerId;
    String legalName;
    LocalDate formationDate;
    String countryOfFormation;
    String subdivisionOfFormation;
    String taxId;
    BigDecimal sharesAuthorized;
    LocalDate authorizedDate;
    Long authorizedSequence;
    long version;
    Instant createdAt;
    Instant updatedAt;

    protected IssuerView() {
    }

    IssuerView(String issuerId, String legalName, LocalDate formationDate, String countryOfFormation,
               String subdivisionOfFormation, String taxId, Instant createdAt) {
        this.issuerId = issuerId;
        this.legalName = legalName;
        this.formationDate = formationDate;
        this.countryOfFormation = countryOfFormation;
        this.subdivisionOfFormation = subdivisionOfFormation;
        this.taxId = taxId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Applies an authorized-shares figure unless a later one (by effective date, then recording) is in force. */
    void authorize(BigDecimal shares, LocalDate date, long sequence) {
        if (authorizedDate == null || date.isAfter(authorizedDate)
                || (date.isEqual(authorizedDate) && sequence > authorizedSequence)) {
            sharesAuthorized = shares;
            authorizedDate = date;
            authorizedSequence = sequence;
        }
    }

    public String issuerId() {
        return issuerId;
    }

    public String legalName() {
        return legalName;
    }

    public LocalDate formationDate() {
        return formationDate;
    }

    public String countryOfFormation() {
        return countryOfFormation;
    }

    public String subdivisionOfFormation() {
        return subdivisionOfFormation;
    }

    public String taxId() {
        return taxId;
    }

    public BigDecimal sharesAuthorized() {
        return sharesAuthorized;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
