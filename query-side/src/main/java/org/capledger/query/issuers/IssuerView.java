package org.capledger.query.issuers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.capledger.query.common.AuthorizedShares;

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
    @Embedded
    AuthorizedShares authorized = new AuthorizedShares();
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
        if (authorized == null) {
            authorized = new AuthorizedShares(); // Hibernate loads an all-null embeddable as null
        }
        authorized.adjust(shares, date, sequence);
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
        return authorized == null ? null : authorized.shares();
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
