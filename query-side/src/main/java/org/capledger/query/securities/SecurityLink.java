package org.capledger.query.securities;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Read model row: a transaction of {@code kind} turned security {@code from} into (among others) {@code to}. */
@Entity
@Table(name = "security_link")
@IdClass(SecurityLink.Key.class)
public class SecurityLink {

    @Id
    String issuerId;
    @Id
    @Column(name = "from_security_id")
    String fromSecurityId;
    @Id
    @Column(name = "to_security_id")
    String toSecurityId;
    String kind;
    LocalDate effectiveDate;

    protected SecurityLink() {
    }

    SecurityLink(String issuerId, String from, String to, String kind, LocalDate effectiveDate) {
        this.issuerId = issuerId;
        this.fromSecurityId = from;
        this.toSecurityId = to;
        this.kind = kind;
        this.effectiveDate = effectiveDate;
    }

    public String fromSecurityId() {
        return fromSecurityId;
    }

    public String toSecurityId() {
        return toSecurityId;
    }

    public String kind() {
        return kind;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    /** Composite key: security ids are unique only within their issuer. */
    public record Key(String issuerId, String fromSecurityId, String toSecurityId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
