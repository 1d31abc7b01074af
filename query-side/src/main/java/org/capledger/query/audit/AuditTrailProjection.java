package org.capledger.query.audit;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.capledger.api.IssuerEvent;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.access.InvitationRevoked;
import org.capledger.api.access.MemberInvited;
import org.capledger.api.access.RoleGranted;
import org.capledger.api.access.RoleRevoked;
import org.capledger.api.convertible.ConvertibleAccepted;
import org.capledger.api.convertible.ConvertibleCancelled;
import org.capledger.api.convertible.ConvertibleConverted;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleRetracted;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.convertible.ConvertibleTransferred;
import org.capledger.api.equity.EquityCompensationAccepted;
import org.capledger.api.equity.EquityCompensationCancelled;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.EquityCompensationReleased;
import org.capledger.api.equity.EquityCompensationRepriced;
import org.capledger.api.equity.EquityCompensationRetracted;
import org.capledger.api.equity.EquityCompensationTransferred;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.equity.VestingAccelerated;
import org.capledger.api.equity.VestingEventRecorded;
import org.capledger.api.equity.VestingStarted;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.plan.SharesReturnedToPool;
import org.capledger.api.plan.StockPlanCreated;
import org.capledger.api.plan.StockPlanPoolAdjusted;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderRelationshipChanged;
import org.capledger.api.stakeholder.StakeholderStatusChanged;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockAccepted;
import org.capledger.api.stock.StockCancelled;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockConsolidated;
import org.capledger.api.stock.StockConverted;
import org.capledger.api.stock.StockReissued;
import org.capledger.api.certificate.CertificateOfficersSet;
import org.capledger.api.certificate.StockClassLegendsSet;
import org.capledger.api.stock.StockRepurchased;
import org.capledger.api.stock.StockRetracted;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stockclass.ConversionRatioAdjusted;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.WarrantAccepted;
import org.capledger.api.warrant.WarrantCancelled;
import org.capledger.api.warrant.WarrantExercised;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.api.warrant.WarrantRetracted;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.api.warrant.WarrantTransferred;
import org.capledger.query.QuerySideConfiguration;
import org.capledger.query.grants.GrantView;
import org.capledger.query.grants.GrantViewRepository;
import org.capledger.query.grants.StockPlanView;
import org.capledger.query.grants.StockPlanViewRepository;
import org.capledger.query.instruments.InstrumentView;
import org.capledger.query.instruments.InstrumentViewRepository;
import org.capledger.query.securities.SecurityView;
import org.capledger.query.securities.SecurityViewRepository;
import org.capledger.query.stakeholders.StakeholderView;
import org.capledger.query.stakeholders.StakeholderViewRepository;
import org.capledger.query.stockclasses.StockClassView;
import org.capledger.query.stockclasses.StockClassViewRepository;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code audit_entry}: one row per event, keyed by its global position in the event store. Summaries name
 * stakeholders and classes as the read models know them when the event is processed. Every type of event has a
 * summary of its own, by its class; there is no generic one (such as the class name): {@code AuditTrailSummariesTest}
 * finds every {@link IssuerEvent} type on the classpath and fails for one without a summary, and an event without one
 * would fail this projection rather than enter the trail unreadable.
 */
@Component
@Order(100)
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class AuditTrailProjection {

    private final AuditEntryRepository entries;
    private final StakeholderViewRepository stakeholders;
    private final StockClassViewRepository classes;
    private final SecurityViewRepository securities;
    private final StockPlanViewRepository plans;
    private final GrantViewRepository grants;
    private final InstrumentViewRepository instruments;
    /** The summary of each type of event, by its class. */
    private final Map<Class<? extends IssuerEvent>, Summary<IssuerEvent>> summaries = new HashMap<>();

    AuditTrailProjection(AuditEntryRepository entries, StakeholderViewRepository stakeholders,
                         StockClassViewRepository classes, SecurityViewRepository securities,
                         StockPlanViewRepository plans, GrantViewRepository grants,
                         InstrumentViewRepository instruments) {
        this.instruments = instruments;
        this.plans = plans;
        this.grants = grants;
        this.entries = entries;
        this.stakeholders = stakeholders;
        this.classes = classes;
        this.securities = securities;
        summaries();
    }

    @EventHandler
    void on(IssuerEvent event, DomainEventMessage<?> message, TrackingToken token) {
        AuditEntry entry = new AuditEntry();
        entry.globalPosition = token.position().orElseThrow();
        entry.issuerId = event.issuerId().value();
        entry.sequenceNumber = message.getSequenceNumber();
        entry.eventId = message.getIdentifier();
        entry.eventType = event.getClass().getSimpleName();
        entry.effectiveDate = event.date();
        entry.recordedAt = message.getTimestamp();
        Object actor = message.getMetaData().get(MetaDataKeys.ACTOR);
        entry.actor = actor == null ? "system" : actor.toString();
        Object correlation = message.getMetaData().get("correlationId");
        entry.correlationId = correlation == null ? null : correlation.toString();
        entry.summary = summarize(event);
        entries.save(entry);
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    /** How each type of event reads in the trail: every {@link IssuerEvent} type has its own. */
    private void summaries() {
        summary(IssuerCreated.class, (issuer, e) -> "Created issuer " + e.legalName() + ", formed "
                + e.formationDate() + " in " + e.countryOfFormation()
                + (e.subdivisionOfFormation() == null ? "" : "-" + e.subdivisionOfFormation())
                + (e.initialSharesAuthorized() == null ? ""
                : ", " + shares(e.initialSharesAuthorized()) + " shares authorized"));
        summary(IssuerAuthorizedSharesAdjusted.class, (issuer, e) -> "Set issuer-wide authorized shares to "
                + shares(e.newSharesAuthorized()));
        summary(StakeholderRegistered.class, (issuer, e) -> "Registered stakeholder " + e.name().legalName() + " ("
                + e.type() + ", " + e.relationship() + ")");
        summary(StakeholderUpdated.class, (issuer, e) -> "Updated stakeholder " + e.name().legalName());
        summary(StakeholderStatusChanged.class, (issuer, e) -> "Status of "
                + holderName(issuer, e.stakeholderId().value()) + " changed to " + e.newStatus()
                + (e.comments() == null ? "" : ": " + e.comments()));
        summary(StakeholderRelationshipChanged.class, (issuer, e) -> "Relationship of "
                + holderName(issuer, e.stakeholderId().value()) + " with the issuer: "
                + (e.relationshipEnded() == null ? "" : e.relationshipEnded() + " ended")
                + (e.relationshipEnded() != null && e.relationshipStarted() != null ? ", " : "")
                + (e.relationshipStarted() == null ? "" : e.relationshipStarted() + " started"));
        summary(StockClassCreated.class, (issuer, e) -> "Created stock class " + e.name() + " (" + e.classType()
                + ", prefix " + e.certificatePrefix() + ") with " + shares(e.initialSharesAuthorized())
                + " shares authorized");
        summary(StockClassAuthorizedSharesAdjusted.class, (issuer, e) -> "Set authorized shares of "
                + className(issuer, e.stockClassId().value()) + " to " + shares(e.newSharesAuthorized()));
        summary(ConversionRatioAdjusted.class, (issuer, e) -> "Set the conversion ratio of "
                + className(issuer, e.stockClassId().value()) + " into "
                + className(issuer, e.convertsToStockClassId().value()) + " to " + e.newRatio());
        summary(RoleGranted.class, (issuer, e) -> (e.invitationId() == null ? "Granted "
                : "Invitation accepted: granted ") + e.role() + " to account " + e.accountId()
                + (e.stakeholderId() == null ? ""
                : " for stakeholder " + holderName(issuer, e.stakeholderId().value())));
        summary(MemberInvited.class, (issuer, e) -> "Invited someone as " + e.role() + " (invitation "
                + e.invitationId() + ")");
        summary(InvitationRevoked.class, (issuer, e) -> "Revoked the invitation as " + e.role() + " (invitation "
                + e.invitationId() + ")");
        summary(RoleRevoked.class, (issuer, e) -> "Revoked " + e.previousRole() + " from account " + e.accountId());
        stockSummaries();
        grantSummaries();
        instrumentSummaries();
    }

    private void stockSummaries() {
        summary(StockIssued.class, (issuer, e) -> "Issued " + shares(e.quantity()) + " shares of "
                + className(issuer, e.stockClassId().value()) + " (" + e.securityLabel() + ") to "
                + holderName(issuer, e.stakeholderId().value()) + " at " + e.pricePerShare() + " per share");
        summary(StockTransferred.class, (issuer, e) -> "Transferred " + shares(e.quantity()) + " shares of "
                + label(issuer, e.securityId()) + " from " + holderOf(issuer, e.securityId()) + " to "
                + e.resultingSecurities().stream().map(r -> holderName(issuer, r.stakeholderId().value()) + " ("
                + r.securityLabel() + ", " + shares(r.quantity()) + ")").collect(Collectors.joining(", "))
                + balance(e.balance()));
        summary(StockCancelled.class, (issuer, e) -> "Cancelled " + shares(e.quantity()) + " shares of "
                + label(issuer, e.securityId()) + " held by " + holderOf(issuer, e.securityId()) + ": " + e.reason()
                + balance(e.balance()));
        summary(StockRepurchased.class, (issuer, e) -> "Repurchased " + shares(e.quantity()) + " shares of "
                + label(issuer, e.securityId()) + " from " + holderOf(issuer, e.securityId()) + " at " + e.price()
                + " per share" + balance(e.balance()));
        summary(StockReissued.class, (issuer, e) -> e.lostCertificateAffidavitDate() != null
                ? "Replaced lost certificate " + label(issuer, e.securityId()) + " of "
                + holderOf(issuer, e.securityId()) + " with " + e.resultingSecurities().get(0).securityLabel()
                + " (affidavit of loss dated " + e.lostCertificateAffidavitDate() + ")"
                + (e.reason() == null ? "" : ": " + e.reason())
                : "Reissued " + label(issuer, e.securityId()) + " as "
                + e.resultingSecurities().stream().map(r -> r.securityLabel() + " (" + shares(r.quantity()) + ")")
                .collect(Collectors.joining(", ")) + (e.reason() == null ? "" : ": " + e.reason()));
        summary(CertificateOfficersSet.class, (issuer, e) -> e.officers().isEmpty()
                ? "Cleared the officers signing certificates from " + e.date()
                : "Set the officers signing certificates from " + e.date() + ": " + e.officers().stream()
                .map(o -> o.name() + " (" + o.title() + ")").collect(Collectors.joining(", ")));
        summary(StockClassLegendsSet.class, (issuer, e) -> "Set " + e.legends().size()
                + (e.legends().size() == 1 ? " legend" : " legends") + " on "
                + className(issuer, e.stockClassId().value()) + " certificates from " + e.date()
                + (e.legends().isEmpty() ? "" : ": " + e.legends().stream()
                .map(l -> l.template() == null ? "custom text" : l.template().title())
                .collect(Collectors.joining(", "))));
        summary(StockRetracted.class, (issuer, e) -> "Retracted the issuance of " + label(issuer, e.securityId())
                + " to " + holderOf(issuer, e.securityId()) + ", void from " + e.voidFrom() + ": " + e.reason());
        summary(StockConverted.class, (issuer, e) -> "Converted " + shares(e.quantity()) + " shares of "
                + label(issuer, e.securityId()) + " into " + e.resultingSecurities().stream()
                .map(r -> shares(r.quantity()) + " shares of " + className(issuer, r.stockClassId().value()) + " ("
                        + r.securityLabel() + ")").collect(Collectors.joining(", ")) + " at " + e.ratio()
                + balance(e.balance()));
        summary(StockConsolidated.class, (issuer, e) -> "Consolidated " + e.securityIds().stream()
                .map(id -> label(issuer, id)).collect(Collectors.joining(", ")) + " into "
                + e.resultingSecurity().securityLabel() + " (" + shares(e.resultingSecurity().quantity())
                + " shares)");
        summary(StockAccepted.class, (issuer, e) -> holderOf(issuer, e.securityId()) + " accepted "
                + label(issuer, e.securityId()));
        summary(StockClassSplit.class, (issuer, e) -> "Split " + className(issuer, e.stockClassId().value()) + " "
                + e.ratio() + ": " + e.splits().size() + " securities replaced, "
                + shares(e.newSharesAuthorized()) + " shares authorized");
    }

    private void grantSummaries() {
        summary(StockPlanCreated.class, (issuer, e) -> "Adopted stock plan " + e.planName() + " with "
                + shares(e.initialSharesReserved()) + " shares reserved (cancelled grants: "
                + e.defaultCancellationBehavior() + ")");
        summary(StockPlanPoolAdjusted.class, (issuer, e) -> "Set the pool of "
                + planName(issuer, e.stockPlanId().value()) + " to " + shares(e.sharesReserved()) + " shares");
        summary(SharesReturnedToPool.class, (issuer, e) -> "Returned " + shares(e.quantity()) + " cancelled shares of "
                + grantLabel(issuer, e.securityId().value()) + " to " + planName(issuer, e.stockPlanId().value()));
        summary(EquityCompensationIssued.class, (issuer, e) -> "Granted " + shares(e.quantity()) + " "
                + e.compensationType() + " (" + e.securityLabel() + ") to "
                + holderName(issuer, e.stakeholderId().value())
                + (e.exercisePrice() == null ? "" : " at " + e.exercisePrice() + " per share")
                + (e.stockPlanId() == null ? "" : " from " + planName(issuer, e.stockPlanId().value()))
                + ", expiring " + e.expirationDate());
        summary(EquityCompensationExercised.class, (issuer, e) -> "Exercised " + shares(e.quantity()) + " of "
                + grantLabel(issuer, e.securityId().value()) + " into " + e.resultingStock().stream()
                .map(ResultingSecurity::securityLabel).collect(Collectors.joining(", ")) + grantBalance(e.balance()));
        summary(EquityCompensationReleased.class, (issuer, e) -> "Released " + shares(e.quantity()) + " of "
                + grantLabel(issuer, e.securityId().value()) + " as " + e.resultingStock().stream()
                .map(ResultingSecurity::securityLabel).collect(Collectors.joining(", ")) + grantBalance(e.balance()));
        summary(EquityCompensationCancelled.class, (issuer, e) -> "Cancelled " + shares(e.quantity()) + " of "
                + grantLabel(issuer, e.securityId().value()) + ": " + e.reason()
                + (e.returnedToPool().isPositive() ? "; " + shares(e.returnedToPool()) + " back to the pool" : "")
                + grantBalance(e.balance()));
        summary(EquityCompensationTransferred.class, (issuer, e) -> "Transferred grant "
                + grantLabel(issuer, e.securityId().value()) + " to " + holderName(issuer, e.toStakeholderId().value())
                + " as " + e.transferred().securityLabel());
        summary(EquityCompensationRetracted.class, (issuer, e) -> "Retracted grant "
                + grantLabel(issuer, e.securityId().value()) + ", void from " + e.voidFrom() + ": " + e.reason());
        summary(EquityCompensationAccepted.class, (issuer, e) -> "The holder accepted "
                + grantLabel(issuer, e.securityId().value()));
        summary(EquityCompensationRepriced.class, (issuer, e) -> "Repriced "
                + grantLabel(issuer, e.securityId().value()) + " to " + e.newExercisePrice() + " per share");
        summary(VestingStarted.class, (issuer, e) -> "Vesting of " + grantLabel(issuer, e.securityId().value())
                + " started");
        summary(VestingEventRecorded.class, (issuer, e) -> "Vesting condition '" + e.vestingConditionId() + "' of "
                + grantLabel(issuer, e.securityId().value()) + " met");
        summary(VestingAccelerated.class, (issuer, e) -> "Accelerated vesting of " + shares(e.quantity())
                + " shares of " + grantLabel(issuer, e.securityId().value()) + ": " + e.reason());
    }

    private void instrumentSummaries() {
        summary(WarrantIssued.class, (issuer, e) -> "Issued warrant " + e.securityLabel() + " to "
                + holderName(issuer, e.stakeholderId().value()) + " over "
                + (e.quantity() == null ? "a formula number of" : shares(e.quantity())) + " shares of "
                + className(issuer, e.stockClassId().value())
                + (e.exercisePrice() == null ? "" : " at " + e.exercisePrice() + " per share")
                + (e.expirationDate() == null ? "" : ", expiring " + e.expirationDate()));
        summary(ConvertibleIssued.class, (issuer, e) -> "Issued " + e.convertibleType() + " " + e.securityLabel()
                + " to " + holderName(issuer, e.stakeholderId().value()) + " for " + e.investmentAmount()
                + (e.terms() != null && e.terms().valuationCap() != null
                ? ", valuation cap " + e.terms().valuationCap() : "")
                + (e.terms() != null && e.terms().discount() != null
                ? ", discount " + e.terms().discount().movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                : ""));
        for (Class<? extends WarrantTransaction> type : List.of(WarrantExercised.class, WarrantCancelled.class,
                WarrantRetracted.class, WarrantTransferred.class, WarrantAccepted.class)) {
            summary(type, (issuer, e) -> instrumentSummary(issuer, e.kind(),
                    instrumentLabel(issuer, e.securityId().value()), e.resultingStock(), e.balance(),
                    e instanceof WarrantTransferred t ? t.toStakeholderId().value() : null));
        }
        for (Class<? extends ConvertibleTransaction> type : List.of(ConvertibleConverted.class,
                ConvertibleCancelled.class, ConvertibleRetracted.class, ConvertibleTransferred.class,
                ConvertibleAccepted.class)) {
            summary(type, (issuer, e) -> instrumentSummary(issuer, e.kind(),
                    instrumentLabel(issuer, e.securityId().value()), e.resultingStock(), e.balance(),
                    e instanceof ConvertibleTransferred t ? t.toStakeholderId().value() : null));
        }
    }

    private <E extends IssuerEvent> void summary(Class<E> type, Summary<? super E> summary) {
        if (summaries.put(type, (issuer, event) -> summary.of(issuer, type.cast(event))) != null) {
            throw new IllegalStateException("Two audit-trail summaries for " + type.getName());
        }
    }

    /** @return the types of event this projection has a summary for */
    Set<Class<? extends IssuerEvent>> summarizedTypes() {
        return Set.copyOf(summaries.keySet());
    }

    /**
     * @throws IllegalStateException for an event type without a summary of its own; {@code AuditTrailSummariesTest}
     *                               keeps there being none
     */
    String summarize(IssuerEvent event) {
        Summary<IssuerEvent> summary = summaries.get(event.getClass());
        if (summary == null) {
            throw new IllegalStateException("No audit-trail summary for " + event.getClass().getName()
                    + "; add one to AuditTrailProjection");
        }
        return summary.of(event.issuerId().value(), event);
    }

    /** One event type's summary, given the issuer's id. */
    @FunctionalInterface
    private interface Summary<E> {
        String of(String issuer, E event);
    }

    private String instrumentLabel(String issuer, String id) {
        return instruments.findById(new InstrumentView.Key(issuer, id)).map(InstrumentView::label)
                .orElse("security " + id);
    }

    private String instrumentSummary(String issuer, String kind, String label, List<ResultingSecurity> stock,
                                     ResultingGrant next, String transferee) {
        String into = stock.stream().map(r -> shares(r.quantity()) + " shares of "
                + className(issuer, r.stockClassId().value()) + " (" + r.securityLabel() + ")")
                .collect(Collectors.joining(", "));
        return switch (kind) {
            case "EXERCISE" -> "Exercised " + label + " into " + into + grantBalance(next);
            case "CONVERSION" -> "Converted " + label + " into " + into;
            case "CANCELLATION" -> "Cancelled " + label + grantBalance(next);
            case "RETRACTION" -> "Retracted " + label;
            case "TRANSFER" -> "Transferred " + label + " to " + holderName(issuer, transferee) + " as "
                    + next.securityLabel();
            default -> "The holder accepted " + label;
        };
    }

    private String planName(String issuer, String id) {
        return plans.findById(new StockPlanView.Key(issuer, id)).map(StockPlanView::planName)
                .orElse("stock plan " + id);
    }

    private String grantLabel(String issuer, String id) {
        return grants.findById(new GrantView.Key(issuer, id)).map(GrantView::label).orElse("grant " + id);
    }

    private static String grantBalance(ResultingGrant balance) {
        return balance == null ? "" : "; balance " + shares(balance.quantity()) + " as " + balance.securityLabel();
    }

    private String label(String issuer, SecurityId id) {
        return securities.findById(new SecurityView.Key(issuer, id.value())).map(SecurityView::label)
                .orElse("security " + id);
    }

    private String holderOf(String issuer, SecurityId id) {
        return securities.findById(new SecurityView.Key(issuer, id.value()))
                .map(s -> holderName(issuer, s.stakeholderId())).orElse("its holder");
    }

    private static String balance(ResultingSecurity balance) {
        return balance == null ? "" : "; balance " + shares(balance.quantity()) + " as " + balance.securityLabel();
    }

    private String className(String issuer, String id) {
        return classes.findById(new StockClassView.Key(issuer, id)).map(StockClassView::name)
                .orElse("stock class " + id);
    }

    private String holderName(String issuer, String id) {
        return stakeholders.findById(new StakeholderView.Key(issuer, id)).map(StakeholderView::legalName)
                .orElse("stakeholder " + id);
    }

    private static String shares(Quantity quantity) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(new BigDecimal(quantity.toString()));
    }
}
