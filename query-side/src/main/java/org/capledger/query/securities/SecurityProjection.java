package org.capledger.query.securities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.capledger.api.CapTableEvent;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockAccepted;
import org.capledger.api.stock.StockTransaction;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.ledger.SecurityStatus;
import org.capledger.query.QuerySideConfiguration;
import org.capledger.query.common.Labels;
import org.springframework.stereotype.Component;

/** Keeps {@code security_view} and {@code security_link}: every security, its status and its chain. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class SecurityProjection {

    private final SecurityViewRepository securities;
    private final SecurityLinkRepository links;

    SecurityProjection(SecurityViewRepository securities, SecurityLinkRepository links) {
        this.securities = securities;
        this.links = links;
    }

    @EventHandler
    void on(StockIssued e, @Timestamp Instant recordedAt) {
        SecurityView view = newView(e.issuerId().value(), e.securityId().value(), e.securityLabel(),
                e.stakeholderId().value(), e.stockClassId().value(), e.quantity().value(), e.date(), "ISSUANCE",
                recordedAt);
        view.priceAmount = e.pricePerShare().amount();
        view.priceCurrency = e.pricePerShare().currency();
        view.consideration = e.consideration();
        securities.save(view);
    }

    @EventHandler
    void on(StockAccepted e) {
        SecurityView view = securities.findById(new SecurityView.Key(e.issuerId().value(), e.securityId().value()))
                .orElseThrow();
        view.acceptedOn = e.date();
        securities.save(view);
    }

    /** Every terminal transaction: its sources are extinguished, its new securities issued and linked to them. */
    @EventHandler
    void on(StockTransaction e, @Timestamp Instant recordedAt) {
        if (e instanceof StockAccepted) {
            return;
        }
        String status = SecurityStatus.extinguishedBy(e.kind()).name();
        for (SecurityId source : e.sourceSecurityIds()) {
            SecurityView view = securities.findById(new SecurityView.Key(e.issuerId().value(), source.value()))
                    .orElseThrow();
            view.status = status;
            view.extinguishedOn = e.date();
            securities.save(view);
            for (SecurityId result : e.resultsOf(source)) {
                links.save(new SecurityLink(e.issuerId().value(), source.value(), result.value(), e.kind(),
                        e.date()));
            }
        }
        for (ResultingSecurity r : e.newSecurities()) {
            securities.save(newView(e.issuerId().value(), r.securityId().value(), r.securityLabel(),
                    r.stakeholderId().value(), r.stockClassId().value(), r.quantity().value(), e.date(), e.kind(),
                    recordedAt));
        }
    }

    /** Stock issued by an exercise or release, linked to the grant it came from. */
    @EventHandler
    void on(EquityCompensationTransaction e, @Timestamp Instant recordedAt) {
        issued(e, e.securityId(), e.kind(), e.resultingStock(), recordedAt);
    }

    /** Stock issued by a warrant's exercise. */
    @EventHandler
    void on(WarrantTransaction e, @Timestamp Instant recordedAt) {
        issued(e, e.securityId(), e.kind(), e.resultingStock(), recordedAt);
    }

    /** Stock issued by a convertible's conversion. */
    @EventHandler
    void on(ConvertibleTransaction e, @Timestamp Instant recordedAt) {
        issued(e, e.securityId(), e.kind(), e.resultingStock(), recordedAt);
    }

    private void issued(CapTableEvent e, SecurityId from, String kind, List<ResultingSecurity> stock,
                        Instant recordedAt) {
        for (ResultingSecurity r : stock) {
            securities.save(newView(e.issuerId().value(), r.securityId().value(), r.securityLabel(),
                    r.stakeholderId().value(), r.stockClassId().value(), r.quantity().value(), e.date(), kind,
                    recordedAt));
            links.save(new SecurityLink(e.issuerId().value(), from.value(), r.securityId().value(), kind, e.date()));
        }
    }

    private static SecurityView newView(String issuerId, String securityId, String label, String stakeholderId,
                                        String stockClassId, BigDecimal quantity,
                                        LocalDate issueDate, String origin, Instant recordedAt) {
        SecurityView view = new SecurityView();
        view.securityId = securityId;
        view.issuerId = issuerId;
        view.label = label;
        view.labelNumber = Labels.number(label);
        view.stakeholderId = stakeholderId;
        view.stockClassId = stockClassId;
        view.quantity = quantity;
        view.issueDate = issueDate;
        view.status = "OUTSTANDING";
        view.origin = origin;
        view.recordedAt = recordedAt;
        return view;
    }

    @ResetHandler
    void reset() {
        links.deleteAllInBatch();
        securities.deleteAllInBatch();
    }
}
