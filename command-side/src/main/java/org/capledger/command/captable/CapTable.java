package org.capledger.command.captable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.capledger.api.CapTableEvent;
import org.capledger.api.certificate.ReplaceLostCertificate;
import org.capledger.api.certificate.SetCertificateOfficers;
import org.capledger.api.certificate.SetStockClassLegends;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.access.AcceptInvitation;
import org.capledger.api.access.GrantRole;
import org.capledger.api.access.InvitationRevoked;
import org.capledger.api.access.InviteMember;
import org.capledger.api.access.IssuerAccess;
import org.capledger.api.access.IssuerAccessEvent;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.access.MemberInvited;
import org.capledger.api.access.RevokeInvitation;
import org.capledger.api.access.RevokeRole;
import org.capledger.api.convertible.AcceptConvertible;
import org.capledger.api.convertible.CancelConvertible;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.convertible.RetractConvertible;
import org.capledger.api.convertible.TransferConvertible;
import org.capledger.api.equity.AccelerateVesting;
import org.capledger.api.equity.AcceptEquityCompensation;
import org.capledger.api.equity.CancelEquityCompensation;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.RecordVestingEvent;
import org.capledger.api.equity.ReleaseEquityCompensation;
import org.capledger.api.equity.RepriceEquityCompensation;
import org.capledger.api.equity.RetractEquityCompensation;
import org.capledger.api.equity.StartVesting;
import org.capledger.api.equity.TransferEquityCompensation;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.plan.AdjustStockPlanPool;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.plan.ReturnToPool;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.ChangeStakeholderRelationship;
import org.capledger.api.stakeholder.ChangeStakeholderStatus;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stock.AcceptStock;
import org.capledger.api.stock.CancelStock;
import org.capledger.api.stock.ConsolidateStock;
import org.capledger.api.stock.ConvertStock;
import org.capledger.api.stock.ReissueStock;
import org.capledger.api.stock.RepurchaseStock;
import org.capledger.api.stock.RetractStock;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.StockTransaction;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stockclass.AdjustConversionRatio;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.AcceptWarrant;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.RetractWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.ledger.Ledger;

/**
 * One issuer's cap table. Thin by design: every command handler asks the {@link Ledger} whether the command is
 * valid and which event it produces; the single event-sourcing handler folds events into the Ledger. Rule
 * violations surface as {@link org.capledger.api.CapledgerException} and apply no event. Commands that create
 * securities decide with the labels their metadata requests ({@link MetaDataKeys#SECURITY_LABELS}), if any.
 *
 * <p>Snapshotted every {@code capledger.snapshot-threshold} events (the whole Ledger is the snapshot), so
 * loading an issuer reads at most that many events after the latest snapshot.
 */
@Aggregate(snapshotTriggerDefinition = "capTableSnapshotTrigger", snapshotFilter = "capTableSnapshotFilter",
        cache = "capTableCache")
@Revision(CapTable.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CapTable {

    /** The shape of snapshots; raise it whenever the Ledger's or the access state's fields change. */
    static final String SNAPSHOT_REVISION = "8";

    @AggregateIdentifier
    private IssuerId issuerId;
    private Ledger ledger;
    private IssuerAccess access = new IssuerAccess();

    /**
     * For Axon and for snapshot deserialization. {@code @JsonCreator} because, with parameter names compiled in,
     * Jackson 3 would otherwise take the public {@code CreateIssuer} handler constructor as the creator and fail.
     */
    @JsonCreator
    protected CapTable() {
    }

    @CommandHandler
    public CapTable(CreateIssuer command, EffectiveDates dates) {
        apply(Ledger.empty().createIssuer(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AdjustIssuerAuthorizedShares command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.adjustIssuerAuthorizedShares(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(RegisterStakeholder command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.registerStakeholder(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(UpdateStakeholder command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.updateStakeholder(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(ChangeStakeholderStatus command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.changeStakeholderStatus(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(ChangeStakeholderRelationship command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.changeStakeholderRelationship(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(CreateStockClass command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.createStockClass(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AdjustStockClassAuthorizedShares command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.adjustStockClassAuthorizedShares(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(IssueStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger(metaData).issueStock(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(TransferStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).transferStock(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(CancelStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).cancelStock(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(RepurchaseStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).repurchaseStock(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(ReissueStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).reissueStock(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(ReplaceLostCertificate command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).replaceLostCertificate(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(SetCertificateOfficers command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.setCertificateOfficers(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(SetStockClassLegends command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.setStockClassLegends(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(RetractStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger.retractStock(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(ConvertStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).convertStock(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(ConsolidateStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).consolidateStock(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AcceptStock command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.acceptStock(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    List<String> handle(SplitStockClass command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).splitStockClass(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AdjustConversionRatio command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.adjustConversionRatio(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(CreateStockPlan command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.createStockPlan(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AdjustStockPlanPool command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.adjustStockPlanPool(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(ReturnToPool command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.returnToPool(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(IssueEquityCompensation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger(metaData).issueEquityCompensation(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(ExerciseEquityCompensation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).exerciseEquityCompensation(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(ReleaseEquityCompensation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).releaseEquityCompensation(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(CancelEquityCompensation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).cancelEquityCompensation(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(TransferEquityCompensation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return created(ledger(metaData).transferEquityCompensation(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(RetractEquityCompensation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.retractEquityCompensation(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AcceptEquityCompensation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.acceptEquityCompensation(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(RepriceEquityCompensation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.repriceEquityCompensation(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(StartVesting command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.startVesting(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(RecordVestingEvent command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.recordVestingEvent(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(AccelerateVesting command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.accelerateVesting(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(IssueWarrant command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger(metaData).issueWarrant(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(ExerciseWarrant command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return createdBy(ledger(metaData).exerciseWarrant(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(CancelWarrant command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return createdBy(ledger(metaData).cancelWarrant(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(RetractWarrant command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.retractWarrant(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(TransferWarrant command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return createdBy(ledger(metaData).transferWarrant(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AcceptWarrant command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.acceptWarrant(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(IssueConvertible command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger(metaData).issueConvertible(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(ConvertConvertible command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return createdBy(ledger(metaData).convertConvertible(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(CancelConvertible command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.cancelConvertible(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(RetractConvertible command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        apply(ledger.retractConvertible(command, dates.latestAccepted()));
    }

    @CommandHandler
    List<String> handle(TransferConvertible command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        return createdBy(ledger(metaData).transferConvertible(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AcceptConvertible command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, IssuerRole::mayRecord);
        ledger.acceptConvertible(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    /** Applies a transaction on a warrant or convertible; the result is the ids of what it created. */
    private List<String> createdBy(CapTableEvent event) {
        apply(event);
        List<String> ids = new java.util.ArrayList<>();
        List<org.capledger.api.stock.ResultingSecurity> stock = event instanceof WarrantTransaction w ? w.resultingStock()
                : ((ConvertibleTransaction) event).resultingStock();
        stock.forEach(r -> ids.add(r.securityId().value()));
        org.capledger.api.equity.ResultingGrant balance = event instanceof WarrantTransaction w ? w.balance()
                : ((ConvertibleTransaction) event).balance();
        if (balance != null) {
            ids.add(balance.securityId().value());
        }
        return List.copyOf(ids);
    }

    /** Applies a transaction on a grant; the result is the ids of the stock and balance grant it created. */
    private List<String> created(EquityCompensationTransaction event) {
        apply(event);
        List<String> ids = new java.util.ArrayList<>();
        event.resultingStock().forEach(r -> ids.add(r.securityId().value()));
        if (event.balance() != null) {
            ids.add(event.balance().securityId().value());
        }
        return List.copyOf(ids);
    }

    /** Applies a stock transaction; the command's result is the ids of the securities it created. */
    private List<String> created(StockTransaction event) {
        apply(event);
        return event.newSecurities().stream().map(r -> r.securityId().value()).toList();
    }

    @CommandHandler
    void handle(GrantRole command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, role -> role == IssuerRole.OWNER);
        boolean stakeholderKnown = command.stakeholderId() != null && ledger.stakeholders().stream()
                .anyMatch(s -> s.stakeholderId().equals(command.stakeholderId()));
        access.grant(command, stakeholderKnown, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    /** Owners invite with any role; admins with any role but OWNER. */
    @CommandHandler
    void handle(InviteMember command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, role -> role == IssuerRole.OWNER
                || (role == IssuerRole.ADMIN && command.role() != IssuerRole.OWNER));
        boolean stakeholderKnown = command.stakeholderId() != null && ledger.stakeholders().stream()
                .anyMatch(s -> s.stakeholderId().equals(command.stakeholderId()));
        apply(access.invite(command, stakeholderKnown, dates.latestAccepted()));
    }

    /** Authorised by the invitation's secret token, which the command side checks before sending this. */
    @CommandHandler
    void handle(AcceptInvitation command, EffectiveDates dates) {
        apply(access.accept(command, dates.latestAccepted()));
    }

    /** Owners revoke any open invitation; admins those with a role below OWNER, as they may invite. */
    @CommandHandler
    void handle(RevokeInvitation command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, role -> role == IssuerRole.OWNER || role == IssuerRole.ADMIN);
        InvitationRevoked revoked = access.revokeInvitation(command, dates.latestAccepted());
        if (revoked.role() == IssuerRole.OWNER) {
            requireRole(metaData, role -> role == IssuerRole.OWNER);
        }
        apply(revoked);
    }

    @EventSourcingHandler
    void on(MemberInvited event) {
        access.apply(event);
    }

    @EventSourcingHandler
    void on(InvitationRevoked event) {
        access.apply(event);
    }

    @CommandHandler
    void handle(RevokeRole command, EffectiveDates dates, MetaData metaData) {
        requireRole(metaData, role -> role == IssuerRole.OWNER);
        apply(access.revoke(command, dates.latestAccepted()));
    }

    /**
     * Commands from the REST edge carry the acting account; a platform administrator may act on every issuer.
     * An account with no role learns nothing: the answer is the same 404 as for an issuer that does not exist.
     * Commands without an actor, or with the actor {@code system}, come from inside the application (demo data,
     * tests); account ids are UUIDs, so no signed-in account is ever {@code system}.
     *
     * <p>Then the {@code If-Match} version, if any: only after the role, so that a caller without one cannot tell
     * an existing issuer from an unknown one by the 412 (which names the current version).
     */
    private void requireRole(MetaData metaData, Predicate<IssuerRole> allowed) {
        Object actor = metaData.get(MetaDataKeys.ACTOR);
        if (actor != null && !MetaDataKeys.SYSTEM.equals(actor)
                && !Boolean.TRUE.equals(metaData.get(MetaDataKeys.PLATFORM_ADMIN))) {
            IssuerRole role = access.roleOf(actor.toString())
                    .orElseThrow(() -> new CapledgerException(ErrorCode.ISSUER_NOT_FOUND, "No such issuer"));
            if (!allowed.test(role)) {
                throw new CapledgerException(ErrorCode.FORBIDDEN, "This account may not do this");
            }
        }
        requireExpectedVersion(metaData);
    }

    /** @throws CapledgerException VERSION_MISMATCH, with {@code currentVersion}, unless at the expected version */
    private static void requireExpectedVersion(MetaData metaData) {
        Object expected = metaData.get(MetaDataKeys.EXPECTED_VERSION);
        if (expected == null) {
            return;
        }
        Long current = AggregateLifecycle.getVersion();
        if (!Long.valueOf(expected.toString()).equals(current)) {
            throw new CapledgerException(ErrorCode.VERSION_MISMATCH,
                    "The issuer is at version " + current + ", not " + expected, Map.of("currentVersion", current));
        }
    }

    /**
     * The ledger to decide with: when the command's metadata requests labels for the securities it creates
     * ({@link MetaDataKeys#SECURITY_LABELS}, a map from security id to label), one that gives them those labels.
     *
     * @throws CapledgerException INVALID_VALUE unless the labels are a map of strings, INVALID_IDENTIFIER for a
     *                            key that is no security id
     */
    private Ledger ledger(MetaData metaData) {
        Object requested = metaData.get(MetaDataKeys.SECURITY_LABELS);
        if (requested == null) {
            return ledger;
        }
        if (!(requested instanceof Map<?, ?> map)) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, MetaDataKeys.SECURITY_LABELS
                    + " must map the ids of new securities to their labels");
        }
        Map<SecurityId, String> labels = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String id) || !(entry.getValue() instanceof String label)) {
                throw new CapledgerException(ErrorCode.INVALID_VALUE, MetaDataKeys.SECURITY_LABELS
                        + " must map the ids of new securities to their labels, both strings; not " + entry.getKey()
                        + " to " + entry.getValue());
            }
            labels.put(SecurityId.of(id), label);
        }
        return ledger.withRequestedLabels(labels);
    }

    @EventSourcingHandler
    void on(IssuerAccessEvent event) {
        access.apply(event);
    }

    @EventSourcingHandler
    void on(CapTableEvent event, @SequenceNumber long sequence) {
        if (event instanceof IssuerCreated created) {
            issuerId = created.issuerId();
            ledger = Ledger.empty();
        }
        ledger.apply(event, sequence);
    }

    /** @return the account's role on this issuer; empty for none */
    Optional<IssuerRole> roleOf(String accountId) {
        return access.roleOf(accountId);
    }

    /** @return the invitations neither accepted nor revoked */
    List<MemberInvited> pendingInvitations() {
        return access.pendingInvitations();
    }

    /** @return the ledger as folded so far; for tests */
    Ledger ledger() {
        return ledger;
    }
}
