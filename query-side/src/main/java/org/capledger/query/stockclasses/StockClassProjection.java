package org.capledger.query.stockclasses;

import java.math.BigDecimal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.query.QuerySideConfiguration;
import org.springframework.stereotype.Component;

/** Keeps {@code stock_class_view}: terms, authorized and outstanding shares per class. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class StockClassProjection {

    private final StockClassViewRepository classes;

    StockClassProjection(StockClassViewRepository classes) {
        this.classes = classes;
    }

    @EventHandler
    void on(StockClassCreated e, @SequenceNumber long sequence) {
        StockClassView view = new StockClassView();
        view.stockClassId = e.stockClassId().value();
        view.issuerId = e.issuerId().value();
        view.name = e.name();
        view.classType = e.classType().name();
        view.certificatePrefix = e.certificatePrefix();
        if (e.parValue() != null) {
            view.parValueAmount = e.parValue().amount();
            view.parValueCurrency = e.parValue().currency();
        }
        view.votesPerShare = e.votesPerShare().value();
        view.seniority = e.seniority();
        view.fractionalSharesAllowed = e.fractionalSharesAllowed();
        view.sharesOutstanding = BigDecimal.ZERO;
        view.createdOn = e.date();
        view.authorize(e.initialSharesAuthorized().value(), e.date(), sequence);
        classes.save(view);
    }

    @EventHandler
    void on(StockClassAuthorizedSharesAdjusted e, @SequenceNumber long sequence) {
        StockClassView view = classes.findById(e.stockClassId().value()).orElseThrow();
        view.authorize(e.newSharesAuthorized().value(), e.date(), sequence);
        classes.save(view);
    }

    @EventHandler
    void on(StockIssued e) {
        StockClassView view = classes.findById(e.stockClassId().value()).orElseThrow();
        view.sharesOutstanding = view.sharesOutstanding.add(e.quantity().value());
        classes.save(view);
    }

    @ResetHandler
    void reset() {
        classes.deleteAllInBatch();
    }
}
