package org.capledger.query.audit;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model row: one event of an issuer, with who recorded it, when, and a readable summary. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @Column(name = "global_position")
    long globalPosition;
    String issuerId;
    long sequenceNumber;
    String eventId;
    String eventType;
    LocalDate effectiveDate;
    Instant recordedAt;
    String actor;
    String correlationId;
    String summary;

    protected AuditEntry() {
    }

    public long globalPosition() {
        return globalPosition;
    }

    public String issuerId() {
        return issuerId;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String correlationId() {
        return correlationId;
    }

    public String summary() {
        return summary;
    }
}
