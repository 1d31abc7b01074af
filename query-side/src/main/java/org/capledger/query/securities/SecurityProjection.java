package org.capledger.query.securities;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.capledger.api.issuance.StockIssued;
import org.capledger.query.QuerySideConfiguration;
import org.springframework.stereotype.Component;

/** Keeps {@code security_view}. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class SecurityProjection {

    private final SecurityViewRepository securities;

    SecurityProjection(SecurityViewRepository securities) {
        this.securities = securities;
    }

    @EventHandler
    void on(StockIssued e, @Timestamp Instant recordedAt) {
        SecurityView view = new SecurityView();
        view.securityId = e.securityId().value();
        view.issuerId = e.issuerId().value();
        view.label = e.securityLabel();
        view.labelNumber = labelNumber(e.securityLabel());
        view.stakeholderId = e.stakeholderId().value();
        view.stockClassId = e.stockClassId().value();
        view.quantity = e.quantity().value();
        view.priceAmount = e.pricePerShare().amount();
        view.priceCurrency = e.pricePerShare().currency();
        view.consideration = e.consideration();
        view.issueDate = e.date();
        view.status = "OUTSTANDING";
        view.recordedAt = recordedAt;
        securities.save(view);
    }

    @ResetHandler
    void reset() {
        securities.deleteAllInBatch();
    }

    /** The number after the class prefix, so that CS-10 sorts after CS-9. */
    static long labelNumber(String label) {
        int i = label.length();
        while (i > 0 && Character.isDigit(label.charAt(i - 1))) {
            i--;
        }
        return i == label.length() ? 0 : Long.parseLong(label.substring(i));
    }
}
