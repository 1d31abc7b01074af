package org.capledger.api;

import java.time.LocalDate;

/**
 * An event of an issuer's CapTable stream. Each carries the date it takes legal effect ({@link #date()});
 * when it was recorded is the event message's timestamp, and who recorded it is in the message's metadata.
 */
public interface CapTableEvent extends IssuerEvent {

    /** @return the effective date: when the transaction takes legal effect (ISO 8601 calendar date) */
    @Override
    LocalDate date();

    /**
     * @return the first date whose state this event changes; as-of views of earlier dates ignore it. Normally
     *         the effective date; a retraction voids its issuance from the issuance's own date.
     */
    default LocalDate appliesFrom() {
        return date();
    }
}
