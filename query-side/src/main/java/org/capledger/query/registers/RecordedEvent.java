package org.capledger.query.registers;

import java.time.Instant;

import org.capledger.api.CapTableEvent;

/**
 * One event of an issuer's stream as the registers read it.
 *
 * @param event          the payload
 * @param sequenceNumber its position in the issuer's stream (0 = IssuerCreated): the recording order
 * @param recordedAt     when Capledger recorded it (the event's timestamp, UTC)
 * @param eventId        the event's identifier in the event store ({@code domainevententry.eventidentifier})
 */
public record RecordedEvent(CapTableEvent event, long sequenceNumber, Instant recordedAt, String eventId) {
}
