package org.capledger.query.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.value.IssuerId;
import org.capledger.query.members.ReadAccess;
import org.capledger.query.processing.EventProcessors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Builds the ledger integrity report of an issuer: reads its whole event stream (from sequence 0, not from a
 * snapshot), lets the read models catch up with the store, reads the certificate registers, and runs
 * {@link IntegrityChecks}.
 */
@Service
public class IntegrityReports {

    private final EventStore eventStore;
    private final List<CertificateRecords> registers;
    private final EventProcessors processors;
    private final Duration wait;

    public IntegrityReports(EventStore eventStore, List<CertificateRecords> registers, EventProcessors processors,
                            @Value("${capledger.consistency-wait:10s}") Duration wait) {
        this.eventStore = eventStore;
        this.registers = List.copyOf(registers);
        this.processors = processors;
        this.wait = wait;
    }

    /**
     * @param asOf the last effective date the checks judge
     * @throws CapledgerException ISSUER_NOT_FOUND, DATE_BEFORE_FORMATION
     */
    public IntegrityReport report(IssuerId issuerId, LocalDate asOf) {
        List<RecordedEvent> events = new ArrayList<>();
        LocalDate formed = null;
        DomainEventStream stream = eventStore.readEvents(issuerId.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof CapTableEvent event) {
                events.add(new RecordedEvent(message.getSequenceNumber(), event));
                if (event instanceof IssuerCreated created) {
                    formed = created.formationDate();
                }
            }
        }
        if (formed == null) {
            throw ReadAccess.notFound();
        }
        if (asOf.isBefore(formed)) {
            throw new CapledgerException(ErrorCode.DATE_BEFORE_FORMATION, "The issuer was not yet formed on " + asOf);
        }
        // The registers are read models: let them reach at least the events just read before comparing.
        processors.awaitProcessed(processors.headPosition(), wait);
        Map<String, List<CertificateRecord>> rows = new LinkedHashMap<>();
        for (CertificateRecords register : registers) {
            rows.put(register.source(), register.records(issuerId));
        }
        return IntegrityChecks.report(issuerId.value(), events, asOf, rows);
    }
}
