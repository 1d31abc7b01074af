package org.capledger.query.members;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Read model row: one account's role on one issuer. */
@Entity
@Table(name = "issuer_member")
@IdClass(IssuerMember.Key.class)
public class IssuerMember {

    /** Composite key. */
    public record Key(String issuerId, String accountId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    String issuerId;
    @Id
    String accountId;
    String role;
    String stakeholderId;
    LocalDate grantedOn;

    protected IssuerMember() {
    }

    public String issuerId() {
        return issuerId;
    }

    public String accountId() {
        return accountId;
    }

    public String role() {
        return role;
    }

    public String stakeholderId() {
        return stakeholderId;
    }

    public LocalDate grantedOn() {
        return grantedOn;
    }
}
