package org.capledger.query.reports;

import org.capledger.api.CapTableEvent;

/**
 * One event of an issuer's stream as recorded.
 *
 * @param sequence its aggregate sequence number: recording order, and the {@code sequenceNumber} of the audit trail
 * @param event    the event
 */
public record RecordedEvent(long sequence, CapTableEvent event) {
}
