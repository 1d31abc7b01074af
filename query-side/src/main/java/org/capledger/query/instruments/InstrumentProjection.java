package org.capledger.query.instruments;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.convertible.ConvertibleTransferred;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.value.Money;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.api.warrant.WarrantTransferred;
import org.capledger.ledger.InstrumentRecord;
import org.capledger.ledger.SecurityStatus;
import org.capledger.query.QuerySideConfiguration;
import org.capledger.query.common.Labels;
import org.springframework.stereotype.Component;

/** Keeps {@code instrument_view}: warrants and convertibles. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class InstrumentProjection {

    private final InstrumentViewRepository instruments;

    InstrumentProjection(InstrumentViewRepository instruments) {
        this.instruments = instruments;
    }

    @EventHandler
    void on(WarrantIssued e, @Timestamp Instant recordedAt) {
        InstrumentView v = newView(e.issuerId().value(), e.securityId().value(), InstrumentRecord.WARRANT,
                e.securityLabel(), e.stakeholderId().value(), e.date(), recordedAt);
        v.stockClassId = e.stockClassId().value();
        v.quantity = e.quantity() == null ? null : e.quantity().value();
        if (e.exercisePrice() != null) {
            v.exercisePriceAmount = e.exercisePrice().amount();
            v.exercisePriceCurrency = e.exercisePrice().currency();
        }
        v.purchasePriceAmount = e.purchasePrice().amount();
        v.purchasePriceCurrency = e.purchasePrice().currency();
        v.expirationDate = e.expirationDate();
        instruments.save(v);
    }

    @EventHandler
    void on(ConvertibleIssued e, @Timestamp Instant recordedAt) {
        InstrumentView v = newView(e.issuerId().value(), e.securityId().value(), InstrumentRecord.CONVERTIBLE,
                e.securityLabel(), e.stakeholderId().value(), e.date(), recordedAt);
        v.convertibleType = e.convertibleType().name();
        v.investmentAmount = e.investmentAmount().amount();
        v.investmentCurrency = e.investmentAmount().currency();
        v.seniority = e.seniority();
        ConversionTerms t = e.terms();
        if (t != null) {
            v.stockClassId = t.stockClassId() == null ? null : t.stockClassId().value();
            Money cap = t.valuationCap();
            if (cap != null) {
                v.valuationCapAmount = cap.amount();
                v.valuationCapCurrency = cap.currency();
            }
            Money price = t.conversionPrice();
            if (price != null) {
                v.conversionPriceAmount = price.amount();
                v.conversionPriceCurrency = price.currency();
            }
            v.discount = t.discount();
            v.conversionTiming = t.timing() == null ? null : t.timing().name();
            v.interestRate = t.interestRate();
            v.maturityDate = t.maturityDate();
        }
        instruments.save(v);
    }

    @EventHandler
    void on(WarrantTransaction e, @Timestamp Instant recordedAt) {
        apply(e.issuerId().value(), e.securityId().value(), e.kind(), e.terminal(), e.date(), e.balance(),
                e instanceof WarrantTransferred t ? t.toStakeholderId() : null, recordedAt);
    }

    @EventHandler
    void on(ConvertibleTransaction e, @Timestamp Instant recordedAt) {
        apply(e.issuerId().value(), e.securityId().value(), e.kind(), e.terminal(), e.date(), e.balance(),
                e instanceof ConvertibleTransferred t ? t.toStakeholderId() : null, recordedAt);
    }

    /** A split adjusts warrants over its class. */
    @EventHandler
    void on(StockClassSplit e) {
        for (StockClassSplit.Adjustment a : e.warrantAdjustments()) {
            InstrumentView view = instruments.findById(new InstrumentView.Key(e.issuerId().value(),
                    a.securityId().value())).orElseThrow();
            view.quantity = a.newQuantity() == null ? null : a.newQuantity().value();
            if (a.newPrice() != null) {
                view.exercisePriceAmount = a.newPrice().amount();
                view.exercisePriceCurrency = a.newPrice().currency();
            }
            instruments.save(view);
        }
    }

    private void apply(String issuerId, String id, String kind, boolean terminal, java.time.LocalDate date,
                       ResultingGrant balance, StakeholderId transferee, Instant recordedAt) {
        InstrumentView source = instruments.findById(new InstrumentView.Key(issuerId, id)).orElseThrow();
        if (!terminal) {
            source.acceptedOn = date;
            instruments.save(source);
            return;
        }
        source.status = SecurityStatus.extinguishedBy(kind).name();
        source.extinguishedOn = date;
        instruments.save(source);
        if (balance != null) {
            InstrumentView next = source.copy();
            next.securityId = balance.securityId().value();
            next.label = balance.securityLabel();
            next.labelNumber = Labels.number(balance.securityLabel());
            if (balance.quantity() != null) {
                next.quantity = balance.quantity().value();
            }
            if (transferee != null) {
                next.stakeholderId = transferee.value();
            }
            next.issueDate = date;
            next.status = "OUTSTANDING";
            next.origin = kind;
            next.sourceSecurityId = id;
            next.recordedAt = recordedAt;
            instruments.save(next);
        }
    }

    private static InstrumentView newView(String issuerId, String id, String kind, String label, String holder,
                                          java.time.LocalDate date, Instant recordedAt) {
        InstrumentView v = new InstrumentView();
        v.securityId = id;
        v.issuerId = issuerId;
        v.kind = kind;
        v.label = label;
        v.labelNumber = Labels.number(label);
        v.stakeholderId = holder;
        v.issueDate = date;
        v.status = "OUTSTANDING";
        v.origin = "ISSUANCE";
        v.recordedAt = recordedAt;
        return v;
    }

    @ResetHandler
    void reset() {
        instruments.deleteAllInBatch();
    }
}
