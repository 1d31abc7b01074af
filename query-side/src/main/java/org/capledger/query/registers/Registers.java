package org.capledger.query.registers;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.IssuerId;
import org.capledger.query.members.ReadAccess;
import org.springframework.stereotype.Service;

/**
 * The registers of one issuer as of a date, computed by {@link RegisterFold} from the issuer's whole event stream
 * (read from sequence 0, never from a snapshot), so they are current the moment a command has committed and need no
 * read model. The views are plain records: JSON and CSV render them today, a PDF can take the same records.
 * Access is the caller's to check.
 */
@Service
public class Registers {

    /** ISO 3166-1 alpha-2 code whose companies keep a register of members under the Companies Act 2006. */
    static final String GREAT_BRITAIN = "GB";

    private final EventStore eventStore;

    public Registers(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The stock ledger (8 Del. C. s.219, s.224) as of {@code asOf}.
     *
     * @throws CapledgerException ISSUER_NOT_FOUND, DATE_BEFORE_FORMATION
     */
    public StockLedgerView stockLedger(IssuerId issuerId, LocalDate asOf) {
        return fold(issuerId, asOf).stockLedger();
    }

    /**
     * The register of members (Companies Act 2006 s.113) as of {@code asOf}.
     *
     * @throws CapledgerException ISSUER_NOT_FOUND, REGISTER_NOT_APPLICABLE (the issuer was not formed in Great
     *                            Britain; property {@code countryOfFormation}), DATE_BEFORE_FORMATION
     */
    public RegisterOfMembersView registerOfMembers(IssuerId issuerId, LocalDate asOf) {
        RegisterFold fold = fold(issuerId, asOf);
        if (!GREAT_BRITAIN.equals(fold.countryOfFormation())) {
            throw new CapledgerException(ErrorCode.REGISTER_NOT_APPLICABLE, "A register of members (Companies Act "
                    + "2006 s.113) is kept by companies formed in Great Britain (GB); this issuer was formed in "
                    + fold.countryOfFormation(), Map.of("countryOfFormation", fold.countryOfFormation()));
        }
        return fold.registerOfMembers();
    }

    private RegisterFold fold(IssuerId issuerId, LocalDate asOf) {
        RegisterFold fold = new RegisterFold(asOf);
        boolean any = false;
        DomainEventStream stream = eventStore.readEvents(issuerId.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            any = true;
            if (message.getPayload() instanceof CapTableEvent event) {
                fold.add(new RecordedEvent(event, message.getSequenceNumber(), message.getTimestamp(),
                        message.getIdentifier()));
            }
        }
        if (!any || fold.formationDate() == null) {
            throw ReadAccess.notFound();
        }
        if (asOf.isBefore(fold.formationDate())) {
            throw new CapledgerException(ErrorCode.DATE_BEFORE_FORMATION, "The issuer was not yet formed on " + asOf,
                    Map.of("formationDate", fold.formationDate().toString()));
        }
        return fold;
    }
}
