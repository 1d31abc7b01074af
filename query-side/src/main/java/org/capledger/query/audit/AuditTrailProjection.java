package org.capledger.query.audit;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

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
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Quantity;
import org.capledger.query.QuerySideConfiguration;
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

    AuditTrailProjection(AuditEntryRepository entries, StakeholderViewRepository stakeholders,
                         StockClassViewRepository classes) {
        this.entries = entries;
        this.stakeholders = stakeholders;
        this.classes = classes;
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
            return "Set authorized shares of " + className(e.stockClassId().value()) + " to "
                    + shares(e.newSharesAuthorized());
        } else if (event instanceof RoleGranted e) {
            return (e.invitationId() == null ? "Granted " : "Invitation accepted: granted ") + e.role()
                    + " to account " + e.accountId()
                    + (e.stakeholderId() == null ? "" : " for stakeholder " + holderName(e.stakeholderId().value()));
        } else if (event instanceof MemberInvited e) {
            return "Invited someone as " + e.role() + " (invitation " + e.invitationId() + ")";
        } else if (event instanceof InvitationRevoked e) {
            return "Revoked the invitation as " + e.role() + " (invitation " + e.invitationId() + ")";
        } else if (event instanceof RoleRevoked e) {
            return "Revoked " + e.previousRole() + " from account " + e.accountId();
        } else if (event instanceof StockIssued e) {
            return "Issued " + shares(e.quantity()) + " shares of " + className(e.stockClassId().value()) + " ("
                    + e.securityLabel() + ") to " + holderName(e.stakeholderId().value()) + " at "
                    + e.pricePerShare() + " per share";
        }
        return event.getClass().getSimpleName();
    }

    private String className(String id) {
        return classes.findById(id).map(StockClassView::name).orElse("stock class " + id);
    }

    private String holderName(String id) {
        return stakeholders.findById(id).map(StakeholderView::legalName).orElse("stakeholder " + id);
    }

    private static String shares(Quantity quantity) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(new BigDecimal(quantity.toString()));
    }
}
