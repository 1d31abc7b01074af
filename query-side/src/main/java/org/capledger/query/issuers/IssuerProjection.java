package org.capledger.query.issuers;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.capledger.api.IssuerEvent;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.query.QuerySideConfiguration;
import org.springframework.stereotype.Component;

/** Keeps {@code issuer_view}: issuers, issuer-wide authorized shares, and each issuer's latest version. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class IssuerProjection {

    private final IssuerViewRepository issuers;

    IssuerProjection(IssuerViewRepository issuers) {
        this.issuers = issuers;
    }

    @EventHandler
    void on(IssuerEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        IssuerView issuer;
        if (event instanceof IssuerCreated e) {
            issuer = new IssuerView(e.issuerId().value(), e.legalName(), e.formationDate(), e.countryOfFormation(),
                    e.subdivisionOfFormation(), e.taxId(), recordedAt);
            if (e.initialSharesAuthorized() != null) {
                issuer.authorize(e.initialSharesAuthorized().value(), e.date(), sequence);
            }
        } else {
            issuer = issuers.findById(event.issuerId().value()).orElseThrow();
            if (event instanceof IssuerAuthorizedSharesAdjusted e) {
                issuer.authorize(e.newSharesAuthorized().value(), e.date(), sequence);
            }
        }
        issuer.version = sequence;
        issuer.updatedAt = recordedAt;
        issuers.save(issuer);
    }

    @ResetHandler
    void reset() {
        issuers.deleteAllInBatch();
    }
}
