package org.capledger.query.captable;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.value.StockPlanId;
import org.capledger.ledger.CapTableCalculator;
import org.capledger.ledger.CapTableView;
import org.capledger.ledger.InstrumentRecord;
import org.capledger.ledger.Ledger;
import org.capledger.query.grants.GrantViewRepository;
import org.capledger.query.grants.StockPlanView;
import org.capledger.query.grants.StockPlanViewRepository;
import org.capledger.query.instruments.InstrumentView;
import org.capledger.query.instruments.InstrumentViewRepository;
import org.capledger.query.issuers.IssuerView;
import org.capledger.query.issuers.IssuerViewRepository;
import org.capledger.query.members.ReadAccess;
import org.capledger.query.securities.SecurityViewRepository;
import org.capledger.query.stakeholders.StakeholderView;
import org.capledger.query.stakeholders.StakeholderViewRepository;
import org.capledger.query.stockclasses.StockClassView;
import org.capledger.query.stockclasses.StockClassViewRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cap table, two ways with one shape: today's from the read models, or any effective date's by replaying
 * the issuer's whole event stream (from sequence 0, not from a snapshot) through the shared {@link Ledger},
 * keeping only events effective on or before that date.
 */
@Service
public class CapTableQueries {

    private final IssuerViewRepository issuers;
    private final StockClassViewRepository classes;
    private final SecurityViewRepository securities;
    private final StakeholderViewRepository stakeholders;
    private final EventStore eventStore;
    private final GrantViewRepository grants;
    private final StockPlanViewRepository plans;
    private final InstrumentViewRepository instruments;

    public CapTableQueries(IssuerViewRepository issuers, StockClassViewRepository classes,
                           SecurityViewRepository securities, StakeholderViewRepository stakeholders,
                           EventStore eventStore, GrantViewRepository grants, StockPlanViewRepository plans,
                           InstrumentViewRepository instruments) {
        this.instruments = instruments;
        this.grants = grants;
        this.plans = plans;
        this.issuers = issuers;
        this.classes = classes;
        this.securities = securities;
        this.stakeholders = stakeholders;
        this.eventStore = eventStore;
    }

    /** @throws CapledgerException ISSUER_NOT_FOUND */
    @Transactional(readOnly = true)
    public CapTableView current(IssuerId issuerId) {
        IssuerView issuer = issuers.findById(issuerId.value()).orElseThrow(ReadAccess::notFound);
        List<CapTableCalculator.ClassFigures> figures = new ArrayList<>();
        Map<String, StockClassView> byId = new HashMap<>();
        for (StockClassView c : classes.findByIssuerId(issuerId.value())) {
            byId.put(c.stockClassId(), c);
            figures.add(new CapTableCalculator.ClassFigures(StockClassId.of(c.stockClassId()), c.name(),
                    StockClassType.valueOf(c.classType()), new Quantity(c.votesPerShare()),
                    new Quantity(c.sharesAuthorized()), new Quantity(c.sharesOutstanding())));
        }
        List<CapTableCalculator.HolderPosition> positions = new ArrayList<>();
        for (SecurityViewRepository.Position p : securities.outstandingPositions(issuerId.value())) {
            String name = holderName(issuerId, p.getStakeholderId());
            positions.add(new CapTableCalculator.HolderPosition(StakeholderId.of(p.getStakeholderId()), name,
                    StockClassId.of(p.getStockClassId()), new Quantity(p.getShares())));
        }
        List<CapTableCalculator.DilutivePosition> grantPositions = new ArrayList<>();
        for (GrantViewRepository.Position p : grants.outstandingPositions(issuerId.value())) {
            String name = holderName(issuerId, p.getStakeholderId());
            grantPositions.add(new CapTableCalculator.DilutivePosition(StakeholderId.of(p.getStakeholderId()), name,
                    CapTableCalculator.Dilution.GRANT, new Quantity(p.getShares())));
        }
        List<CapTableView.UncountedRow> notCounted = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (InstrumentView view : instruments.findByIssuerIdAndStatus(issuerId.value(), "OUTSTANDING")) {
            InstrumentRecord x = view.toRecord();
            String name = holderName(issuerId, view.stakeholderId());
            Quantity shares = x.sharesAsConverted(today);
            if (shares != null) {
                grantPositions.add(new CapTableCalculator.DilutivePosition(x.stakeholderId(), name,
                        InstrumentRecord.WARRANT.equals(x.kind()) ? CapTableCalculator.Dilution.WARRANT
                                : CapTableCalculator.Dilution.CONVERTIBLE, shares));
            } else {
                notCounted.add(new CapTableView.UncountedRow(view.securityId(), view.label(), x.stakeholderId(), name,
                        x.kind(), view.convertibleType(), x.investmentAmount(),
                        x.terms() == null ? null : x.terms().valuationCap(),
                        x.terms() == null ? null : x.terms().discount()));
            }
        }
        notCounted.sort(java.util.Comparator.comparing(CapTableView.UncountedRow::label));
        List<CapTableCalculator.PlanFigures> planFigures = new ArrayList<>();
        for (StockPlanView plan : plans.findByIssuerIdOrderByPlanName(issuerId.value())) {
            planFigures.add(new CapTableCalculator.PlanFigures(StockPlanId.of(plan.stockPlanId()), plan.planName(),
                    new Quantity(plan.sharesReserved()), new Quantity(plan.grantsOutstanding()),
                    new Quantity(plan.sharesAvailable())));
        }
        return CapTableCalculator.compute(issuerId, issuer.legalName(), null,
                issuer.sharesAuthorized() == null ? null : new Quantity(issuer.sharesAuthorized()), figures, positions,
                grantPositions, planFigures, notCounted);
    }

    private String holderName(IssuerId issuerId, String stakeholderId) {
        return stakeholders.findById(new StakeholderView.Key(issuerId.value(), stakeholderId))
                .map(StakeholderView::legalName).orElseThrow();
    }

    /** @throws CapledgerException ISSUER_NOT_FOUND, DATE_BEFORE_FORMATION */
    public CapTableView asOf(IssuerId issuerId, LocalDate date) {
        return replay(issuerId, date).capTable(date);
    }

    /** Folds every event of the issuer effective on or before {@code date} into a fresh Ledger. */
    public Ledger replay(IssuerId issuerId, LocalDate date) {
        return replay(issuerId, date, (event, sequence) -> {
        });
    }

    /**
     * {@link #replay(IssuerId, LocalDate)}, showing {@code observer} every event of the stream as it is read, in
     * recording order and whatever its date, with its sequence number: what a report needs beyond the folded state
     * (a class's authorized shares over time, a stakeholder's relationship on a date) comes from one read.
     *
     * @throws CapledgerException ISSUER_NOT_FOUND, DATE_BEFORE_FORMATION
     */
    public Ledger replay(IssuerId issuerId, LocalDate date, BiConsumer<CapTableEvent, Long> observer) {
        Ledger ledger = Ledger.empty();
        boolean any = false;
        DomainEventStream stream = eventStore.readEvents(issuerId.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            any = true;
            if (message.getPayload() instanceof CapTableEvent event) {
                observer.accept(event, message.getSequenceNumber());
                if (!event.appliesFrom().isAfter(date)) {
                    ledger.apply(event, message.getSequenceNumber());
                }
            }
        }
        if (!any) {
            throw ReadAccess.notFound();
        }
        if (ledger.issuer().isEmpty()) {
            throw new CapledgerException(ErrorCode.DATE_BEFORE_FORMATION,
                    "The issuer was not yet formed on " + date);
        }
        return ledger;
    }

}
