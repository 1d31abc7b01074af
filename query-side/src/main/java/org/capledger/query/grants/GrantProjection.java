package org.capledger.query.grants;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.capledger.api.equity.EquityCompensationAccepted;
import org.capledger.api.equity.EquityCompensationCancelled;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.EquityCompensationRepriced;
import org.capledger.api.equity.EquityCompensationRetracted;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.equity.EquityCompensationTransferred;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.plan.SharesReturnedToPool;
import org.capledger.api.plan.StockPlanCreated;
import org.capledger.api.plan.StockPlanPoolAdjusted;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.value.StockClassId;
import org.capledger.ledger.SecurityStatus;
import org.capledger.query.QuerySideConfiguration;
import org.capledger.query.common.Labels;
import org.springframework.stereotype.Component;

/** Keeps {@code stock_plan_view} and {@code grant_view}. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class GrantProjection {

    private final StockPlanViewRepository plans;
    private final GrantViewRepository grants;

    GrantProjection(StockPlanViewRepository plans, GrantViewRepository grants) {
        this.plans = plans;
        this.grants = grants;
    }

    @EventHandler
    void on(StockPlanCreated e, @SequenceNumber long sequence) {
        StockPlanView view = new StockPlanView();
        view.stockPlanId = e.stockPlanId().value();
        view.issuerId = e.issuerId().value();
        view.planName = e.planName();
        view.createdOn = e.date();
        view.cancellationBehavior = e.defaultCancellationBehavior().name();
        view.stockClassIds = String.join(",", e.stockClassIds().stream().map(StockClassId::value).toList());
        view.reserve(e.initialSharesReserved().value(), e.date(), sequence);
        view.sharesConsumed = BigDecimal.ZERO;
        view.grantsOutstanding = BigDecimal.ZERO;
        plans.save(view);
    }

    @EventHandler
    void on(StockPlanPoolAdjusted e, @SequenceNumber long sequence) {
        StockPlanView view = plan(e.issuerId().value(), e.stockPlanId().value());
        view.reserve(e.sharesReserved().value(), e.date(), sequence);
        plans.save(view);
    }

    @EventHandler
    void on(SharesReturnedToPool e) {
        StockPlanView view = plan(e.issuerId().value(), e.stockPlanId().value());
        view.sharesConsumed = view.sharesConsumed.subtract(e.quantity().value());
        view.sharesReturned = view.sharesReturned.add(e.quantity().value());
        plans.save(view);
    }

    @EventHandler
    void on(EquityCompensationIssued e, @Timestamp Instant recordedAt) {
        GrantView view = new GrantView();
        view.securityId = e.securityId().value();
        view.issuerId = e.issuerId().value();
        view.label = e.securityLabel();
        view.labelNumber = Labels.number(e.securityLabel());
        view.stakeholderId = e.stakeholderId().value();
        view.stockPlanId = e.stockPlanId() == null ? null : e.stockPlanId().value();
        view.stockClassId = e.stockClassId().value();
        view.compensationType = e.compensationType().name();
        view.quantity = e.quantity().value();
        if (e.exercisePrice() != null) {
            view.exercisePriceAmount = e.exercisePrice().amount();
            view.exercisePriceCurrency = e.exercisePrice().currency();
        }
        view.expirationDate = e.expirationDate();
        view.issueDate = e.date();
        view.status = "OUTSTANDING";
        view.origin = "ISSUANCE";
        view.recordedAt = recordedAt;
        grants.save(view);
        if (e.stockPlanId() != null) {
            StockPlanView plan = plan(e.issuerId().value(), e.stockPlanId().value());
            plan.sharesConsumed = plan.sharesConsumed.add(e.quantity().value());
            plan.grantsOutstanding = plan.grantsOutstanding.add(e.quantity().value());
            plan.sharesGranted = plan.sharesGranted.add(e.quantity().value());
            plans.save(plan);
        }
    }

    @EventHandler
    void on(EquityCompensationTransaction e, @Timestamp Instant recordedAt) {
        GrantView source = grant(e.issuerId().value(), e.securityId().value());
        if (e instanceof EquityCompensationAccepted) {
            source.acceptedOn = e.date();
            grants.save(source);
            return;
        }
        if (e instanceof EquityCompensationRepriced r) {
            source.exercisePriceAmount = r.newExercisePrice().amount();
            source.exercisePriceCurrency = r.newExercisePrice().currency();
            grants.save(source);
            return;
        }
        if (!e.terminal()) {
            return;
        }
        source.status = SecurityStatus.extinguishedBy(e.kind()).name();
        source.extinguishedOn = e.date();
        grants.save(source);
        ResultingGrant balance = e.balance();
        BigDecimal stillGranted = BigDecimal.ZERO;
        if (balance != null) {
            GrantView view = source.copy();
            view.securityId = balance.securityId().value();
            view.label = balance.securityLabel();
            view.labelNumber = Labels.number(balance.securityLabel());
            view.quantity = balance.quantity().value();
            if (e instanceof EquityCompensationTransferred t) {
                view.stakeholderId = t.toStakeholderId().value();
                view.acceptedOn = null;
            }
            view.issueDate = e.date();
            view.status = "OUTSTANDING";
            view.origin = e.kind();
            view.sourceSecurityId = source.securityId;
            view.recordedAt = recordedAt;
            grants.save(view);
            stillGranted = balance.quantity().value();
        }
        if (source.stockPlanId != null) {
            StockPlanView plan = plan(source.issuerId, source.stockPlanId);
            plan.grantsOutstanding = plan.grantsOutstanding.subtract(source.quantity).add(stillGranted);
            e.resultingStock().forEach(r -> plan.sharesExercised = plan.sharesExercised.add(r.quantity().value()));
            if (e instanceof EquityCompensationCancelled c) {
                plan.sharesConsumed = plan.sharesConsumed.subtract(c.returnedToPool().value());
                plan.sharesReturned = plan.sharesReturned.add(c.returnedToPool().value());
            } else if (e instanceof EquityCompensationRetracted) {
                plan.sharesConsumed = plan.sharesConsumed.subtract(source.quantity);
                plan.sharesGranted = plan.sharesGranted.subtract(source.quantity);
            }
            plans.save(plan);
        }
    }

    /** A split adjusts grants over its class and the pools of plans granting it. */
    @EventHandler
    void on(StockClassSplit e, @SequenceNumber long sequence) {
        for (StockClassSplit.Adjustment a : e.grantAdjustments()) {
            GrantView view = grant(e.issuerId().value(), a.securityId().value());
            if (view.stockPlanId != null) {
                StockPlanView plan = plan(e.issuerId().value(), view.stockPlanId);
                plan.grantsOutstanding = plan.grantsOutstanding.add(a.newQuantity().value()).subtract(view.quantity);
                plans.save(plan);
            }
            view.quantity = a.newQuantity().value();
            if (a.newPrice() != null) {
                view.exercisePriceAmount = a.newPrice().amount();
                view.exercisePriceCurrency = a.newPrice().currency();
            }
            grants.save(view);
        }
        for (StockClassSplit.PoolAdjustment p : e.poolAdjustments()) {
            StockPlanView plan = plan(e.issuerId().value(), p.stockPlanId().value());
            plan.reserve(p.newSharesReserved().value(), e.date(), sequence);
            plan.sharesConsumed = plan.sharesConsumed.add(p.consumedChange());
            plans.save(plan);
        }
    }

    private StockPlanView plan(String issuerId, String stockPlanId) {
        return plans.findById(new StockPlanView.Key(issuerId, stockPlanId)).orElseThrow();
    }

    private GrantView grant(String issuerId, String securityId) {
        return grants.findById(new GrantView.Key(issuerId, securityId)).orElseThrow();
    }

    @ResetHandler
    void reset() {
        grants.deleteAllInBatch();
        plans.deleteAllInBatch();
    }
}
