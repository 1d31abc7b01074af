package org.capledger.query.certificates;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Read model row: what certificates issued from {@code effectiveDate} print about {@code subject}: the signing
 * officers ({@value #OFFICERS}) or a class's legends ({@value #LEGENDS} and the class id), as a JSON array.
 */
@Entity
@Table(name = "certificate_setting")
@IdClass(CertificateSetting.Key.class)
public class CertificateSetting {

    static final String OFFICERS = "officers";
    static final String LEGENDS = "legends:";

    public record Key(String issuerId, String subject, LocalDate effectiveDate) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    String issuerId;
    @Id
    String subject;
    @Id
    LocalDate effectiveDate;
    String content;

    protected CertificateSetting() {
    }

    CertificateSetting(String issuerId, String subject, LocalDate effectiveDate, String content) {
        this.issuerId = issuerId;
        this.subject = subject;
        this.effectiveDate = effectiveDate;
        this.content = content;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public String content() {
        return content;
    }
}
