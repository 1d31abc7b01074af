package org.capledger.api;

import java.time.LocalDate;

import org.capledger.api.value.IssuerId;

/** Any event of an issuer's stream: ledger transactions ({@link CapTableEvent}) and access changes. */
public interface IssuerEvent {

    IssuerId issuerId();

    /** @return the date the event takes effect (ISO 8601 calendar date) */
    LocalDate date();
}
