package org.capledger.query.stockclasses;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockTransaction;
import org.capledger.api.stockclass.ConversionRatioAdjusted;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.query.QuerySideConfiguration;
import org.capledger.query.securities.SecurityView;
import org.capledger.query.securities.SecurityViewRepository;
import org.springframework.stereotype.Component;

/** Keeps {@code stock_class_view}: terms, authorized and outstanding shares per class. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class StockClassProjection {

    private final StockClassViewRepository classes;
    private final ConversionRightViewRepository conversionRights;
    private final SecurityViewRepository securities;

    StockClassProjection(StockClassViewRepository classes, ConversionRightViewRepository conversionRights,
                         SecurityViewRepository securities) {
        this.classes = classes;
        this.conversionRights = conversionRights;
        this.securities = securities;
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
        for (ConversionRight right : e.conversionRights() == null ? List.<ConversionRight>of() : e.conversionRights()) {
            ConversionRightView row = new ConversionRightView();
            row.stockClassId = e.stockClassId().value();
            row.convertsToStockClassId = right.convertsToStockClassId().value();
            row.issuerId = e.issuerId().value();
            row.ratioNumerator = right.ratio().numerator();
            row.ratioDenominator = right.ratio().denominator();
            row.roundingType = right.roundingType().name();
            row.ratioDate = e.date();
            conversionRights.save(row);
        }
    }

    /** Adjustments come in recording order; the row keeps the one latest in effective order. */
    @EventHandler
    void on(ConversionRatioAdjusted e) {
        conversionRights.findById(new ConversionRightView.Key(e.issuerId().value(), e.stockClassId().value(),
                e.convertsToStockClassId().value())).filter(row -> !e.date().isBefore(row.ratioDate)).ifPresent(row -> {
            row.ratioNumerator = e.newRatio().numerator();
            row.ratioDenominator = e.newRatio().denominator();
            row.ratioDate = e.date();
            conversionRights.save(row);
        });
    }

    /** Outstanding shares move by what the transaction created less what it extinguished, per class. */
    @EventHandler
    void on(StockTransaction e, @SequenceNumber long sequence) {
        Map<String, BigDecimal> change = new HashMap<>();
        for (SecurityId source : e.sourceSecurityIds()) {
            SecurityView view = securities.findById(new SecurityView.Key(e.issuerId().value(), source.value()))
                    .orElseThrow();
            change.merge(view.stockClassId(), view.quantity().negate(), BigDecimal::add);
        }
        for (ResultingSecurity r : e.newSecurities()) {
            change.merge(r.stockClassId().value(), r.quantity().value(), BigDecimal::add);
        }
        change.forEach((stockClassId, delta) -> {
            StockClassView view = stockClass(e.issuerId().value(), stockClassId);
            view.sharesOutstanding = view.sharesOutstanding.add(delta);
            classes.save(view);
        });
        if (e instanceof StockClassSplit split) {
            StockClassView view = stockClass(e.issuerId().value(), split.stockClassId().value());
            view.authorize(split.newSharesAuthorized().value(), split.date(), sequence);
            view.lastSplitOn = split.date();
            classes.save(view);
        }
    }

    @EventHandler
    void on(StockClassAuthorizedSharesAdjusted e, @SequenceNumber long sequence) {
        StockClassView view = stockClass(e.issuerId().value(), e.stockClassId().value());
        view.authorize(e.newSharesAuthorized().value(), e.date(), sequence);
        classes.save(view);
    }

    @EventHandler
    void on(StockIssued e) {
        StockClassView view = stockClass(e.issuerId().value(), e.stockClassId().value());
        view.sharesOutstanding = view.sharesOutstanding.add(e.quantity().value());
        classes.save(view);
    }

    /** Stock issued by an exercise or release. */
    @EventHandler
    void on(EquityCompensationTransaction e) {
        issued(e.issuerId().value(), e.resultingStock());
    }

    /** Stock issued by a warrant's exercise. */
    @EventHandler
    void on(WarrantTransaction e) {
        issued(e.issuerId().value(), e.resultingStock());
    }

    /** Stock issued by a convertible's conversion. */
    @EventHandler
    void on(ConvertibleTransaction e) {
        issued(e.issuerId().value(), e.resultingStock());
    }

    private void issued(String issuerId, List<ResultingSecurity> stock) {
        for (ResultingSecurity r : stock) {
            StockClassView view = stockClass(issuerId, r.stockClassId().value());
            view.sharesOutstanding = view.sharesOutstanding.add(r.quantity().value());
            classes.save(view);
        }
    }

    private StockClassView stockClass(String issuerId, String stockClassId) {
        return classes.findById(new StockClassView.Key(issuerId, stockClassId)).orElseThrow();
    }

    @ResetHandler
    void reset() {
        conversionRights.deleteAllInBatch();
        classes.deleteAllInBatch();
    }
}
