package org.capledger.query.certificates;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Read model row: one share certificate, i.e. one stock security, with its status and links. */
@Entity
@Table(name = "certificate")
@IdClass(CertificateView.Key.class)
public class CertificateView {

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
    LocalDate issueDate;
    String origin;
    String sourceSecurityId;
    @Enumerated(EnumType.STRING)
    CertificateStatus status;
    String endedBy;
    LocalDate endedOn;
    String balanceSecurityId;
    String replacementSecurityId;
    LocalDate affidavitDate;
    String verificationCode;
    boolean specimen;
    Instant recordedAt;

    protected CertificateView() {
    }

    public String issuerId() {
        return issuerId;
    }

    public String securityId() {
        return securityId;
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

    public LocalDate issueDate() {
        return issueDate;
    }

    /** @return ISSUANCE, or the kind of transaction that issued it (TRANSFER, REISSUANCE, EXERCISE, ...) */
    public String origin() {
        return origin;
    }

    /** @return the security whose certificate this one came from, or null for an issuance */
    public String sourceSecurityId() {
        return sourceSecurityId;
    }

    public CertificateStatus status() {
        return status;
    }

    /** @return the kind of transaction that ended it, or null while active */
    public String endedBy() {
        return endedBy;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    /** @return the balance certificate's security after a partial transfer, cancellation or repurchase, or null */
    public String balanceSecurityId() {
        return balanceSecurityId;
    }

    /** @return the replacement's security after a lost-certificate replacement or a one-to-one reissuance, or null */
    public String replacementSecurityId() {
        return replacementSecurityId;
    }

    /** @return the date of the affidavit of loss, when this certificate was replaced as lost */
    public LocalDate affidavitDate() {
        return affidavitDate;
    }

    public String verificationCode() {
        return verificationCode;
    }

    /** @return true for the demo company's certificates, printed with a SPECIMEN watermark */
    public boolean specimen() {
        return specimen;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
