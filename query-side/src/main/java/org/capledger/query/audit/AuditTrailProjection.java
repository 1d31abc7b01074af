package org.capledger.query.audit;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
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
import org.capledger.api.convertible.ConvertibleIssued;
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
import org.capledger.api.plan.SharesReturnedToPool;
import org.capledger.api.plan.StockPlanCreated;
import org.capledger.api.plan.StockPlanPoolAdjusted;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
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
import org.capledger.api.warrant.WarrantIssued;
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
 * stakeholders and classes as the read models know them when the event is processed.
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

    private String summarize(IssuerEvent event) {
        String issuer = event.issuerId().value();
        if (event instanceof IssuerCreated e) {
            return "Created issuer " + e.legalName() + ", formed " + e.formationDate() + " in " + e.countryOfFormation()
                    + (e.subdivisionOfFormation() == null ? "" : "-" + e.subdivisionOfFormation())
                    + (e.initialSharesAuthorized() == null ? ""
                    : ", " + shares(e.initialSharesAuthorized()) + " shares authorized");
        } else if (event instanceof IssuerAuthorizedSharesAdjusted e) {
            return "Set issuer-wide authorized shares to " + shares(e.newSharesAuthorized());
        } else if (event instanceof StakeholderRegistered e) {
            return "Registered stakeholder " + e.name().legalName() + " (" + e.type() + ", " + e.relationship() + ")";
        } else if (event instanceof StakeholderUpdated e) {
            return "Updated stakeholder " + e.name().legalName();
        } else if (event instanceof StockClassCreated e) {
            return "Created stock class " + e.name() + " (" + e.classType() + ", prefix " + e.certificatePrefix()
                    + ") with " + shares(e.initialSharesAuthorized()) + " shares authorized";
        } else if (event instanceof StockClassAuthorizedSharesAdjusted e) {
            return "Set authorized shares of " + className(issuer, e.stockClassId().value()) + " to "
                    + shares(e.newSharesAuthorized());
        } else if (event instanceof RoleGranted e) {
            return (e.invitationId() == null ? "Granted " : "Invitation accepted: granted ") + e.role()
                    + " to account " + e.accountId()
                    + (e.stakeholderId() == null ? ""
                    : " for stakeholder " + holderName(issuer, e.stakeholderId().value()));
        } else if (event instanceof MemberInvited e) {
            return "Invited someone as " + e.role() + " (invitation " + e.invitationId() + ")";
        } else if (event instanceof InvitationRevoked e) {
            return "Revoked the invitation as " + e.role() + " (invitation " + e.invitationId() + ")";
        } else if (event instanceof RoleRevoked e) {
            return "Revoked " + e.previousRole() + " from account " + e.accountId();
        } else if (event instanceof StockIssued e) {
            return "Issued " + shares(e.quantity()) + " shares of " + className(issuer, e.stockClassId().value()) + " ("
                    + e.securityLabel() + ") to " + holderName(issuer, e.stakeholderId().value()) + " at "
                    + e.pricePerShare() + " per share";
        } else if (event instanceof StockTransferred e) {
            return "Transferred " + shares(e.quantity()) + " shares of " + label(issuer, e.securityId()) + " from "
                    + holderOf(issuer, e.securityId()) + " to " + e.resultingSecurities().stream()
                    .map(r -> holderName(issuer, r.stakeholderId().value()) + " (" + r.securityLabel() + ", "
                            + shares(r.quantity()) + ")").collect(Collectors.joining(", "))
                    + balance(e.balance());
        } else if (event instanceof StockCancelled e) {
            return "Cancelled " + shares(e.quantity()) + " shares of " + label(issuer, e.securityId()) + " held by "
                    + holderOf(issuer, e.securityId()) + ": " + e.reason() + balance(e.balance());
        } else if (event instanceof StockRepurchased e) {
            return "Repurchased " + shares(e.quantity()) + " shares of " + label(issuer, e.securityId()) + " from "
                    + holderOf(issuer, e.securityId()) + " at " + e.price() + " per share" + balance(e.balance());
        } else if (event instanceof StockReissued e && e.lostCertificateAffidavitDate() != null) {
            return "Replaced lost certificate " + label(issuer, e.securityId()) + " of "
                    + holderOf(issuer, e.securityId()) + " with " + e.resultingSecurities().get(0).securityLabel()
                    + " (affidavit of loss dated " + e.lostCertificateAffidavitDate() + ")"
                    + (e.reason() == null ? "" : ": " + e.reason());
        } else if (event instanceof StockReissued e) {
            return "Reissued " + label(issuer, e.securityId()) + " as " + e.resultingSecurities().stream()
                    .map(r -> r.securityLabel() + " (" + shares(r.quantity()) + ")").collect(Collectors.joining(", "))
                    + (e.reason() == null ? "" : ": " + e.reason());
        } else if (event instanceof StockRetracted e) {
            return "Retracted the issuance of " + label(issuer, e.securityId()) + " to "
                    + holderOf(issuer, e.securityId()) + ", void from " + e.voidFrom() + ": " + e.reason();
        } else if (event instanceof StockConverted e) {
            return "Converted " + shares(e.quantity()) + " shares of " + label(issuer, e.securityId()) + " into "
                    + e.resultingSecurities().stream().map(r -> shares(r.quantity()) + " shares of "
                    + className(issuer, r.stockClassId().value()) + " (" + r.securityLabel() + ")")
                    .collect(Collectors.joining(", ")) + " at " + e.ratio() + balance(e.balance());
        } else if (event instanceof StockConsolidated e) {
            return "Consolidated " + e.securityIds().stream().map(id -> label(issuer, id))
                    .collect(Collectors.joining(", ")) + " into " + e.resultingSecurity().securityLabel() + " ("
                    + shares(e.resultingSecurity().quantity()) + " shares)";
        } else if (event instanceof CertificateOfficersSet e) {
            return e.officers().isEmpty() ? "Cleared the officers signing certificates from " + e.date()
                    : "Set the officers signing certificates from " + e.date() + ": " + e.officers().stream()
                    .map(o -> o.name() + " (" + o.title() + ")").collect(Collectors.joining(", "));
        } else if (event instanceof StockClassLegendsSet e) {
            return "Set " + e.legends().size() + (e.legends().size() == 1 ? " legend" : " legends") + " on "
                    + className(issuer, e.stockClassId().value()) + " certificates from " + e.date()
                    + (e.legends().isEmpty() ? "" : ": " + e.legends().stream()
                    .map(l -> l.template() == null ? "custom text" : l.template().title())
                    .collect(Collectors.joining(", ")));
        } else if (event instanceof StockAccepted e) {
            return holderOf(issuer, e.securityId()) + " accepted " + label(issuer, e.securityId());
        } else if (event instanceof StockClassSplit e) {
            return "Split " + className(issuer, e.stockClassId().value()) + " " + e.ratio() + ": " + e.splits().size()
                    + " securities replaced, " + shares(e.newSharesAuthorized()) + " shares authorized";
        } else if (event instanceof ConversionRatioAdjusted e) {
            return "Set the conversion ratio of " + className(issuer, e.stockClassId().value()) + " into "
                    + className(issuer, e.convertsToStockClassId().value()) + " to " + e.newRatio();
        } else if (event instanceof StockPlanCreated e) {
            return "Adopted stock plan " + e.planName() + " with " + shares(e.initialSharesReserved())
                    + " shares reserved (cancelled grants: " + e.defaultCancellationBehavior() + ")";
        } else if (event instanceof StockPlanPoolAdjusted e) {
            return "Set the pool of " + planName(issuer, e.stockPlanId().value()) + " to " + shares(e.sharesReserved())
                    + " shares";
        } else if (event instanceof SharesReturnedToPool e) {
            return "Returned " + shares(e.quantity()) + " cancelled shares of "
                    + grantLabel(issuer, e.securityId().value()) + " to " + planName(issuer, e.stockPlanId().value());
        } else if (event instanceof EquityCompensationIssued e) {
            return "Granted " + shares(e.quantity()) + " " + e.compensationType() + " (" + e.securityLabel() + ") to "
                    + holderName(issuer, e.stakeholderId().value())
                    + (e.exercisePrice() == null ? "" : " at " + e.exercisePrice() + " per share")
                    + (e.stockPlanId() == null ? "" : " from " + planName(issuer, e.stockPlanId().value()))
                    + ", expiring " + e.expirationDate();
        } else if (event instanceof EquityCompensationExercised e) {
            return "Exercised " + shares(e.quantity()) + " of " + grantLabel(issuer, e.securityId().value()) + " into "
                    + e.resultingStock().stream().map(r -> r.securityLabel()).collect(Collectors.joining(", "))
                    + grantBalance(e.balance());
        } else if (event instanceof EquityCompensationReleased e) {
            return "Released " + shares(e.quantity()) + " of " + grantLabel(issuer, e.securityId().value()) + " as "
                    + e.resultingStock().stream().map(r -> r.securityLabel()).collect(Collectors.joining(", "))
                    + grantBalance(e.balance());
        } else if (event instanceof EquityCompensationCancelled e) {
            return "Cancelled " + shares(e.quantity()) + " of " + grantLabel(issuer, e.securityId().value()) + ": "
                    + e.reason()
                    + (e.returnedToPool().isPositive() ? "; " + shares(e.returnedToPool()) + " back to the pool" : "")
                    + grantBalance(e.balance());
        } else if (event instanceof EquityCompensationTransferred e) {
            return "Transferred grant " + grantLabel(issuer, e.securityId().value()) + " to "
                    + holderName(issuer, e.toStakeholderId().value()) + " as " + e.transferred().securityLabel();
        } else if (event instanceof EquityCompensationRetracted e) {
            return "Retracted grant " + grantLabel(issuer, e.securityId().value()) + ", void from " + e.voidFrom()
                    + ": " + e.reason();
        } else if (event instanceof EquityCompensationAccepted e) {
            return "The holder accepted " + grantLabel(issuer, e.securityId().value());
        } else if (event instanceof EquityCompensationRepriced e) {
            return "Repriced " + grantLabel(issuer, e.securityId().value()) + " to " + e.newExercisePrice()
                    + " per share";
        } else if (event instanceof VestingStarted e) {
            return "Vesting of " + grantLabel(issuer, e.securityId().value()) + " started";
        } else if (event instanceof VestingEventRecorded e) {
            return "Vesting condition '" + e.vestingConditionId() + "' of " + grantLabel(issuer, e.securityId().value())
                    + " met";
        } else if (event instanceof VestingAccelerated e) {
            return "Accelerated vesting of " + shares(e.quantity()) + " shares of "
                    + grantLabel(issuer, e.securityId().value()) + ": " + e.reason();
        } else if (event instanceof StakeholderStatusChanged e) {
            return "Status of " + holderName(issuer, e.stakeholderId().value()) + " changed to " + e.newStatus()
                    + (e.comments() == null ? "" : ": " + e.comments());
        } else if (event instanceof StakeholderRelationshipChanged e) {
            return "Relationship of " + holderName(issuer, e.stakeholderId().value()) + " with the issuer: "
                    + (e.relationshipEnded() == null ? "" : e.relationshipEnded() + " ended")
                    + (e.relationshipEnded() != null && e.relationshipStarted() != null ? ", " : "")
                    + (e.relationshipStarted() == null ? "" : e.relationshipStarted() + " started");
        } else if (event instanceof WarrantIssued e) {
            return "Issued warrant " + e.securityLabel() + " to " + holderName(issuer, e.stakeholderId().value())
                    + " over " + (e.quantity() == null ? "a formula number of" : shares(e.quantity())) + " shares of "
                    + className(issuer, e.stockClassId().value())
                    + (e.exercisePrice() == null ? "" : " at " + e.exercisePrice() + " per share")
                    + (e.expirationDate() == null ? "" : ", expiring " + e.expirationDate());
        } else if (event instanceof ConvertibleIssued e) {
            return "Issued " + e.convertibleType() + " " + e.securityLabel() + " to "
                    + holderName(issuer, e.stakeholderId().value()) + " for " + e.investmentAmount()
                    + (e.terms() != null && e.terms().valuationCap() != null
                    ? ", valuation cap " + e.terms().valuationCap() : "")
                    + (e.terms() != null && e.terms().discount() != null
                    ? ", discount " + e.terms().discount().movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                    : "");
        } else if (event instanceof WarrantTransaction e) {
            return instrumentSummary(issuer, e.kind(), instrumentLabel(issuer, e.securityId().value()),
                    e.resultingStock(), e.balance(),
                    e instanceof WarrantTransferred t ? t.toStakeholderId().value() : null);
        } else if (event instanceof ConvertibleTransaction e) {
            return instrumentSummary(issuer, e.kind(), instrumentLabel(issuer, e.securityId().value()),
                    e.resultingStock(), e.balance(),
                    e instanceof ConvertibleTransferred t ? t.toStakeholderId().value() : null);
        }
        return event.getClass().getSimpleName();
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
