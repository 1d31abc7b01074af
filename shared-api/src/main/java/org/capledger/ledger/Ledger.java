package org.capledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.convertible.AcceptConvertible;
import org.capledger.api.convertible.CancelConvertible;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.ConvertibleAccepted;
import org.capledger.api.convertible.ConvertibleCancelled;
import org.capledger.api.convertible.ConvertibleConverted;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleRetracted;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.convertible.ConvertibleTransferred;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.convertible.RetractConvertible;
import org.capledger.api.convertible.TransferConvertible;
import org.capledger.api.equity.AccelerateVesting;
import org.capledger.api.equity.AcceptEquityCompensation;
import org.capledger.api.equity.CancelEquityCompensation;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationAccepted;
import org.capledger.api.equity.EquityCompensationCancelled;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.EquityCompensationReleased;
import org.capledger.api.equity.EquityCompensationRepriced;
import org.capledger.api.equity.EquityCompensationRetracted;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.equity.EquityCompensationTransferred;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.RecordVestingEvent;
import org.capledger.api.equity.ReleaseEquityCompensation;
import org.capledger.api.equity.RepriceEquityCompensation;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.equity.RetractEquityCompensation;
import org.capledger.api.equity.StartVesting;
import org.capledger.api.equity.TerminationExerciseWindow;
import org.capledger.api.equity.TransferEquityCompensation;
import org.capledger.api.equity.VestingAccelerated;
import org.capledger.api.equity.VestingEventRecorded;
import org.capledger.api.equity.VestingStarted;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.plan.AdjustStockPlanPool;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.plan.ReturnToPool;
import org.capledger.api.plan.SharesReturnedToPool;
import org.capledger.api.plan.StockPlanCreated;
import org.capledger.api.plan.StockPlanPoolAdjusted;
import org.capledger.api.stakeholder.ChangeStakeholderRelationship;
import org.capledger.api.stakeholder.ChangeStakeholderStatus;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.StakeholderRelationshipChanged;
import org.capledger.api.stakeholder.StakeholderStatusChanged;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stock.AcceptStock;
import org.capledger.api.stock.CancelStock;
import org.capledger.api.stock.ConsolidateStock;
import org.capledger.api.stock.ConvertStock;
import org.capledger.api.certificate.CertificateOfficer;
import org.capledger.api.certificate.CertificateOfficersSet;
import org.capledger.api.certificate.Legend;
import org.capledger.api.certificate.ReplaceLostCertificate;
import org.capledger.api.certificate.SetCertificateOfficers;
import org.capledger.api.certificate.SetStockClassLegends;
import org.capledger.api.certificate.StockClassLegendsSet;
import org.capledger.api.stock.ReissueStock;
import org.capledger.api.stock.RepurchaseStock;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.RetractStock;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.StockAccepted;
import org.capledger.api.stock.StockCancelled;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockConsolidated;
import org.capledger.api.stock.StockConverted;
import org.capledger.api.stock.StockReissued;
import org.capledger.api.stock.StockRepurchased;
import org.capledger.api.stock.StockRetracted;
import org.capledger.api.stock.StockTransaction;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stock.Transferee;
import org.capledger.api.stockclass.AdjustConversionRatio;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.ConversionRatioAdjusted;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Decimals;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.Address;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderStatus;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.vesting.VestingTrigger;
import org.capledger.api.warrant.AcceptWarrant;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.RetractWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.capledger.api.warrant.WarrantAccepted;
import org.capledger.api.warrant.WarrantCancelled;
import org.capledger.api.warrant.WarrantExercised;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.api.warrant.WarrantRetracted;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.api.warrant.WarrantTransferred;
import org.capledger.ledger.vesting.VestingAcceleration;
import org.capledger.ledger.vesting.VestingEventOccurrence;

/**
 * One issuer's cap table state and rules.
 *
 * <p>Two kinds of methods: <em>decisions</em> ({@link #createIssuer}, {@link #issueStock}, ...) check a command
 * against the rules and return the event it produces, or throw {@link CapledgerException}; they never change
 * the ledger. {@link #apply} folds an event in and is the only mutator. Folding is in place so that replaying
 * 100,000 events costs 100,000 small steps, not 100,000 copies; the aggregate and the replay each own their
 * instance.
 *
 * <p>{@code today} in decisions is the latest effective date accepted: callers pass the current date in the
 * easternmost time zone (UTC+14), so no date that has begun somewhere on Earth is refused.
 *
 * <p>Every new security gets a label unique within the issuer: the one requested for it
 * ({@link #withRequestedLabels}), or else the next number of its series (the class's certificate prefix,
 * {@code OPT-}, {@code W-}, ...) that no security of the issuer carries yet. Labels are compared ignoring case.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Ledger {

    private static final int MAX_NAME = 300;
    private static final int MAX_LABEL = 64;
    private static final String WARRANT_PREFIX = "W-";

    private IssuerRecord issuer;
    private Map<StakeholderId, StakeholderRecord> stakeholders = new LinkedHashMap<>();
    private Map<StockClassId, StockClassRecord> stockClasses = new LinkedHashMap<>();
    private Map<StockClassId, Timeline> classTimelines = new LinkedHashMap<>();
    private Timeline issuerTimeline = new Timeline();
    private Map<SecurityId, StockSecurity> securities = new LinkedHashMap<>();
    private Map<String, List<RatioChange>> ratioChanges = new LinkedHashMap<>();
    private Map<String, LocalDate> conversionsOn = new LinkedHashMap<>();
    private Map<StockPlanId, StockPlanRecord> plans = new LinkedHashMap<>();
    private Map<StockPlanId, Timeline> planTimelines = new LinkedHashMap<>();
    private Map<SecurityId, GrantRecord> grants = new LinkedHashMap<>();
    private Map<String, Long> grantLabels = new LinkedHashMap<>();
    private Map<SecurityId, InstrumentRecord> instruments = new LinkedHashMap<>();
    /** Every label a security of the issuer carries, in {@link #labelKey} form; sorted, so snapshots are stable. */
    private SortedSet<String> usedLabels = new TreeSet<>();
    /** Labels a decision gives the new securities it creates, by their ids; empty but in a decision view. */
    @JsonIgnore
    private final transient Map<SecurityId, String> requestedLabels;

    private Ledger() {
        requestedLabels = Map.of();
    }

    /** A view that shares {@code state}'s state (never a copy of it) and decides with {@code requested} labels. */
    private Ledger(Ledger state, Map<SecurityId, String> requested) {
        issuer = state.issuer;
        stakeholders = state.stakeholders;
        stockClasses = state.stockClasses;
        classTimelines = state.classTimelines;
        issuerTimeline = state.issuerTimeline;
        securities = state.securities;
        ratioChanges = state.ratioChanges;
        conversionsOn = state.conversionsOn;
        plans = state.plans;
        planTimelines = state.planTimelines;
        grants = state.grants;
        grantLabels = state.grantLabels;
        instruments = state.instruments;
        usedLabels = state.usedLabels;
        requestedLabels = requested;
    }

    /** @return a ledger with no issuer yet */
    public static Ledger empty() {
        return new Ledger();
    }

    /**
     * A view of this ledger for one decision whose new securities get the labels requested for them, by security
     * id, instead of the next ones of their series. It shares this ledger's state rather than copying it, so use it
     * for the decision and drop it: it folds nothing ({@link #apply} throws), and it sees what this ledger folds.
     *
     * <p>The decision refuses a label that is blank, longer than 64 characters, or has a character that is not
     * printable or a space at either end (INVALID_VALUE), a label some security of the issuer already carries or
     * that is requested twice (DUPLICATE_SECURITY_LABEL), and an id that is not one of the securities the decision
     * creates (INVALID_VALUE). Decisions that create no security ignore the labels.
     *
     * @param labels label by the id of a new security; null or empty for none
     * @return this ledger when {@code labels} is null or empty
     */
    public Ledger withRequestedLabels(Map<SecurityId, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return this;
        }
        return new Ledger(this, Collections.unmodifiableMap(new LinkedHashMap<>(labels)));
    }

    // ---------------------------------------------------------------- decisions

    /** @throws CapledgerException ISSUER_ALREADY_EXISTS, INVALID_VALUE, DATE_IN_FUTURE */
    public IssuerCreated createIssuer(CreateIssuer c, LocalDate today) {
        if (issuer != null) {
            throw new CapledgerException(ErrorCode.ISSUER_ALREADY_EXISTS, "Issuer " + c.issuerId() + " already exists");
        }
        requireText(c.legalName(), "legalName", MAX_NAME);
        requireDate(c.formationDate(), "formationDate");
        if (c.formationDate().isAfter(today)) {
            throw dateInFuture(c.formationDate());
        }
        if (c.countryOfFormation() == null || !c.countryOfFormation().matches("[A-Z]{2}")) {
            throw invalid("countryOfFormation must be an ISO 3166-1 alpha-2 code such as US");
        }
        if (c.subdivisionOfFormation() != null && !c.subdivisionOfFormation().matches("[A-Z0-9]{1,3}")) {
            throw invalid("subdivisionOfFormation must be an ISO 3166-2 subdivision code such as DE");
        }
        optionalText(c.taxId(), "taxId", 64);
        return new IssuerCreated(c.issuerId(), c.legalName().strip(), c.formationDate(), c.countryOfFormation(),
                c.subdivisionOfFormation(), blankToNull(c.taxId()), c.initialSharesAuthorized());
    }

    /** @throws CapledgerException AUTHORIZED_BELOW_OUTSTANDING and the date rules */
    public IssuerAuthorizedSharesAdjusted adjustIssuerAuthorizedShares(AdjustIssuerAuthorizedShares c,
                                                                       LocalDate today) {
        requireEffective(c.date(), today);
        requirePresent(c.newSharesAuthorized(), "newSharesAuthorized");
        optionalText(c.comments(), "comments", 2000);
        Timeline.Movement move = Timeline.Movement.authorize(c.date(), Long.MAX_VALUE,
                c.newSharesAuthorized().value());
        issuerTimeline.breachWith(move).ifPresent(b -> {
            throw belowOutstanding("the issuer", b);
        });
        return new IssuerAuthorizedSharesAdjusted(c.issuerId(), c.date(), c.newSharesAuthorized(),
                c.boardApprovalDate(), c.stockholderApprovalDate(), blankToNull(c.comments()));
    }

    /** @throws CapledgerException DUPLICATE_STAKEHOLDER, DUPLICATE_STAKEHOLDER_EMAIL, INVALID_VALUE, date rules */
    public StakeholderRegistered registerStakeholder(RegisterStakeholder c, LocalDate today) {
        requireEffective(c.date(), today);
        Objects.requireNonNull(c.stakeholderId(), "stakeholderId");
        if (stakeholders.containsKey(c.stakeholderId())) {
            throw new CapledgerException(ErrorCode.DUPLICATE_STAKEHOLDER,
                    "Stakeholder " + c.stakeholderId() + " is already registered");
        }
        requirePresent(c.type(), "type");
        requirePresent(c.name(), "name");
        requirePresent(c.relationship(), "relationship");
        String email = normalizeEmail(c.email());
        requireUniqueEmail(email, c.stakeholderId());
        requireValidAddress(c.address());
        return new StakeholderRegistered(c.issuerId(), c.stakeholderId(), c.date(), c.type(), c.name(), email,
                c.relationship(), c.address(), c.accreditedInvestor());
    }

    /**
     * @return the update, or empty when the command would change nothing
     * @throws CapledgerException UNKNOWN_STAKEHOLDER, DUPLICATE_STAKEHOLDER_EMAIL, INVALID_VALUE (an address
     *                            breaking {@link Address}'s rules), CONFLICTS_WITH_LATER_TRANSACTION (a new
     *                            relationship dated before the latest change to it), date rules
     */
    public Optional<StakeholderUpdated> updateStakeholder(UpdateStakeholder c, LocalDate today) {
        StakeholderRecord current = stakeholder(c.stakeholderId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(current.registeredOn())) {
            throw beforeReference("stakeholder " + c.stakeholderId(), current.registeredOn());
        }
        String email = c.clearEmail() ? null : c.email() != null ? normalizeEmail(c.email()) : current.email();
        requireUniqueEmail(email, c.stakeholderId());
        if (!c.clearAddress()) {
            requireValidAddress(c.address());
        }
        Address address = c.clearAddress() ? null : c.address() != null ? c.address() : current.address();
        Boolean accredited = c.clearAccreditedInvestor() ? null
                : c.accreditedInvestor() != null ? c.accreditedInvestor() : current.accreditedInvestor();
        StakeholderUpdated updated = new StakeholderUpdated(c.issuerId(), c.stakeholderId(), c.date(),
                c.name() != null ? c.name() : current.name(), email,
                c.relationship() != null ? c.relationship() : current.relationship(), address, accredited);
        boolean unchanged = updated.name().equals(current.name()) && Objects.equals(updated.email(), current.email())
                && updated.relationship() == current.relationship()
                && Objects.equals(address, current.address())
                && Objects.equals(accredited, current.accreditedInvestor());
        if (!unchanged && updated.relationship() != current.relationship()) {
            requireInDateOrder(current, "relationship", current.relationshipSince(), c.date());
        }
        return unchanged ? Optional.empty() : Optional.of(updated);
    }

    /**
     * @return the change, or empty when the stakeholder already has that status
     * @throws CapledgerException UNKNOWN_STAKEHOLDER, INVALID_VALUE, CONFLICTS_WITH_LATER_TRANSACTION (dated before
     *                            the latest status change), date rules
     */
    public Optional<StakeholderStatusChanged> changeStakeholderStatus(ChangeStakeholderStatus c, LocalDate today) {
        StakeholderRecord current = stakeholder(c.stakeholderId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(current.registeredOn())) {
            throw beforeReference("stakeholder " + current.name().legalName(), current.registeredOn());
        }
        requirePresent(c.newStatus(), "newStatus");
        optionalText(c.comments(), "comments", 2000);
        requireInDateOrder(current, "status", current.statusSince(), c.date());
        return c.newStatus() == current.status() ? Optional.empty()
                : Optional.of(new StakeholderStatusChanged(c.issuerId(), c.stakeholderId(), c.date(), c.newStatus(),
                blankToNull(c.comments())));
    }

    /**
     * @throws CapledgerException UNKNOWN_STAKEHOLDER, INVALID_VALUE (neither started nor ended),
     *                            CONFLICTS_WITH_LATER_TRANSACTION (dated before the latest relationship change), date
     *                            rules
     */
    public StakeholderRelationshipChanged changeStakeholderRelationship(ChangeStakeholderRelationship c,
                                                                       LocalDate today) {
        StakeholderRecord current = stakeholder(c.stakeholderId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(current.registeredOn())) {
            throw beforeReference("stakeholder " + current.name().legalName(), current.registeredOn());
        }
        if (c.relationshipStarted() == null && c.relationshipEnded() == null) {
            throw invalid("relationshipStarted or relationshipEnded is required");
        }
        requireInDateOrder(current, "relationship", current.relationshipSince(), c.date());
        StakeholderRelationship next = c.relationshipStarted() != null ? c.relationshipStarted()
                : c.relationshipEnded() == current.relationship() ? StakeholderRelationship.OTHER
                : current.relationship();
        return new StakeholderRelationshipChanged(c.issuerId(), c.stakeholderId(), c.date(), c.relationshipStarted(),
                c.relationshipEnded(), next);
    }

    /**
     * A stakeholder's status and relationship change in date order: the ledger folds changes in recording order, so
     * one dated before the latest would otherwise override it from that later date on, in the current state and in
     * every as-of view.
     *
     * @throws CapledgerException CONFLICTS_WITH_LATER_TRANSACTION, with {@code conflictDate}
     */
    private static void requireInDateOrder(StakeholderRecord stakeholder, String what, LocalDate since,
                                           LocalDate date) {
        if (since != null && date.isBefore(since)) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "the " + what + " of "
                    + stakeholder.name().legalName() + " changed on " + since + ", after " + date + "; its changes "
                    + "are recorded in date order", Map.of("conflictDate", since.toString()));
        }
    }

    /** @throws CapledgerException DUPLICATE_STOCK_CLASS(_NAME), DUPLICATE_CERTIFICATE_PREFIX, INVALID_VALUE, dates */
    public StockClassCreated createStockClass(CreateStockClass c, LocalDate today) {
        requireEffective(c.date(), today);
        Objects.requireNonNull(c.stockClassId(), "stockClassId");
        if (stockClasses.containsKey(c.stockClassId())) {
            throw new CapledgerException(ErrorCode.DUPLICATE_STOCK_CLASS,
                    "Stock class " + c.stockClassId() + " already exists");
        }
        requireText(c.name(), "name", 200);
        requirePresent(c.classType(), "classType");
        if (c.certificatePrefix() == null || !c.certificatePrefix().matches("[A-Za-z0-9-]{1,16}")) {
            throw invalid("certificatePrefix must be 1 to 16 letters, digits or '-', such as CS-");
        }
        requirePresent(c.votesPerShare(), "votesPerShare");
        requirePresent(c.initialSharesAuthorized(), "initialSharesAuthorized");
        if (c.seniority() < 1) {
            throw invalid("seniority must be at least 1");
        }
        String name = c.name().strip();
        for (StockClassRecord existing : stockClasses.values()) {
            if (existing.name().equalsIgnoreCase(name)) {
                throw new CapledgerException(ErrorCode.DUPLICATE_STOCK_CLASS_NAME,
                        "A stock class named '" + name + "' already exists");
            }
            if (existing.certificatePrefix().equalsIgnoreCase(c.certificatePrefix())) {
                throw new CapledgerException(ErrorCode.DUPLICATE_CERTIFICATE_PREFIX,
                        "Certificate prefix '" + c.certificatePrefix() + "' is already used by " + existing.name());
            }
        }
        if (!c.fractionalSharesAllowed() && !c.initialSharesAuthorized().isWhole()) {
            throw new CapledgerException(ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED,
                    "initialSharesAuthorized must be whole when fractional shares are not allowed");
        }
        List<ConversionRight> rights = c.conversionRights() == null ? List.of() : List.copyOf(c.conversionRights());
        Set<StockClassId> targets = new HashSet<>();
        for (ConversionRight right : rights) {
            requirePresent(right, "conversionRights[]");
            requirePresent(right.ratio(), "conversionRights[].ratio");
            StockClassRecord target = stockClass(right.convertsToStockClassId());
            if (c.date().isBefore(target.createdOn())) {
                throw beforeReference("stock class " + target.name(), target.createdOn());
            }
            if (!targets.add(right.convertsToStockClassId())) {
                throw invalid("conversionRights has two rights into stock class " + target.name());
            }
        }
        return new StockClassCreated(c.issuerId(), c.stockClassId(), c.date(), name, c.classType(),
                c.certificatePrefix(), c.parValue(), c.votesPerShare(), c.seniority(), c.initialSharesAuthorized(),
                c.fractionalSharesAllowed(), rights.isEmpty() ? null : rights);
    }

    /** @throws CapledgerException UNKNOWN_STOCK_CLASS, AUTHORIZED_BELOW_OUTSTANDING, date rules */
    public StockClassAuthorizedSharesAdjusted adjustStockClassAuthorizedShares(AdjustStockClassAuthorizedShares c,
                                                                               LocalDate today) {
        StockClassRecord stockClass = stockClass(c.stockClassId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(stockClass.createdOn())) {
            throw beforeReference("stock class " + stockClass.name(), stockClass.createdOn());
        }
        requirePresent(c.newSharesAuthorized(), "newSharesAuthorized");
        optionalText(c.comments(), "comments", 2000);
        requireWholeIfRequired(stockClass, c.newSharesAuthorized(), "newSharesAuthorized");
        Timeline.Movement move = Timeline.Movement.authorize(c.date(), Long.MAX_VALUE,
                c.newSharesAuthorized().value());
        classTimelines.get(c.stockClassId()).breachWith(move).ifPresent(b -> {
            throw belowOutstanding("stock class " + stockClass.name(), b);
        });
        return new StockClassAuthorizedSharesAdjusted(c.issuerId(), c.stockClassId(), c.date(),
                c.newSharesAuthorized(), c.boardApprovalDate(), c.stockholderApprovalDate(),
                blankToNull(c.comments()));
    }

    /**
     * @throws CapledgerException UNKNOWN_STAKEHOLDER, UNKNOWN_STOCK_CLASS, DUPLICATE_SECURITY, INVALID_QUANTITY,
     *                            FRACTIONAL_SHARES_NOT_ALLOWED, AUTHORIZED_SHARES_EXCEEDED, date rules
     */
    public StockIssued issueStock(IssueStock c, LocalDate today) {
        StakeholderRecord holder = stakeholder(c.stakeholderId());
        StockClassRecord stockClass = stockClass(c.stockClassId());
        requireEffective(c.date(), today);
        requireNotBefore(c.date(), holder, stockClass);
        requireAfterLastSplit(stockClass, c.date());
        requireNewSecurityIds(List.of(c.securityId()));
        requirePositive(c.quantity());
        requireWholeIfRequired(stockClass, c.quantity(), "quantity");
        requirePresent(c.pricePerShare(), "pricePerShare");
        optionalText(c.consideration(), "consideration", 2000);
        Timeline.Movement move = Timeline.Movement.outstanding(c.date(), Long.MAX_VALUE, c.quantity().value());
        classTimelines.get(c.stockClassId()).breachWith(move).ifPresent(b -> {
            throw exceeded("stock class " + stockClass.name(), b);
        });
        issuerTimeline.breachWith(move).ifPresent(b -> {
            throw exceeded("the issuer", b);
        });
        Labels labels = new Labels();
        return labels.allGiven(new StockIssued(c.issuerId(), c.securityId(), c.date(),
                labels.stock(c.securityId(), stockClass), c.stakeholderId(), c.stockClassId(), c.quantity(),
                c.pricePerShare(), blankToNull(c.consideration())));
    }

    // ---------------------------------------------------------------- stock transactions

    /**
     * @throws CapledgerException UNKNOWN_SECURITY, SECURITY_NOT_OUTSTANDING, UNKNOWN_STAKEHOLDER, INVALID_QUANTITY,
     *                            QUANTITY_EXCEEDS_SECURITY, FRACTIONAL_SHARES_NOT_ALLOWED, DUPLICATE_SECURITY,
     *                            CONFLICTS_WITH_LATER_TRANSACTION, date rules
     */
    public StockTransferred transferStock(TransferStock c, LocalDate today) {
        StockSecurity source = terminalSource(c.securityId(), c.date(), today);
        StockClassRecord stockClass = stockClasses.get(source.stockClassId());
        if (c.transferees() == null || c.transferees().isEmpty()) {
            throw invalid("transferees must name at least one recipient");
        }
        optionalText(c.consideration(), "consideration", 2000);
        BigDecimal total = BigDecimal.ZERO;
        List<ResultingSecurity> resulting = new ArrayList<>();
        List<SecurityId> newIds = new ArrayList<>();
        Labels labels = new Labels();
        for (Transferee t : c.transferees()) {
            requirePresent(t, "transferees[]");
            StakeholderRecord holder = stakeholder(t.stakeholderId());
            if (c.date().isBefore(holder.registeredOn())) {
                throw beforeReference("stakeholder " + holder.name().legalName(), holder.registeredOn());
            }
            requirePositive(t.quantity());
            requireWholeIfRequired(stockClass, t.quantity(), "transferees[].quantity");
            total = total.add(t.quantity().value());
            newIds.add(t.securityId());
            resulting.add(new ResultingSecurity(t.securityId(), labels.stock(t.securityId(), stockClass),
                    t.stakeholderId(), stockClass.stockClassId(), t.quantity()));
        }
        Quantity transferred = new Quantity(total);
        ResultingSecurity balance = balance(source, stockClass, transferred, c.balanceSecurityId(), labels);
        if (balance != null) {
            newIds.add(balance.securityId());
        }
        requireNewSecurityIds(newIds);
        return labels.allGiven(new StockTransferred(c.issuerId(), c.securityId(), c.date(), transferred,
                blankToNull(c.consideration()), resulting, balance));
    }

    /** @throws CapledgerException as {@link #transferStock}, and INVALID_VALUE without a reason */
    public StockCancelled cancelStock(CancelStock c, LocalDate today) {
        StockSecurity source = terminalSource(c.securityId(), c.date(), today);
        StockClassRecord stockClass = stockClasses.get(source.stockClassId());
        requireText(c.reason(), "reason", 2000);
        requirePositive(c.quantity());
        requireWholeIfRequired(stockClass, c.quantity(), "quantity");
        Labels labels = new Labels();
        ResultingSecurity balance = balance(source, stockClass, c.quantity(), c.balanceSecurityId(), labels);
        requireNewSecurityIds(balance == null ? List.of() : List.of(balance.securityId()));
        return labels.allGiven(new StockCancelled(c.issuerId(), c.securityId(), c.date(), c.quantity(),
                c.reason().strip(), balance));
    }

    /** @throws CapledgerException as {@link #transferStock}, and INVALID_VALUE without a price */
    public StockRepurchased repurchaseStock(RepurchaseStock c, LocalDate today) {
        StockSecurity source = terminalSource(c.securityId(), c.date(), today);
        StockClassRecord stockClass = stockClasses.get(source.stockClassId());
        requirePositive(c.quantity());
        requireWholeIfRequired(stockClass, c.quantity(), "quantity");
        requirePresent(c.price(), "price");
        optionalText(c.consideration(), "consideration", 2000);
        Labels labels = new Labels();
        ResultingSecurity balance = balance(source, stockClass, c.quantity(), c.balanceSecurityId(), labels);
        requireNewSecurityIds(balance == null ? List.of() : List.of(balance.securityId()));
        return labels.allGiven(new StockRepurchased(c.issuerId(), c.securityId(), c.date(), c.quantity(), c.price(),
                blankToNull(c.consideration()), balance));
    }

    /** @throws CapledgerException as {@link #transferStock}; INVALID_QUANTITY unless the parts add up to the whole */
    public StockReissued reissueStock(ReissueStock c, LocalDate today) {
        StockSecurity source = terminalSource(c.securityId(), c.date(), today);
        StockClassRecord stockClass = stockClasses.get(source.stockClassId());
        optionalText(c.reason(), "reason", 2000);
        if (c.newSecurities() == null || c.newSecurities().isEmpty()) {
            throw invalid("newSecurities must name at least one security");
        }
        BigDecimal total = BigDecimal.ZERO;
        List<ResultingSecurity> resulting = new ArrayList<>();
        Labels labels = new Labels();
        for (ReissueStock.NewSecurity n : c.newSecurities()) {
            requirePresent(n, "newSecurities[]");
            requirePositive(n.quantity());
            requireWholeIfRequired(stockClass, n.quantity(), "newSecurities[].quantity");
            total = total.add(n.quantity().value());
            resulting.add(new ResultingSecurity(n.securityId(), labels.stock(n.securityId(), stockClass),
                    source.stakeholderId(), source.stockClassId(), n.quantity()));
        }
        if (total.compareTo(source.quantity().value()) != 0) {
            throw new CapledgerException(ErrorCode.INVALID_QUANTITY, "a reissuance is whole: the new securities "
                    + "must add up to the " + source.quantity() + " shares of " + source.label() + ", not " + total.toPlainString());
        }
        requireNewSecurityIds(resulting.stream().map(ResultingSecurity::securityId).toList());
        return labels.allGiven(new StockReissued(c.issuerId(), c.securityId(), c.date(), blankToNull(c.reason()),
                resulting, null));
    }

    /**
     * Replaces a lost certificate: the security is reissued whole, to the same holder and class, under a new label.
     *
     * @throws CapledgerException as {@link #transferStock}; INVALID_VALUE without an affidavit date or with one after
     *                            the replacement's date; DUPLICATE_SECURITY for a replacement id in use
     */
    public StockReissued replaceLostCertificate(ReplaceLostCertificate c, LocalDate today) {
        StockSecurity source = terminalSource(c.securityId(), c.date(), today);
        StockClassRecord stockClass = stockClasses.get(source.stockClassId());
        requireDate(c.affidavitDate(), "affidavitDate");
        if (c.affidavitDate().isAfter(c.date())) {
            throw invalid("affidavitDate " + c.affidavitDate() + " is after the replacement on " + c.date()
                    + ": a lost certificate is replaced once the holder has sworn to its loss");
        }
        requirePresent(c.replacementSecurityId(), "replacementSecurityId");
        optionalText(c.reason(), "reason", 2000);
        requireNewSecurityIds(List.of(c.replacementSecurityId()));
        Labels labels = new Labels();
        ResultingSecurity replacement = new ResultingSecurity(c.replacementSecurityId(),
                labels.stock(c.replacementSecurityId(), stockClass), source.stakeholderId(), source.stockClassId(),
                source.quantity());
        return labels.allGiven(new StockReissued(c.issuerId(), c.securityId(), c.date(), blankToNull(c.reason()),
                List.of(replacement), c.affidavitDate()));
    }

    /**
     * @return the setting (recorded even when it repeats the one in force: it is a statement of that date)
     * @throws CapledgerException INVALID_VALUE (more than two officers, a blank or too long name or title), date rules
     */
    public CertificateOfficersSet setCertificateOfficers(SetCertificateOfficers c, LocalDate today) {
        requireEffective(c.date(), today);
        List<CertificateOfficer> officers = c.officers() == null ? List.of() : c.officers();
        if (officers.size() > 2) {
            throw invalid("officers: at most two sign a certificate, not " + officers.size());
        }
        List<CertificateOfficer> clean = new ArrayList<>();
        for (CertificateOfficer o : officers) {
            requirePresent(o, "officers[]");
            requireText(o.name(), "officers[].name", 200);
            requireText(o.title(), "officers[].title", 100);
            clean.add(new CertificateOfficer(o.name().strip(), o.title().strip()));
        }
        return new CertificateOfficersSet(c.issuerId(), c.date(), List.copyOf(clean));
    }

    /**
     * @return the setting, each legend with its full text
     * @throws CapledgerException UNKNOWN_STOCK_CLASS; INVALID_VALUE (more than ten legends, a legend with both or
     *                            neither of template and text, a text over 4,000 characters), date rules
     */
    public StockClassLegendsSet setStockClassLegends(SetStockClassLegends c, LocalDate today) {
        StockClassRecord stockClass = stockClass(c.stockClassId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(stockClass.createdOn())) {
            throw beforeReference("stock class " + stockClass.name(), stockClass.createdOn());
        }
        List<Legend> legends = c.legends() == null ? List.of() : c.legends();
        if (legends.size() > 10) {
            throw invalid("legends: at most ten, not " + legends.size());
        }
        List<Legend> resolved = new ArrayList<>();
        for (Legend legend : legends) {
            requirePresent(legend, "legends[]");
            if ((legend.template() == null) == (legend.text() == null || legend.text().isBlank())) {
                throw invalid("each legend names either a template or a text, not both or neither");
            }
            if (legend.template() != null) {
                resolved.add(new Legend(legend.template(), legend.template().text()));
            } else {
                requireText(legend.text(), "legends[].text", 4000);
                resolved.add(new Legend(null, legend.text().strip()));
            }
        }
        return new StockClassLegendsSet(c.issuerId(), c.stockClassId(), c.date(), List.copyOf(resolved));
    }

    /**
     * @throws CapledgerException UNKNOWN_SECURITY, SECURITY_NOT_OUTSTANDING; CONFLICTS_WITH_LATER_TRANSACTION when
     *                            the security did not come from an issuance, or was accepted; INVALID_VALUE
     */
    public StockRetracted retractStock(RetractStock c, LocalDate today) {
        StockSecurity source = terminalSource(c.securityId(), c.date(), today);
        requireText(c.reason(), "reason", 2000);
        if (!"ISSUANCE".equals(source.origin())) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, source.label()
                    + " came from a " + source.origin().toLowerCase(Locale.ROOT)
                    + ", not an issuance; only an issuance can be retracted");
        }
        if (source.acceptedOn() != null) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION,
                    source.label() + " was accepted on " + source.acceptedOn() + "; an accepted issuance is not void");
        }
        return new StockRetracted(c.issuerId(), c.securityId(), c.date(), c.reason().strip(), source.issueDate());
    }

    /**
     * @throws CapledgerException NO_CONVERSION_RIGHT, AUTHORIZED_SHARES_EXCEEDED, and as {@link #transferStock}
     */
    public StockConverted convertStock(ConvertStock c, LocalDate today) {
        StockSecurity source = terminalSource(c.securityId(), c.date(), today);
        StockClassRecord from = stockClasses.get(source.stockClassId());
        StockClassRecord to = stockClass(c.toStockClassId());
        ConversionRight right = from.conversionRightInto(to.stockClassId()).orElseThrow(() ->
                new CapledgerException(ErrorCode.NO_CONVERSION_RIGHT,
                        "Stock class " + from.name() + " has no conversion right into " + to.name()));
        requirePositive(c.quantity());
        requireWholeIfRequired(from, c.quantity(), "quantity");
        requireAfterLastSplit(to, c.date());
        Ratio ratio = ratioOn(from.stockClassId(), to.stockClassId(), c.date(), right.ratio());
        Quantity converted = ratio.apply(c.quantity(), right.roundingType(), !to.fractionalSharesAllowed());
        if (!converted.isPositive()) {
            throw new CapledgerException(ErrorCode.INVALID_QUANTITY,
                    "converting " + c.quantity() + " shares at " + ratio + " gives no whole share of " + to.name());
        }
        Labels labels = new Labels();
        List<ResultingSecurity> results = conversionResults(c, source, to, converted, labels);
        ResultingSecurity balance = balance(source, from, c.quantity(), c.balanceSecurityId(), labels);
        List<SecurityId> newIds = new ArrayList<>();
        results.forEach(r -> newIds.add(r.securityId()));
        if (balance != null) {
            newIds.add(balance.securityId());
        }
        requireNewSecurityIds(newIds);
        Timeline.Movement into = Timeline.Movement.outstanding(c.date(), Long.MAX_VALUE, converted.value());
        classTimelines.get(to.stockClassId()).breachWith(into).ifPresent(b -> {
            throw exceeded("stock class " + to.name(), b);
        });
        issuerTimeline.breachWith(Timeline.Movement.outstanding(c.date(), Long.MAX_VALUE,
                converted.value().subtract(c.quantity().value()))).ifPresent(b -> {
            throw exceeded("the issuer", b);
        });
        return labels.allGiven(new StockConverted(c.issuerId(), c.securityId(), c.date(), c.quantity(),
                to.stockClassId(), ratio, results, balance));
    }

    /**
     * The securities a conversion creates: one ({@code newSecurityId}) holding all {@code converted} shares, or the
     * command's {@code resultingSecurities}, which must add up to exactly that.
     */
    private static List<ResultingSecurity> conversionResults(ConvertStock c, StockSecurity source,
                                                             StockClassRecord to, Quantity converted, Labels labels) {
        if (c.resultingSecurities() == null || c.resultingSecurities().isEmpty()) {
            return List.of(new ResultingSecurity(c.newSecurityId(), labels.stock(c.newSecurityId(), to),
                    source.stakeholderId(), to.stockClassId(), converted));
        }
        if (c.newSecurityId() != null) {
            throw invalid("give either newSecurityId or resultingSecurities, not both");
        }
        List<ResultingSecurity> results = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ConvertStock.NewSecurity n : c.resultingSecurities()) {
            requirePresent(n, "resultingSecurities[]");
            requirePositive(n.quantity());
            requireWholeIfRequired(to, n.quantity(), "resultingSecurities[].quantity");
            total = total.add(n.quantity().value());
            results.add(new ResultingSecurity(n.securityId(), labels.stock(n.securityId(), to),
                    source.stakeholderId(), to.stockClassId(), n.quantity()));
        }
        if (total.compareTo(converted.value()) != 0) {
            throw new CapledgerException(ErrorCode.INVALID_QUANTITY, "the resulting securities must add up to the "
                    + converted + " shares of " + to.name() + " the conversion gives, not " + total.toPlainString());
        }
        return results;
    }

    /** @throws CapledgerException INVALID_VALUE unless two or more securities of one holder and class, and as above */
    public StockConsolidated consolidateStock(ConsolidateStock c, LocalDate today) {
        if (c.securityIds() == null || c.securityIds().size() < 2) {
            throw invalid("securityIds must name at least two securities");
        }
        if (new HashSet<>(c.securityIds()).size() != c.securityIds().size()) {
            throw invalid("securityIds names a security twice");
        }
        optionalText(c.reason(), "reason", 2000);
        List<StockSecurity> sources = new ArrayList<>();
        for (SecurityId id : c.securityIds()) {
            sources.add(terminalSource(id, c.date(), today));
        }
        StockSecurity first = sources.get(0);
        BigDecimal total = BigDecimal.ZERO;
        for (StockSecurity s : sources) {
            if (!s.stakeholderId().equals(first.stakeholderId()) || !s.stockClassId().equals(first.stockClassId())) {
                throw invalid("only securities of one holder in one stock class can be consolidated");
            }
            total = total.add(s.quantity().value());
        }
        requireNewSecurityIds(List.of(c.newSecurityId()));
        StockClassRecord stockClass = stockClasses.get(first.stockClassId());
        Labels labels = new Labels();
        return labels.allGiven(new StockConsolidated(c.issuerId(), List.copyOf(c.securityIds()), c.date(),
                blankToNull(c.reason()), new ResultingSecurity(c.newSecurityId(),
                labels.stock(c.newSecurityId(), stockClass), first.stakeholderId(), first.stockClassId(),
                new Quantity(total))));
    }

    /**
     * @return the acceptance, or empty when the security was already accepted
     * @throws CapledgerException UNKNOWN_SECURITY, SECURITY_NOT_OUTSTANDING, date rules
     */
    public Optional<StockAccepted> acceptStock(AcceptStock c, LocalDate today) {
        StockSecurity security = security(c.securityId());
        requireEffective(c.date(), today);
        if (!security.isOutstanding()) {
            throw notOutstanding(security);
        }
        if (c.date().isBefore(security.issueDate())) {
            throw beforeReference("security " + security.label(), security.issueDate());
        }
        if (security.acceptedOn() != null) {
            return Optional.empty();
        }
        return Optional.of(new StockAccepted(c.issuerId(), c.securityId(), c.date()));
    }

    /**
     * @throws CapledgerException UNKNOWN_STOCK_CLASS; CONFLICTS_WITH_LATER_TRANSACTION when a security outstanding
     *                            on the date was acted on later, or the class was split on or after the date;
     *                            FRACTIONAL_SHARES_NOT_ALLOWED when a security would get a fraction;
     *                            AUTHORIZED_SHARES_EXCEEDED; date rules; for {@code resultingSecurityIds},
     *                            UNKNOWN_SECURITY, INVALID_VALUE (a security the split does not replace) and
     *                            DUPLICATE_SECURITY (an id given twice, or one the issuer has)
     */
    public StockClassSplit splitStockClass(SplitStockClass c, LocalDate today) {
        StockClassRecord stockClass = stockClass(c.stockClassId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(stockClass.createdOn())) {
            throw beforeReference("stock class " + stockClass.name(), stockClass.createdOn());
        }
        requirePresent(c.ratio(), "ratio");
        if (c.ratio().isOne()) {
            throw invalid("a split ratio of 1:1 changes nothing");
        }
        optionalText(c.comments(), "comments", 2000);
        if (stockClass.lastSplitOn() != null && !c.date().isAfter(stockClass.lastSplitOn())) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "stock class "
                    + stockClass.name() + " was split on " + stockClass.lastSplitOn()
                    + "; splits are recorded in date order", Map.of("conflictDate", stockClass.lastSplitOn().toString()));
        }
        Map<SecurityId, SecurityId> explicitIds = c.resultingSecurityIds() == null ? Map.of()
                : c.resultingSecurityIds();
        if (explicitIds.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw invalid("resultingSecurityIds maps the id of a security the split replaces to the id of its "
                    + "replacement; neither may be missing");
        }
        List<StockClassSplit.Replacement> splits = new ArrayList<>();
        BigDecimal change = BigDecimal.ZERO;
        Labels labels = new Labels();
        for (StockSecurity s : securities.values()) {
            if (!s.stockClassId().equals(stockClass.stockClassId()) || !s.outstandingOn(c.date())) {
                continue;
            }
            if (!s.isOutstanding()) {
                throw laterTransaction(s);
            }
            if (!stockClass.fractionalSharesAllowed() && !c.ratio().givesWhole(s.quantity())) {
                throw new CapledgerException(ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED, "splitting " + s.label()
                        + " (" + s.quantity() + " shares) at " + c.ratio() + " would leave a fractional share; "
                        + "cancel or repurchase the fraction first", Map.of("securityId", s.securityId().value()));
            }
            Quantity after = c.ratio().apply(s.quantity(), Ratio.RoundingType.FLOOR, false);
            SecurityId explicitId = explicitIds.get(s.securityId());
            String label = labels.stock(explicitId, stockClass);
            splits.add(new StockClassSplit.Replacement(s.securityId(), new ResultingSecurity(
                    explicitId != null ? explicitId : derivedSecurityId(label), label, s.stakeholderId(),
                    s.stockClassId(), after)));
            change = change.add(after.value()).subtract(s.quantity().value());
        }
        requireSplitMapping(explicitIds, splits, stockClass, c.date());
        Quantity authorized = c.newSharesAuthorized();
        if (authorized == null) {
            BigDecimal inForce = classTimelines.get(stockClass.stockClassId()).authorizedOn(c.date());
            authorized = c.ratio().apply(new Quantity(inForce), Ratio.RoundingType.FLOOR,
                    !stockClass.fractionalSharesAllowed());
        }
        requireWholeIfRequired(stockClass, authorized, "newSharesAuthorized");
        Timeline.Movement move = new Timeline.Movement(c.date(), Long.MAX_VALUE, change, authorized.value());
        classTimelines.get(stockClass.stockClassId()).breachWith(move).ifPresent(b -> {
            throw exceeded("stock class " + stockClass.name(), b);
        });
        issuerTimeline.breachWith(Timeline.Movement.outstanding(c.date(), Long.MAX_VALUE, change)).ifPresent(b -> {
            throw exceeded("the issuer", b);
        });
        List<StockClassSplit.Adjustment> grantAdjustments = new ArrayList<>();
        List<StockClassSplit.Adjustment> warrantAdjustments = new ArrayList<>();
        List<StockClassSplit.PoolAdjustment> poolAdjustments = new ArrayList<>();
        if (Boolean.FALSE.equals(c.adjustGrantsAndWarrants())) {
            return labels.allGiven(new StockClassSplit(c.issuerId(), c.stockClassId(), c.date(), c.ratio(),
                    authorized, blankToNull(c.comments()), splits, grantAdjustments, warrantAdjustments,
                    poolAdjustments));
        }
        Map<StockPlanId, BigDecimal> grantChangeByPlan = new LinkedHashMap<>();
        Map<StockPlanId, BigDecimal> outstandingByPlan = new LinkedHashMap<>();
        for (GrantRecord g : grants.values()) {
            if (!g.stockClassId().equals(stockClass.stockClassId()) || !g.outstandingOn(c.date())) {
                continue;
            }
            LocalDate lastVesting = lastVestingRecord(g);
            if (!g.isOutstanding() || (lastVesting != null && lastVesting.isAfter(c.date()))) {
                LocalDate later = g.isOutstanding() ? lastVesting : g.extinguishedOn();
                throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "grant " + g.label()
                        + " was outstanding then but was acted on later, on " + later,
                        Map.of("securityId", g.securityId().value(), "conflictDate", later.toString()));
            }
            Quantity after = c.ratio().apply(g.quantity(), Ratio.RoundingType.FLOOR,
                    !stockClass.fractionalSharesAllowed());
            grantAdjustments.add(new StockClassSplit.Adjustment(g.securityId(), after,
                    dividedBy(g.exercisePrice(), c.ratio())));
            if (g.stockPlanId() != null) {
                grantChangeByPlan.merge(g.stockPlanId(), after.value().subtract(g.quantity().value()), BigDecimal::add);
                outstandingByPlan.merge(g.stockPlanId(), g.quantity().value(), BigDecimal::add);
            }
        }
        for (InstrumentRecord w : instruments.values()) {
            boolean outstandingThen = InstrumentRecord.WARRANT.equals(w.kind())
                    && stockClass.stockClassId().equals(w.stockClassId()) && !"RETRACTED".equals(w.status())
                    && !w.issueDate().isAfter(c.date())
                    && (w.extinguishedOn() == null || w.extinguishedOn().isAfter(c.date()));
            if (!outstandingThen) {
                continue;
            }
            if (!w.isOutstanding()) {
                throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "warrant " + w.label()
                        + " was outstanding then but was acted on later, on " + w.extinguishedOn(),
                        Map.of("securityId", w.securityId().value(), "conflictDate", w.extinguishedOn().toString()));
            }
            warrantAdjustments.add(new StockClassSplit.Adjustment(w.securityId(), w.quantity() == null ? null
                    : c.ratio().apply(w.quantity(), Ratio.RoundingType.FLOOR, !stockClass.fractionalSharesAllowed()),
                    dividedBy(w.exercisePrice(), c.ratio())));
        }
        for (StockPlanRecord plan : plans.values()) {
            if (!plan.stockClassIds().contains(stockClass.stockClassId())) {
                continue;
            }
            Timeline pool = planTimelines.get(plan.stockPlanId());
            BigDecimal reserved = pool.authorizedOn(c.date());
            Quantity newReserved = c.ratio().apply(new Quantity(reserved), Ratio.RoundingType.FLOOR, true);
            BigDecimal used = pool.outstandingOn(c.date())
                    .subtract(outstandingByPlan.getOrDefault(plan.stockPlanId(), BigDecimal.ZERO));
            BigDecimal usedAfter = c.ratio().apply(new Quantity(used.max(BigDecimal.ZERO)), Ratio.RoundingType.FLOOR,
                    true).value();
            BigDecimal consumedChange = grantChangeByPlan.getOrDefault(plan.stockPlanId(), BigDecimal.ZERO)
                    .add(usedAfter.subtract(used.max(BigDecimal.ZERO)));
            pool.breachWith(new Timeline.Movement(c.date(), Long.MAX_VALUE, consumedChange, newReserved.value()))
                    .ifPresent(b -> {
                        throw poolExceeded(plan, b);
                    });
            poolAdjustments.add(new StockClassSplit.PoolAdjustment(plan.stockPlanId(), newReserved, consumedChange));
        }
        return labels.allGiven(new StockClassSplit(c.issuerId(), c.stockClassId(), c.date(), c.ratio(), authorized,
                blankToNull(c.comments()), splits, grantAdjustments, warrantAdjustments, poolAdjustments));
    }

    /**
     * The explicit ids of a split's results name only securities it replaces, and every result's id is new.
     *
     * @throws CapledgerException UNKNOWN_SECURITY, INVALID_VALUE (a security the split does not replace),
     *                            DUPLICATE_SECURITY (an id given twice, or one the issuer has)
     */
    private void requireSplitMapping(Map<SecurityId, SecurityId> explicitIds,
                                     List<StockClassSplit.Replacement> splits, StockClassRecord stockClass,
                                     LocalDate date) {
        Set<SecurityId> replaced = new HashSet<>();
        splits.forEach(r -> replaced.add(r.sourceSecurityId()));
        Map<SecurityId, SecurityId> givenTo = new HashMap<>();
        for (Map.Entry<SecurityId, SecurityId> entry : explicitIds.entrySet()) {
            SecurityId source = entry.getKey();
            if (!replaced.contains(source)) {
                StockSecurity known = securities.get(source);
                if (known == null) {
                    throw new CapledgerException(ErrorCode.UNKNOWN_SECURITY, "resultingSecurityIds names security "
                            + source + ", which is not one of this issuer's", Map.of("securityId", source.value()));
                }
                throw invalid("resultingSecurityIds names " + known.label() + " (" + source + "), which the split "
                        + "does not replace: it is not a security of stock class " + stockClass.name()
                        + " outstanding on " + date);
            }
            SecurityId earlier = givenTo.putIfAbsent(entry.getValue(), source);
            if (earlier != null) {
                throw new CapledgerException(ErrorCode.DUPLICATE_SECURITY, "resultingSecurityIds gives the id "
                        + entry.getValue() + " to the replacements of both " + earlier + " and " + source,
                        Map.of("securityId", entry.getValue().value()));
            }
        }
        requireNewSecurityIds(splits.stream().map(r -> r.resultingSecurity().securityId()).toList());
    }

    /** @return {@code price} per share after a split at {@code ratio} (ten decimal places, half up), or null */
    private static Money dividedBy(Money price, Ratio ratio) {
        if (price == null) {
            return null;
        }
        return new Money(price.amount().multiply(ratio.denominator()).divide(ratio.numerator(), Decimals.MAX_SCALE,
                java.math.RoundingMode.HALF_UP), price.currency());
    }

    /**
     * @return the adjustment, or empty when the ratio is already in force
     * @throws CapledgerException UNKNOWN_STOCK_CLASS, NO_CONVERSION_RIGHT, CONFLICTS_WITH_LATER_TRANSACTION when a
     *                            later adjustment of the same right exists, date rules
     */
    public Optional<ConversionRatioAdjusted> adjustConversionRatio(AdjustConversionRatio c, LocalDate today) {
        StockClassRecord from = stockClass(c.stockClassId());
        StockClassRecord to = stockClass(c.convertsToStockClassId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(from.createdOn())) {
            throw beforeReference("stock class " + from.name(), from.createdOn());
        }
        requirePresent(c.newRatio(), "newRatio");
        optionalText(c.comments(), "comments", 2000);
        ConversionRight right = from.conversionRightInto(to.stockClassId()).orElseThrow(() ->
                new CapledgerException(ErrorCode.NO_CONVERSION_RIGHT,
                        "Stock class " + from.name() + " has no conversion right into " + to.name()));
        List<RatioChange> changes = ratioChanges.getOrDefault(ratioKey(from.stockClassId(), to.stockClassId()),
                List.of());
        if (!changes.isEmpty() && changes.get(changes.size() - 1).date().isAfter(c.date())) {
            LocalDate later = changes.get(changes.size() - 1).date();
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "the ratio was already adjusted "
                    + "as of " + later + "; adjustments are recorded in date order",
                    Map.of("conflictDate", later.toString()));
        }
        LocalDate lastConversion = conversionsOn.get(ratioKey(from.stockClassId(), to.stockClassId()));
        if (lastConversion != null && !lastConversion.isBefore(c.date())) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "shares of " + from.name()
                    + " were converted into " + to.name() + " on " + lastConversion + " at the ratio then in force",
                    Map.of("conflictDate", lastConversion.toString()));
        }
        Ratio current = ratioOn(from.stockClassId(), to.stockClassId(), c.date(), right.ratio());
        if (current.equals(c.newRatio())) {
            return Optional.empty();
        }
        return Optional.of(new ConversionRatioAdjusted(c.issuerId(), c.stockClassId(), c.date(),
                c.convertsToStockClassId(), c.newRatio(), blankToNull(c.comments())));
    }

    // ---------------------------------------------------------------- stock plans and equity compensation

    /** @throws CapledgerException DUPLICATE_STOCK_PLAN, UNKNOWN_STOCK_CLASS, INVALID_VALUE, date rules */
    public StockPlanCreated createStockPlan(CreateStockPlan c, LocalDate today) {
        requireEffective(c.date(), today);
        Objects.requireNonNull(c.stockPlanId(), "stockPlanId");
        if (plans.containsKey(c.stockPlanId())) {
            throw new CapledgerException(ErrorCode.DUPLICATE_STOCK_PLAN, "Stock plan " + c.stockPlanId()
                    + " already exists");
        }
        requireText(c.planName(), "planName", 200);
        String name = c.planName().strip();
        for (StockPlanRecord existing : plans.values()) {
            if (existing.planName().equalsIgnoreCase(name)) {
                throw new CapledgerException(ErrorCode.DUPLICATE_STOCK_PLAN, "A stock plan named '" + name
                        + "' already exists");
            }
        }
        requirePresent(c.initialSharesReserved(), "initialSharesReserved");
        if (c.stockClassIds() == null || c.stockClassIds().isEmpty()) {
            throw invalid("stockClassIds must name at least one stock class");
        }
        for (StockClassId id : c.stockClassIds()) {
            StockClassRecord stockClass = stockClass(id);
            if (c.date().isBefore(stockClass.createdOn())) {
                throw beforeReference("stock class " + stockClass.name(), stockClass.createdOn());
            }
        }
        return new StockPlanCreated(c.issuerId(), c.stockPlanId(), c.date(), name, c.boardApprovalDate(),
                c.stockholderApprovalDate(), c.initialSharesReserved(),
                c.defaultCancellationBehavior() == null ? CancellationBehavior.RETURN_TO_POOL
                        : c.defaultCancellationBehavior(),
                List.copyOf(new java.util.LinkedHashSet<>(c.stockClassIds())));
    }

    /** @throws CapledgerException UNKNOWN_STOCK_PLAN, PLAN_POOL_BELOW_GRANTED, date rules */
    public StockPlanPoolAdjusted adjustStockPlanPool(AdjustStockPlanPool c, LocalDate today) {
        StockPlanRecord plan = plan(c.stockPlanId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(plan.createdOn())) {
            throw beforeReference("stock plan " + plan.planName(), plan.createdOn());
        }
        requirePresent(c.sharesReserved(), "sharesReserved");
        optionalText(c.comments(), "comments", 2000);
        planTimelines.get(plan.stockPlanId()).breachWith(Timeline.Movement.authorize(c.date(), Long.MAX_VALUE,
                c.sharesReserved().value())).ifPresent(b -> {
            throw new CapledgerException(ErrorCode.PLAN_POOL_BELOW_GRANTED, "The pool of " + plan.planName()
                    + " would be " + b.authorized().toPlainString() + " on " + b.date() + ", below the "
                    + b.outstanding().toPlainString() + " granted or exercised from it then", breachProperties(b));
        });
        return new StockPlanPoolAdjusted(c.issuerId(), c.stockPlanId(), c.date(), c.sharesReserved(),
                c.boardApprovalDate(), c.stockholderApprovalDate(), blankToNull(c.comments()));
    }

    /**
     * @throws CapledgerException UNKNOWN_STAKEHOLDER, UNKNOWN_STOCK_CLASS, UNKNOWN_STOCK_PLAN, INVALID_VALUE,
     *                            INVALID_QUANTITY, FRACTIONAL_SHARES_NOT_ALLOWED, DUPLICATE_SECURITY,
     *                            PLAN_POOL_EXCEEDED, date rules
     */
    public EquityCompensationIssued issueEquityCompensation(IssueEquityCompensation c, LocalDate today) {
        StakeholderRecord holder = stakeholder(c.stakeholderId());
        StockClassRecord stockClass = stockClass(c.stockClassId());
        requireEffective(c.date(), today);
        requireNotBefore(c.date(), holder, stockClass);
        requireAfterLastSplit(stockClass, c.date());
        StockPlanRecord plan = null;
        if (c.stockPlanId() != null) {
            plan = plan(c.stockPlanId());
            if (c.date().isBefore(plan.createdOn())) {
                throw beforeReference("stock plan " + plan.planName(), plan.createdOn());
            }
            if (!plan.stockClassIds().contains(c.stockClassId())) {
                throw invalid("stock plan " + plan.planName() + " does not grant shares of " + stockClass.name());
            }
        }
        requirePresent(c.compensationType(), "compensationType");
        requirePositive(c.quantity());
        requireWholeIfRequired(stockClass, c.quantity(), "quantity");
        if (c.compensationType().isOption() && c.exercisePrice() == null) {
            throw invalid("exercisePrice is required for options");
        }
        if (c.compensationType() == CompensationType.RSU && c.exercisePrice() != null) {
            throw invalid("RSUs have no exercise price");
        }
        requireDate(c.expirationDate(), "expirationDate");
        if (c.expirationDate().isBefore(c.date())) {
            throw invalid("expirationDate must not be before the grant date");
        }
        if (c.terminationExerciseWindows() != null) {
            for (TerminationExerciseWindow w : c.terminationExerciseWindows()) {
                if (w == null || w.reason() == null || w.periodType() == null || w.period() < 1) {
                    throw invalid("terminationExerciseWindows need a reason, a periodType and a period of at least 1");
                }
            }
        }
        if (c.vestingStartDate() != null) {
            requireDate(c.vestingStartDate(), "vestingStartDate");
            if (c.vestingTerms() == null) {
                throw invalid("vestingStartDate needs vestingTerms");
            }
        }
        optionalText(c.consideration(), "consideration", 2000);
        requireNewSecurityIds(List.of(c.securityId()));
        if (plan != null) {
            StockPlanRecord p = plan;
            planTimelines.get(plan.stockPlanId()).breachWith(Timeline.Movement.outstanding(c.date(), Long.MAX_VALUE,
                    c.quantity().value())).ifPresent(b -> {
                throw poolExceeded(p, b);
            });
        }
        Labels labels = new Labels();
        return labels.allGiven(new EquityCompensationIssued(c.issuerId(), c.securityId(), c.date(),
                labels.grant(c.securityId(), c.compensationType()), c.stakeholderId(), c.stockPlanId(),
                c.stockClassId(), c.compensationType(), c.quantity(), c.exercisePrice(), c.basePrice(),
                c.earlyExercisable(), c.vestingTerms(), c.vestingStartDate(), c.expirationDate(),
                c.terminationExerciseWindows() == null ? List.of() : List.copyOf(c.terminationExerciseWindows()),
                c.boardApprovalDate(), blankToNull(c.consideration())));
    }

    /**
     * @throws CapledgerException UNKNOWN_SECURITY, SECURITY_NOT_OUTSTANDING, SECURITY_EXPIRED, SHARES_NOT_VESTED,
     *                            QUANTITY_EXCEEDS_SECURITY, AUTHORIZED_SHARES_EXCEEDED, INVALID_VALUE, date rules
     */
    public EquityCompensationExercised exerciseEquityCompensation(ExerciseEquityCompensation c, LocalDate today) {
        GrantRecord grant = terminalGrant(c.securityId(), c.date(), today);
        if (!grant.compensationType().isOption()) {
            throw invalid(grant.label() + " is " + grant.compensationType() + ", not an option: "
                    + (grant.compensationType() == CompensationType.RSU ? "RSUs are released" : "SARs are not exercised for shares here"));
        }
        optionalText(c.consideration(), "consideration", 2000);
        Labels labels = new Labels();
        return labels.allGiven(new EquityCompensationExercised(c.issuerId(), c.securityId(), c.date(), c.quantity(),
                blankToNull(c.consideration()), List.of(settle(grant, c.date(), c.quantity(), c.resultingSecurityId(),
                grant.earlyExercisable(), labels)), grantBalance(grant, c.quantity(), c.balanceSecurityId(),
                List.of(c.resultingSecurityId()), labels)));
    }

    /** @throws CapledgerException as {@link #exerciseEquityCompensation}; only RSUs, only vested shares */
    public EquityCompensationReleased releaseEquityCompensation(ReleaseEquityCompensation c, LocalDate today) {
        GrantRecord grant = terminalGrant(c.securityId(), c.date(), today);
        if (grant.compensationType() != CompensationType.RSU) {
            throw invalid(grant.label() + " is " + grant.compensationType() + ", not an RSU: options are exercised");
        }
        Labels labels = new Labels();
        return labels.allGiven(new EquityCompensationReleased(c.issuerId(), c.securityId(), c.date(), c.quantity(),
                c.settlementDate(), c.releasePrice(), List.of(settle(grant, c.date(), c.quantity(),
                c.resultingSecurityId(), false, labels)), grantBalance(grant, c.quantity(), c.balanceSecurityId(),
                List.of(c.resultingSecurityId()), labels)));
    }

    /** @throws CapledgerException UNKNOWN_SECURITY, SECURITY_NOT_OUTSTANDING, QUANTITY_EXCEEDS_SECURITY, INVALID_VALUE */
    public EquityCompensationCancelled cancelEquityCompensation(CancelEquityCompensation c, LocalDate today) {
        GrantRecord grant = terminalGrant(c.securityId(), c.date(), today);
        requireText(c.reason(), "reason", 2000);
        requirePositive(c.quantity());
        StockPlanRecord plan = grant.stockPlanId() == null ? null : plans.get(grant.stockPlanId());
        Quantity returned = plan != null && plan.cancellationBehavior() == CancellationBehavior.RETURN_TO_POOL
                ? c.quantity() : Quantity.ZERO;
        Labels labels = new Labels();
        return labels.allGiven(new EquityCompensationCancelled(c.issuerId(), c.securityId(), c.date(), c.quantity(),
                c.reason().strip(), returned, grantBalance(grant, c.quantity(), c.balanceSecurityId(), List.of(),
                labels)));
    }

    /** @throws CapledgerException CONFLICTS_WITH_LATER_TRANSACTION unless an untouched, unaccepted grant */
    public EquityCompensationRetracted retractEquityCompensation(RetractEquityCompensation c, LocalDate today) {
        GrantRecord grant = terminalGrant(c.securityId(), c.date(), today);
        requireText(c.reason(), "reason", 2000);
        if (!"ISSUANCE".equals(grant.origin()) || grant.acceptedOn() != null) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, grant.label()
                    + " was accepted or came from a transaction on another grant; only an untouched grant is void");
        }
        return new EquityCompensationRetracted(c.issuerId(), c.securityId(), c.date(), c.reason().strip(),
                grant.issueDate());
    }

    /** @throws CapledgerException UNKNOWN_STAKEHOLDER, DUPLICATE_SECURITY, and the rules for a live grant */
    public EquityCompensationTransferred transferEquityCompensation(TransferEquityCompensation c, LocalDate today) {
        GrantRecord grant = terminalGrant(c.securityId(), c.date(), today);
        requireTransferee(c.toStakeholderId(), c.date());
        optionalText(c.consideration(), "consideration", 2000);
        requireNewSecurityIds(List.of(c.newSecurityId()));
        Labels labels = new Labels();
        return labels.allGiven(new EquityCompensationTransferred(c.issuerId(), c.securityId(), c.date(),
                c.toStakeholderId(), blankToNull(c.consideration()), new ResultingGrant(c.newSecurityId(),
                labels.grant(c.newSecurityId(), grant.compensationType()), grant.quantity())));
    }

    /** @return the acceptance, or empty when already accepted */
    public Optional<EquityCompensationAccepted> acceptEquityCompensation(AcceptEquityCompensation c, LocalDate today) {
        GrantRecord grant = liveGrant(c.securityId(), c.date(), today);
        return grant.acceptedOn() != null ? Optional.empty()
                : Optional.of(new EquityCompensationAccepted(c.issuerId(), c.securityId(), c.date()));
    }

    /** @return the repricing, or empty when the price is already in force */
    public Optional<EquityCompensationRepriced> repriceEquityCompensation(RepriceEquityCompensation c,
                                                                         LocalDate today) {
        GrantRecord grant = liveGrant(c.securityId(), c.date(), today);
        requirePresent(c.newExercisePrice(), "newExercisePrice");
        if (!grant.compensationType().isOption()) {
            throw invalid("only options have an exercise price to reprice");
        }
        return c.newExercisePrice().equals(grant.exercisePrice()) ? Optional.empty()
                : Optional.of(new EquityCompensationRepriced(c.issuerId(), c.securityId(), c.date(),
                c.newExercisePrice()));
    }

    /** @return the start, or empty when vesting already started on that date */
    public Optional<VestingStarted> startVesting(StartVesting c, LocalDate today) {
        GrantRecord grant = liveGrant(c.securityId(), c.date(), today, false);
        requireCondition(grant, c.vestingConditionId(), VestingTrigger.Start.class);
        if (grant.vestingStart() != null) {
            if (grant.vestingStart().equals(c.date())) {
                return Optional.empty();
            }
            throw invalid("vesting of " + grant.label() + " already started on " + grant.vestingStart());
        }
        return Optional.of(new VestingStarted(c.issuerId(), c.securityId(), c.date(), c.vestingConditionId()));
    }

    /** @return the event, or empty when the condition's event is already recorded for that date */
    public Optional<VestingEventRecorded> recordVestingEvent(RecordVestingEvent c, LocalDate today) {
        GrantRecord grant = liveGrant(c.securityId(), c.date(), today);
        requireCondition(grant, c.vestingConditionId(), VestingTrigger.Event.class);
        VestingEventOccurrence occurrence = new VestingEventOccurrence(c.vestingConditionId(), c.date());
        if (grant.vestingEvents().contains(occurrence)) {
            return Optional.empty();
        }
        return Optional.of(new VestingEventRecorded(c.issuerId(), c.securityId(), c.date(), c.vestingConditionId()));
    }

    /** @throws CapledgerException INVALID_QUANTITY, INVALID_VALUE without a reason, and the grant rules */
    public VestingAccelerated accelerateVesting(AccelerateVesting c, LocalDate today) {
        GrantRecord grant = liveGrant(c.securityId(), c.date(), today);
        requirePositive(c.quantity());
        requireText(c.reason(), "reason", 2000);
        if (grant.vestingTerms() == null) {
            throw invalid(grant.label() + " has no vesting terms: it vested in full when granted");
        }
        return new VestingAccelerated(c.issuerId(), c.securityId(), c.date(), c.quantity(), c.reason().strip());
    }

    /** @throws CapledgerException UNKNOWN_SECURITY, QUANTITY_EXCEEDS_SECURITY (more than is held for the pool) */
    public SharesReturnedToPool returnToPool(ReturnToPool c, LocalDate today) {
        GrantRecord grant = grant(c.securityId());
        requireEffective(c.date(), today);
        requirePositive(c.quantity());
        optionalText(c.reason(), "reason", 2000);
        if (grant.stockPlanId() == null) {
            throw invalid(grant.label() + " was not granted from a plan");
        }
        if (grant.extinguishedOn() != null && c.date().isBefore(grant.extinguishedOn())) {
            throw beforeReference("the cancellation of " + grant.label(), grant.extinguishedOn());
        }
        if (c.quantity().value().compareTo(grant.heldForPool()) > 0) {
            throw new CapledgerException(ErrorCode.QUANTITY_EXCEEDS_SECURITY, grant.label() + " has "
                    + grant.heldForPool().toPlainString() + " cancelled shares not yet returned to the pool",
                    Map.of("available", grant.heldForPool().toPlainString()));
        }
        return new SharesReturnedToPool(c.issuerId(), c.securityId(), c.date(), grant.stockPlanId(), c.quantity(),
                blankToNull(c.reason()));
    }

    private StockPlanRecord plan(StockPlanId id) {
        return find(plans, id, ErrorCode.UNKNOWN_STOCK_PLAN, "stock plan");
    }

    private GrantRecord grant(SecurityId id) {
        return find(grants, id, ErrorCode.UNKNOWN_SECURITY, "security");
    }

    private GrantRecord liveGrant(SecurityId id, LocalDate date, LocalDate today) {
        return liveGrant(id, date, today, true);
    }

    /** An outstanding grant, dated on or after its grant date unless {@code notBeforeGrant} is false. */
    private GrantRecord liveGrant(SecurityId id, LocalDate date, LocalDate today, boolean notBeforeGrant) {
        GrantRecord grant = grant(id);
        requireEffective(date, today);
        if (!grant.isOutstanding()) {
            throw new CapledgerException(ErrorCode.SECURITY_NOT_OUTSTANDING, "security " + grant.label() + " was "
                    + grant.status().toLowerCase(Locale.ROOT) + " on " + grant.extinguishedOn()
                    + " and accepts no further transaction",
                    Map.of("status", grant.status(), "extinguishedOn", grant.extinguishedOn().toString(),
                            "resultingSecurityIds", grant.resultingSecurityIds().stream().map(SecurityId::value)
                                    .toList()));
        }
        if (notBeforeGrant && date.isBefore(grant.issueDate())) {
            throw beforeReference("security " + grant.label(), grant.issueDate());
        }
        return grant;
    }

    private GrantRecord terminalGrant(SecurityId id, LocalDate date, LocalDate today) {
        GrantRecord grant = liveGrant(id, date, today);
        if (grant.acceptedOn() != null && grant.acceptedOn().isAfter(date)) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "security " + grant.label()
                    + " was accepted on " + grant.acceptedOn() + ", after " + date,
                    Map.of("conflictDate", grant.acceptedOn().toString()));
        }
        LocalDate lastVesting = lastVestingRecord(grant);
        if (lastVesting != null && lastVesting.isAfter(date)) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "vesting of " + grant.label()
                    + " was recorded as of " + lastVesting + ", after " + date,
                    Map.of("conflictDate", lastVesting.toString()));
        }
        return grant;
    }

    /** The latest dated vesting record of a grant (start, event, acceleration), or null. */
    private static LocalDate lastVestingRecord(GrantRecord grant) {
        LocalDate last = null;
        for (VestingEventOccurrence e : grant.vestingEvents()) {
            last = last == null || e.date().isAfter(last) ? e.date() : last;
        }
        for (VestingAcceleration a : grant.accelerations()) {
            last = last == null || a.date().isAfter(last) ? a.date() : last;
        }
        return last;
    }

    private static void requireCondition(GrantRecord grant, String conditionId, Class<? extends VestingTrigger> type) {
        if (grant.vestingTerms() == null) {
            throw invalid(grant.label() + " has no vesting terms");
        }
        var condition = grant.vestingTerms().condition(conditionId).orElseThrow(() ->
                invalid("the vesting terms of " + grant.label() + " have no condition '" + conditionId + "'"));
        if (!type.isInstance(condition.trigger())) {
            throw invalid("condition '" + conditionId + "' is not triggered that way");
        }
    }

    /** The stock an exercise or release issues: checks quantity, vesting, expiry and the class's authorized shares. */
    private ResultingSecurity settle(GrantRecord grant, LocalDate date, Quantity quantity, SecurityId newId,
                                     boolean unvestedAllowed, Labels labels) {
        requirePositive(quantity);
        if (quantity.compareTo(grant.quantity()) > 0) {
            throw new CapledgerException(ErrorCode.QUANTITY_EXCEEDS_SECURITY, quantity + " shares is more than the "
                    + grant.quantity() + " of " + grant.label(), Map.of("available", grant.quantity().toString()));
        }
        if (date.isAfter(grant.expirationDate())) {
            throw new CapledgerException(ErrorCode.SECURITY_EXPIRED, grant.label() + " expired on "
                    + grant.expirationDate(), Map.of("expirationDate", grant.expirationDate().toString()));
        }
        Quantity vested = grant.vested(date);
        if (!unvestedAllowed && quantity.compareTo(vested) > 0) {
            throw new CapledgerException(ErrorCode.SHARES_NOT_VESTED, "only " + vested + " shares of "
                    + grant.label() + " are vested on " + date, Map.of("vested", vested.toString()));
        }
        StockClassRecord stockClass = stockClasses.get(grant.stockClassId());
        requireWholeIfRequired(stockClass, quantity, "quantity");
        requireAfterLastSplit(stockClass, date);
        Timeline.Movement move = Timeline.Movement.outstanding(date, Long.MAX_VALUE, quantity.value());
        classTimelines.get(stockClass.stockClassId()).breachWith(move).ifPresent(b -> {
            throw exceeded("stock class " + stockClass.name(), b);
        });
        issuerTimeline.breachWith(move).ifPresent(b -> {
            throw exceeded("the issuer", b);
        });
        return new ResultingSecurity(newId, labels.stock(newId, stockClass), grant.stakeholderId(),
                stockClass.stockClassId(), quantity);
    }

    /** The balance of a grant after {@code used} of it, or null when nothing is left; checks the new ids. */
    private ResultingGrant grantBalance(GrantRecord grant, Quantity used, SecurityId balanceId,
                                        List<SecurityId> otherNewIds, Labels labels) {
        BigDecimal remainder = grant.quantity().value().subtract(used.value());
        if (remainder.signum() < 0) {
            throw new CapledgerException(ErrorCode.QUANTITY_EXCEEDS_SECURITY, used + " shares is more than the "
                    + grant.quantity() + " of " + grant.label(), Map.of("available", grant.quantity().toString()));
        }
        List<SecurityId> ids = new ArrayList<>(otherNewIds);
        ResultingGrant balance = null;
        if (remainder.signum() > 0) {
            if (balanceId == null) {
                throw invalid("balanceSecurityId is required: " + remainder.toPlainString() + " shares of "
                        + grant.label() + " remain");
            }
            ids.add(balanceId);
            balance = new ResultingGrant(balanceId, labels.grant(balanceId, grant.compensationType()),
                    new Quantity(remainder));
        }
        requireNewSecurityIds(ids);
        return balance;
    }

    private static String grantPrefix(CompensationType type) {
        return type.isOption() ? "OPT-" : type == CompensationType.RSU ? "RSU-" : "SAR-";
    }

    private static CapledgerException poolExceeded(StockPlanRecord plan, Timeline.Breach b) {
        return new CapledgerException(ErrorCode.PLAN_POOL_EXCEEDED, "Grants and exercises from " + plan.planName()
                + " would be " + b.outstanding().toPlainString() + " on " + b.date() + ", above its pool of "
                + b.authorized().toPlainString() + " then", breachProperties(b));
    }

    // ---------------------------------------------------------------- warrants and convertibles

    /** @throws CapledgerException UNKNOWN_STAKEHOLDER, UNKNOWN_STOCK_CLASS, INVALID_VALUE, DUPLICATE_SECURITY, dates */
    public WarrantIssued issueWarrant(IssueWarrant c, LocalDate today) {
        StakeholderRecord holder = stakeholder(c.stakeholderId());
        StockClassRecord stockClass = stockClass(c.stockClassId());
        requireEffective(c.date(), today);
        requireNotBefore(c.date(), holder, stockClass);
        requireAfterLastSplit(stockClass, c.date());
        if (c.quantity() != null) {
            requirePositive(c.quantity());
            requireWholeIfRequired(stockClass, c.quantity(), "quantity");
        }
        requirePresent(c.purchasePrice(), "purchasePrice");
        if (c.expirationDate() != null && c.expirationDate().isBefore(c.date())) {
            throw invalid("expirationDate must not be before the issue date");
        }
        optionalText(c.consideration(), "consideration", 2000);
        requireNewSecurityIds(List.of(c.securityId()));
        Labels labels = new Labels();
        return labels.allGiven(new WarrantIssued(c.issuerId(), c.securityId(), c.date(),
                labels.instrument(c.securityId(), WARRANT_PREFIX), c.stakeholderId(), c.stockClassId(), c.quantity(),
                c.exercisePrice(), c.purchasePrice(), c.expirationDate(), blankToNull(c.consideration())));
    }

    /**
     * @throws CapledgerException SECURITY_EXPIRED, QUANTITY_EXCEEDS_SECURITY, AUTHORIZED_SHARES_EXCEEDED, and the
     *                            rules for a live security
     */
    public WarrantExercised exerciseWarrant(ExerciseWarrant c, LocalDate today) {
        InstrumentRecord warrant = terminalInstrument(c.securityId(), InstrumentRecord.WARRANT, c.date(), today);
        if (warrant.expirationDate() != null && c.date().isAfter(warrant.expirationDate())) {
            throw new CapledgerException(ErrorCode.SECURITY_EXPIRED, warrant.label() + " expired on "
                    + warrant.expirationDate(), Map.of("expirationDate", warrant.expirationDate().toString()));
        }
        optionalText(c.consideration(), "consideration", 2000);
        Labels labels = new Labels();
        ResultingGrant balance = instrumentBalance(warrant, c.quantity(), c.balanceSecurityId(), labels);
        ResultingSecurity stock = resultingStock(stockClasses.get(warrant.stockClassId()), warrant.stakeholderId(),
                c.date(), c.quantity(), c.resultingSecurityId(), labels);
        requireNewSecurityIds(balance == null ? List.of(c.resultingSecurityId())
                : List.of(c.resultingSecurityId(), balance.securityId()));
        return labels.allGiven(new WarrantExercised(c.issuerId(), c.securityId(), c.date(), c.quantity(),
                blankToNull(c.consideration()), List.of(stock), balance));
    }

    /** @throws CapledgerException QUANTITY_EXCEEDS_SECURITY, INVALID_VALUE without a reason, live-security rules */
    public WarrantCancelled cancelWarrant(CancelWarrant c, LocalDate today) {
        InstrumentRecord warrant = terminalInstrument(c.securityId(), InstrumentRecord.WARRANT, c.date(), today);
        requireText(c.reason(), "reason", 2000);
        Quantity quantity = warrant.quantity() == null ? null : c.quantity();
        Labels labels = new Labels();
        ResultingGrant balance = quantity == null ? null
                : instrumentBalance(warrant, quantity, c.balanceSecurityId(), labels);
        requireNewSecurityIds(balance == null ? List.of() : List.of(balance.securityId()));
        return labels.allGiven(new WarrantCancelled(c.issuerId(), c.securityId(), c.date(), quantity,
                c.reason().strip(), balance));
    }

    public WarrantRetracted retractWarrant(RetractWarrant c, LocalDate today) {
        InstrumentRecord warrant = retractable(c.securityId(), InstrumentRecord.WARRANT, c.date(), today, c.reason());
        return new WarrantRetracted(c.issuerId(), c.securityId(), c.date(), c.reason().strip(), warrant.issueDate());
    }

    public WarrantTransferred transferWarrant(TransferWarrant c, LocalDate today) {
        InstrumentRecord warrant = terminalInstrument(c.securityId(), InstrumentRecord.WARRANT, c.date(), today);
        requireTransferee(c.toStakeholderId(), c.date());
        optionalText(c.consideration(), "consideration", 2000);
        requireNewSecurityIds(List.of(c.newSecurityId()));
        Labels labels = new Labels();
        return labels.allGiven(new WarrantTransferred(c.issuerId(), c.securityId(), c.date(), c.toStakeholderId(),
                blankToNull(c.consideration()), new ResultingGrant(c.newSecurityId(),
                labels.instrument(c.newSecurityId(), WARRANT_PREFIX), warrant.quantity())));
    }

    /** @return the acceptance, or empty when already accepted */
    public Optional<WarrantAccepted> acceptWarrant(AcceptWarrant c, LocalDate today) {
        InstrumentRecord warrant = liveInstrument(c.securityId(), InstrumentRecord.WARRANT, c.date(), today);
        return warrant.acceptedOn() != null ? Optional.empty()
                : Optional.of(new WarrantAccepted(c.issuerId(), c.securityId(), c.date()));
    }

    /** @throws CapledgerException UNKNOWN_STAKEHOLDER, INVALID_VALUE, INVALID_MONEY, DUPLICATE_SECURITY, dates */
    public ConvertibleIssued issueConvertible(IssueConvertible c, LocalDate today) {
        StakeholderRecord holder = stakeholder(c.stakeholderId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(holder.registeredOn())) {
            throw beforeReference("stakeholder " + holder.name().legalName(), holder.registeredOn());
        }
        requirePresent(c.convertibleType(), "convertibleType");
        requirePresent(c.investmentAmount(), "investmentAmount");
        if (c.investmentAmount().amount().signum() <= 0) {
            throw new CapledgerException(ErrorCode.INVALID_MONEY, "investmentAmount must be greater than zero");
        }
        if (c.seniority() < 1) {
            throw invalid("seniority must be at least 1");
        }
        ConversionTerms terms = c.terms();
        if (terms != null) {
            if (terms.stockClassId() != null) {
                StockClassRecord target = stockClass(terms.stockClassId());
                if (c.date().isBefore(target.createdOn())) {
                    throw beforeReference("stock class " + target.name(), target.createdOn());
                }
            }
            for (BigDecimal fraction : java.util.Arrays.asList(terms.discount(), terms.interestRate())) {
                if (fraction != null && (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0)) {
                    throw invalid("discount and interestRate are fractions from 0 to 1, such as 0.2 for 20%");
                }
            }
            if (terms.maturityDate() != null && terms.maturityDate().isBefore(c.date())) {
                throw invalid("maturityDate must not be before the issue date");
            }
        }
        optionalText(c.consideration(), "consideration", 2000);
        requireNewSecurityIds(List.of(c.securityId()));
        Labels labels = new Labels();
        return labels.allGiven(new ConvertibleIssued(c.issuerId(), c.securityId(), c.date(),
                labels.instrument(c.securityId(), convertiblePrefix(c.convertibleType())), c.stakeholderId(),
                c.convertibleType(), c.investmentAmount(), terms, c.seniority(), c.proRata(),
                blankToNull(c.consideration())));
    }

    /** @throws CapledgerException UNKNOWN_STOCK_CLASS, AUTHORIZED_SHARES_EXCEEDED, INVALID_VALUE, live rules */
    public ConvertibleConverted convertConvertible(ConvertConvertible c, LocalDate today) {
        InstrumentRecord convertible = terminalInstrument(c.securityId(), InstrumentRecord.CONVERTIBLE, c.date(),
                today);
        requireText(c.reason(), "reason", 2000);
        StockClassRecord stockClass = stockClass(c.stockClassId());
        if (c.date().isBefore(stockClass.createdOn())) {
            throw beforeReference("stock class " + stockClass.name(), stockClass.createdOn());
        }
        Labels labels = new Labels();
        ResultingSecurity stock = resultingStock(stockClass, convertible.stakeholderId(), c.date(), c.quantity(),
                c.resultingSecurityId(), labels);
        requireNewSecurityIds(List.of(c.resultingSecurityId()));
        return labels.allGiven(new ConvertibleConverted(c.issuerId(), c.securityId(), c.date(), c.reason().strip(),
                List.of(stock)));
    }

    public ConvertibleCancelled cancelConvertible(CancelConvertible c, LocalDate today) {
        terminalInstrument(c.securityId(), InstrumentRecord.CONVERTIBLE, c.date(), today);
        requireText(c.reason(), "reason", 2000);
        return new ConvertibleCancelled(c.issuerId(), c.securityId(), c.date(), c.reason().strip());
    }

    public ConvertibleRetracted retractConvertible(RetractConvertible c, LocalDate today) {
        InstrumentRecord convertible = retractable(c.securityId(), InstrumentRecord.CONVERTIBLE, c.date(), today,
                c.reason());
        return new ConvertibleRetracted(c.issuerId(), c.securityId(), c.date(), c.reason().strip(),
                convertible.issueDate());
    }

    public ConvertibleTransferred transferConvertible(TransferConvertible c, LocalDate today) {
        InstrumentRecord convertible = terminalInstrument(c.securityId(), InstrumentRecord.CONVERTIBLE, c.date(),
                today);
        requireTransferee(c.toStakeholderId(), c.date());
        optionalText(c.consideration(), "consideration", 2000);
        requireNewSecurityIds(List.of(c.newSecurityId()));
        Labels labels = new Labels();
        return labels.allGiven(new ConvertibleTransferred(c.issuerId(), c.securityId(), c.date(),
                c.toStakeholderId(), blankToNull(c.consideration()), new ResultingGrant(c.newSecurityId(),
                labels.instrument(c.newSecurityId(), instrumentPrefix(convertible)), null)));
    }

    /** @return the acceptance, or empty when already accepted */
    public Optional<ConvertibleAccepted> acceptConvertible(AcceptConvertible c, LocalDate today) {
        InstrumentRecord convertible = liveInstrument(c.securityId(), InstrumentRecord.CONVERTIBLE, c.date(), today);
        return convertible.acceptedOn() != null ? Optional.empty()
                : Optional.of(new ConvertibleAccepted(c.issuerId(), c.securityId(), c.date()));
    }

    private void requireNotBefore(LocalDate date, StakeholderRecord holder, StockClassRecord stockClass) {
        if (date.isBefore(holder.registeredOn())) {
            throw beforeReference("stakeholder " + holder.name().legalName(), holder.registeredOn());
        }
        if (date.isBefore(stockClass.createdOn())) {
            throw beforeReference("stock class " + stockClass.name(), stockClass.createdOn());
        }
    }

    private void requireTransferee(StakeholderId id, LocalDate date) {
        StakeholderRecord to = stakeholder(id);
        if (date.isBefore(to.registeredOn())) {
            throw beforeReference("stakeholder " + to.name().legalName(), to.registeredOn());
        }
    }

    private InstrumentRecord liveInstrument(SecurityId id, String kind, LocalDate date, LocalDate today) {
        InstrumentRecord instrument = find(instruments, id, ErrorCode.UNKNOWN_SECURITY, "security");
        if (!instrument.kind().equals(kind)) {
            throw new CapledgerException(ErrorCode.UNKNOWN_SECURITY, "No " + kind.toLowerCase(Locale.ROOT) + " " + id
                    + " in this issuer");
        }
        requireEffective(date, today);
        if (!instrument.isOutstanding()) {
            throw new CapledgerException(ErrorCode.SECURITY_NOT_OUTSTANDING, "security " + instrument.label()
                    + " was " + instrument.status().toLowerCase(Locale.ROOT) + " on " + instrument.extinguishedOn()
                    + " and accepts no further transaction", Map.of("status", instrument.status(),
                    "extinguishedOn", instrument.extinguishedOn().toString(), "resultingSecurityIds",
                    instrument.resultingSecurityIds().stream().map(SecurityId::value).toList()));
        }
        if (date.isBefore(instrument.issueDate())) {
            throw beforeReference("security " + instrument.label(), instrument.issueDate());
        }
        return instrument;
    }

    private InstrumentRecord terminalInstrument(SecurityId id, String kind, LocalDate date, LocalDate today) {
        InstrumentRecord instrument = liveInstrument(id, kind, date, today);
        if (instrument.acceptedOn() != null && instrument.acceptedOn().isAfter(date)) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "security " + instrument.label()
                    + " was accepted on " + instrument.acceptedOn() + ", after " + date,
                    Map.of("conflictDate", instrument.acceptedOn().toString()));
        }
        return instrument;
    }

    private InstrumentRecord retractable(SecurityId id, String kind, LocalDate date, LocalDate today, String reason) {
        InstrumentRecord instrument = terminalInstrument(id, kind, date, today);
        requireText(reason, "reason", 2000);
        if (!"ISSUANCE".equals(instrument.origin()) || instrument.acceptedOn() != null) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, instrument.label()
                    + " was accepted or came from a transaction on another security; only an untouched one is void");
        }
        return instrument;
    }

    /** The balance of a warrant after {@code used}; null when nothing (or an unknown quantity) is left. */
    private ResultingGrant instrumentBalance(InstrumentRecord instrument, Quantity used, SecurityId balanceId,
                                             Labels labels) {
        requirePositive(used);
        if (instrument.quantity() == null) {
            return null;
        }
        BigDecimal remainder = instrument.quantity().value().subtract(used.value());
        if (remainder.signum() < 0) {
            throw new CapledgerException(ErrorCode.QUANTITY_EXCEEDS_SECURITY, used + " shares is more than the "
                    + instrument.quantity() + " of " + instrument.label(),
                    Map.of("available", instrument.quantity().toString()));
        }
        if (remainder.signum() == 0) {
            return null;
        }
        if (balanceId == null) {
            throw invalid("balanceSecurityId is required: " + remainder.toPlainString() + " shares of "
                    + instrument.label() + " remain");
        }
        return new ResultingGrant(balanceId, labels.instrument(balanceId, instrumentPrefix(instrument)),
                new Quantity(remainder));
    }

    /** Stock a grant, warrant or convertible turns into: checks the class's rules and authorized shares. */
    private ResultingSecurity resultingStock(StockClassRecord stockClass, StakeholderId holder, LocalDate date,
                                             Quantity quantity, SecurityId newId, Labels labels) {
        requirePositive(quantity);
        requireWholeIfRequired(stockClass, quantity, "quantity");
        requireAfterLastSplit(stockClass, date);
        Timeline.Movement move = Timeline.Movement.outstanding(date, Long.MAX_VALUE, quantity.value());
        classTimelines.get(stockClass.stockClassId()).breachWith(move).ifPresent(b -> {
            throw exceeded("stock class " + stockClass.name(), b);
        });
        issuerTimeline.breachWith(move).ifPresent(b -> {
            throw exceeded("the issuer", b);
        });
        return new ResultingSecurity(newId, labels.stock(newId, stockClass), holder, stockClass.stockClassId(),
                quantity);
    }

    private static String instrumentPrefix(InstrumentRecord instrument) {
        return InstrumentRecord.WARRANT.equals(instrument.kind()) ? WARRANT_PREFIX
                : convertiblePrefix(instrument.convertibleType());
    }

    private static String convertiblePrefix(ConvertibleType type) {
        return switch (type) {
            case SAFE -> "SAFE-";
            case NOTE -> "CN-";
            case CONVERTIBLE_SECURITY -> "CV-";
        };
    }

    // ---------------------------------------------------------------- fold

    /**
     * Folds one event in. Events must come in recording order; {@code sequence} is the event's position in the
     * issuer's stream, which orders transactions sharing an effective date.
     */
    public void apply(CapTableEvent event, long sequence) {
        if (!requestedLabels.isEmpty()) {
            throw new IllegalStateException("a ledger with requested labels only decides; fold into its own ledger");
        }
        if (event instanceof IssuerCreated e) {
            issuer = new IssuerRecord(e.issuerId(), e.legalName(), e.formationDate(), e.countryOfFormation(),
                    e.subdivisionOfFormation(), e.taxId());
            if (e.initialSharesAuthorized() != null) {
                issuerTimeline.add(Timeline.Movement.authorize(e.date(), sequence, e.initialSharesAuthorized().value()));
            }
        } else if (event instanceof IssuerAuthorizedSharesAdjusted e) {
            issuerTimeline.add(Timeline.Movement.authorize(e.date(), sequence, e.newSharesAuthorized().value()));
        } else if (event instanceof StakeholderRegistered e) {
            stakeholders.put(e.stakeholderId(), new StakeholderRecord(e.stakeholderId(), e.type(), e.name(),
                    e.email(), e.relationship(), e.date(), StakeholderStatus.ACTIVE, e.address(),
                    e.accreditedInvestor(), e.date(), e.date()));
        } else if (event instanceof StakeholderUpdated e) {
            StakeholderRecord s = stakeholders.get(e.stakeholderId());
            stakeholders.put(e.stakeholderId(), s.updated(e.name(), e.email(), e.relationship(), e.address(),
                    e.accreditedInvestor(), e.date()));
        } else if (event instanceof StockClassCreated e) {
            stockClasses.put(e.stockClassId(), new StockClassRecord(e.stockClassId(), e.name(), e.classType(),
                    e.certificatePrefix(), e.parValue(), e.votesPerShare(), e.seniority(),
                    e.fractionalSharesAllowed(), e.date(), 0, e.conversionRights(), null));
            Timeline timeline = new Timeline();
            timeline.add(Timeline.Movement.authorize(e.date(), sequence, e.initialSharesAuthorized().value()));
            classTimelines.put(e.stockClassId(), timeline);
        } else if (event instanceof StockClassAuthorizedSharesAdjusted e) {
            classTimelines.get(e.stockClassId())
                    .add(Timeline.Movement.authorize(e.date(), sequence, e.newSharesAuthorized().value()));
        } else if (event instanceof StockIssued e) {
            securities.put(e.securityId(), new StockSecurity(e.securityId(), e.securityLabel(), e.stakeholderId(),
                    e.stockClassId(), e.quantity(), e.pricePerShare(), e.consideration(), e.date(),
                    SecurityStatus.OUTSTANDING, "ISSUANCE", null, null, List.of(), List.of()));
            StockClassRecord c = stockClasses.get(e.stockClassId());
            stockClasses.put(c.stockClassId(), c.withSecuritiesIssued(c.securitiesIssued() + 1));
            useLabel(e.securityLabel());
            Timeline.Movement move = Timeline.Movement.outstanding(e.date(), sequence, e.quantity().value());
            classTimelines.get(e.stockClassId()).add(move);
            issuerTimeline.add(move);
        } else if (event instanceof StakeholderStatusChanged e) {
            StakeholderRecord s = stakeholders.get(e.stakeholderId());
            stakeholders.put(e.stakeholderId(), s.withStatus(e.newStatus(), e.date()));
        } else if (event instanceof StakeholderRelationshipChanged e) {
            StakeholderRecord s = stakeholders.get(e.stakeholderId());
            stakeholders.put(e.stakeholderId(), s.withRelationship(e.relationship(), e.date()));
        } else if (event instanceof StockPlanCreated e) {
            plans.put(e.stockPlanId(), new StockPlanRecord(e.stockPlanId(), e.planName(), e.date(),
                    e.defaultCancellationBehavior(), e.stockClassIds()));
            Timeline pool = new Timeline();
            pool.add(Timeline.Movement.authorize(e.date(), sequence, e.initialSharesReserved().value()));
            planTimelines.put(e.stockPlanId(), pool);
        } else if (event instanceof StockPlanPoolAdjusted e) {
            planTimelines.get(e.stockPlanId()).add(Timeline.Movement.authorize(e.date(), sequence,
                    e.sharesReserved().value()));
        } else if (event instanceof SharesReturnedToPool e) {
            planTimelines.get(e.stockPlanId()).add(Timeline.Movement.outstanding(e.date(), sequence,
                    e.quantity().value().negate()));
            grants.computeIfPresent(e.securityId(), (id, g) -> g.with(b -> b.heldForPool =
                    b.heldForPool.subtract(e.quantity().value())));
        } else if (event instanceof EquityCompensationIssued e) {
            grants.put(e.securityId(), new GrantRecord(e.securityId(), e.securityLabel(), e.stakeholderId(),
                    e.stockPlanId(), e.stockClassId(), e.compensationType(), e.quantity(), e.exercisePrice(),
                    e.basePrice(), e.earlyExercisable(), e.expirationDate(), e.terminationExerciseWindows(), e.date(),
                    GrantRecord.OUTSTANDING, "ISSUANCE", null, null, e.vestingTerms(), e.quantity(),
                    e.vestingStartDate(), List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO, List.of(),
                    List.of()));
            grantLabels.merge(grantPrefix(e.compensationType()), 1L, Long::sum);
            useLabel(e.securityLabel());
            if (e.stockPlanId() != null) {
                planTimelines.get(e.stockPlanId()).add(Timeline.Movement.outstanding(e.date(), sequence,
                        e.quantity().value()));
            }
        } else if (event instanceof WarrantIssued e) {
            instruments.put(e.securityId(), new InstrumentRecord(InstrumentRecord.WARRANT, e.securityId(),
                    e.securityLabel(), e.stakeholderId(), e.stockClassId(), e.quantity(), e.exercisePrice(),
                    e.purchasePrice(), e.expirationDate(), null, null, null, 0, e.date(), "OUTSTANDING", "ISSUANCE",
                    null, null, List.of(), List.of()));
            grantLabels.merge(WARRANT_PREFIX, 1L, Long::sum);
            useLabel(e.securityLabel());
        } else if (event instanceof ConvertibleIssued e) {
            instruments.put(e.securityId(), new InstrumentRecord(InstrumentRecord.CONVERTIBLE, e.securityId(),
                    e.securityLabel(), e.stakeholderId(), e.terms() == null ? null : e.terms().stockClassId(), null,
                    null, null, null, e.convertibleType(), e.investmentAmount(), e.terms(), e.seniority(), e.date(),
                    "OUTSTANDING", "ISSUANCE", null, null, List.of(), List.of()));
            grantLabels.merge(convertiblePrefix(e.convertibleType()), 1L, Long::sum);
            useLabel(e.securityLabel());
        } else if (event instanceof WarrantTransaction e) {
            applyInstrumentTransaction(e.securityId(), e.kind(), e.terminal(), e.date(), e.resultingStock(),
                    e.balance(), e instanceof WarrantTransferred t ? t.toStakeholderId() : null, sequence);
        } else if (event instanceof ConvertibleTransaction e) {
            applyInstrumentTransaction(e.securityId(), e.kind(), e.terminal(), e.date(), e.resultingStock(),
                    e.balance(), e instanceof ConvertibleTransferred t ? t.toStakeholderId() : null, sequence);
        } else if (event instanceof EquityCompensationTransaction e) {
            applyGrantTransaction(e, sequence);
        } else if (event instanceof ConversionRatioAdjusted e) {
            ratioChanges.computeIfAbsent(ratioKey(e.stockClassId(), e.convertsToStockClassId()),
                    k -> new ArrayList<>()).add(new RatioChange(e.date(), e.newRatio()));
        } else if (event instanceof CertificateOfficersSet || event instanceof StockClassLegendsSet) {
            // what certificates print; no holding or rule depends on it
        } else if (event instanceof StockAccepted e) {
            securities.put(e.securityId(), securities.get(e.securityId()).accepted(e.date()));
        } else if (event instanceof StockTransaction e) {
            applyStockTransaction(e, sequence);
        } else {
            throw new IllegalArgumentException("The ledger cannot fold " + event.getClass().getName());
        }
    }

    /** Extinguishes the sources, creates the new securities, and moves outstanding shares per class. */
    private void applyStockTransaction(StockTransaction e, long sequence) {
        Map<StockClassId, BigDecimal> change = new LinkedHashMap<>();
        SecurityStatus status = SecurityStatus.extinguishedBy(e.kind());
        for (SecurityId id : e.sourceSecurityIds()) {
            StockSecurity source = securities.get(id);
            securities.put(id, source.extinguished(status, e.date(), e.resultsOf(id)));
            change.merge(source.stockClassId(), source.quantity().value().negate(), BigDecimal::add);
        }
        for (ResultingSecurity r : e.newSecurities()) {
            List<SecurityId> from = e.sourceSecurityIds().stream()
                    .filter(source -> e.resultsOf(source).contains(r.securityId())).toList();
            securities.put(r.securityId(), new StockSecurity(r.securityId(), r.securityLabel(), r.stakeholderId(),
                    r.stockClassId(), r.quantity(), null, null, e.date(), SecurityStatus.OUTSTANDING, e.kind(), null,
                    null, from, List.of()));
            StockClassRecord c = stockClasses.get(r.stockClassId());
            stockClasses.put(c.stockClassId(), c.withSecuritiesIssued(c.securitiesIssued() + 1));
            useLabel(r.securityLabel());
            change.merge(r.stockClassId(), r.quantity().value(), BigDecimal::add);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<StockClassId, BigDecimal> entry : change.entrySet()) {
            total = total.add(entry.getValue());
            if (entry.getValue().signum() != 0) {
                classTimelines.get(entry.getKey()).add(Timeline.Movement.outstanding(e.appliesFrom(), sequence,
                        entry.getValue()));
            }
        }
        if (e instanceof StockClassSplit split) {
            applySplitAdjustments(split, sequence);
            classTimelines.get(split.stockClassId()).add(Timeline.Movement.authorize(split.date(), sequence,
                    split.newSharesAuthorized().value()));
            StockClassRecord c = stockClasses.get(split.stockClassId());
            stockClasses.put(c.stockClassId(), c.withLastSplitOn(split.date()));
        }
        if (e instanceof StockConverted converted) {
            conversionsOn.merge(ratioKey(stockClassOf(converted), converted.toStockClassId()), converted.date(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        if (total.signum() != 0) {
            issuerTimeline.add(Timeline.Movement.outstanding(e.appliesFrom(), sequence, total));
        }
    }

    /** Grants, warrants and pools over the split class, adjusted in place. */
    private void applySplitAdjustments(StockClassSplit split, long sequence) {
        Ratio ratio = split.ratio();
        for (StockClassSplit.Adjustment a : split.grantAdjustments()) {
            grants.computeIfPresent(a.securityId(), (id, g) -> g.with(b -> {
                b.quantity = a.newQuantity();
                b.exercisePrice = a.newPrice();
                b.vestingBase = ratio.apply(g.vestingBase(), Ratio.RoundingType.FLOOR, g.vestingBase().isWhole());
                b.vestedUsed = scaled(g.vestedUsed(), ratio);
                b.heldForPool = scaled(g.heldForPool(), ratio);
                b.accelerations = new ArrayList<>(g.accelerations().stream().map(x -> new VestingAcceleration(x.date(),
                        ratio.apply(x.quantity(), Ratio.RoundingType.FLOOR, x.quantity().isWhole()))).toList());
            }));
        }
        for (StockClassSplit.Adjustment a : split.warrantAdjustments()) {
            instruments.computeIfPresent(a.securityId(), (id, w) -> w.adjusted(a.newQuantity(), a.newPrice()));
        }
        for (StockClassSplit.PoolAdjustment p : split.poolAdjustments()) {
            planTimelines.get(p.stockPlanId()).add(new Timeline.Movement(split.date(), sequence, p.consumedChange(),
                    p.newSharesReserved().value()));
        }
    }

    private static BigDecimal scaled(BigDecimal value, Ratio ratio) {
        return value.multiply(ratio.numerator()).divide(ratio.denominator(), Decimals.MAX_SCALE,
                java.math.RoundingMode.DOWN).stripTrailingZeros();
    }

    private StockClassId stockClassOf(StockConverted converted) {
        return securities.get(converted.securityId()).stockClassId();
    }

    /** Folds a transaction on a grant: vesting records, acceptance, repricing, or a terminal one with its results. */
    private void applyGrantTransaction(EquityCompensationTransaction e, long sequence) {
        GrantRecord source = grants.get(e.securityId());
        if (e instanceof VestingStarted v) {
            grants.put(source.securityId(), source.with(b -> b.vestingStart = v.date()));
            return;
        }
        if (e instanceof VestingEventRecorded v) {
            grants.put(source.securityId(), source.with(b -> b.vestingEvents.add(
                    new VestingEventOccurrence(v.vestingConditionId(), v.date()))));
            return;
        }
        if (e instanceof VestingAccelerated v) {
            grants.put(source.securityId(), source.with(b -> b.accelerations.add(
                    new VestingAcceleration(v.date(), v.quantity()))));
            return;
        }
        if (e instanceof EquityCompensationAccepted a) {
            grants.put(source.securityId(), source.with(b -> b.acceptedOn = a.date()));
            return;
        }
        if (e instanceof EquityCompensationRepriced r) {
            grants.put(source.securityId(), source.with(b -> b.exercisePrice = r.newExercisePrice()));
            return;
        }
        Quantity vestedThen = source.vested(e.date());
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal vestedUsed = BigDecimal.ZERO;
        BigDecimal held = BigDecimal.ZERO;
        Timeline pool = source.stockPlanId() == null ? null : planTimelines.get(source.stockPlanId());
        if (e instanceof EquityCompensationExercised x) {
            used = x.quantity().value();
            vestedUsed = used.min(vestedThen.value());
        } else if (e instanceof EquityCompensationReleased x) {
            used = x.quantity().value();
            vestedUsed = used;
        } else if (e instanceof EquityCompensationCancelled x) {
            used = x.quantity().value();
            BigDecimal unvested = source.quantity().value().subtract(vestedThen.value());
            vestedUsed = used.subtract(unvested).max(BigDecimal.ZERO);
            held = used.subtract(x.returnedToPool().value());
            if (pool != null && x.returnedToPool().isPositive()) {
                pool.add(Timeline.Movement.outstanding(e.date(), sequence, x.returnedToPool().value().negate()));
            }
            if (pool != null && plans.get(source.stockPlanId()).cancellationBehavior() == CancellationBehavior.RETIRE) {
                held = BigDecimal.ZERO;
            }
        } else if (e instanceof EquityCompensationRetracted x) {
            if (pool != null) {
                pool.add(Timeline.Movement.outstanding(x.voidFrom(), sequence, source.quantity().value().negate()));
            }
        } else if (!(e instanceof EquityCompensationTransferred)) {
            throw new IllegalArgumentException("The ledger cannot fold " + e.getClass().getName());
        }
        String status = SecurityStatus.extinguishedBy(e.kind()).name();
        List<SecurityId> results = new ArrayList<>();
        BigDecimal issued = BigDecimal.ZERO;
        for (ResultingSecurity r : e.resultingStock()) {
            results.add(r.securityId());
            securities.put(r.securityId(), new StockSecurity(r.securityId(), r.securityLabel(), r.stakeholderId(),
                    r.stockClassId(), r.quantity(), null, null, e.date(), SecurityStatus.OUTSTANDING, e.kind(), null,
                    null, List.of(source.securityId()), List.of()));
            StockClassRecord c = stockClasses.get(r.stockClassId());
            stockClasses.put(c.stockClassId(), c.withSecuritiesIssued(c.securitiesIssued() + 1));
            useLabel(r.securityLabel());
            Timeline.Movement move = Timeline.Movement.outstanding(e.date(), sequence, r.quantity().value());
            classTimelines.get(r.stockClassId()).add(move);
            issued = issued.add(r.quantity().value());
        }
        if (issued.signum() != 0) {
            issuerTimeline.add(Timeline.Movement.outstanding(e.date(), sequence, issued));
        }
        ResultingGrant balance = e.balance();
        if (balance != null) {
            results.add(balance.securityId());
            BigDecimal chainUsed = source.vestedUsed().add(vestedUsed);
            grants.put(balance.securityId(), source.with(b -> {
                b.securityId = balance.securityId();
                b.label = balance.securityLabel();
                b.quantity = balance.quantity();
                if (e instanceof EquityCompensationTransferred t) {
                    b.stakeholderId = t.toStakeholderId();
                    b.acceptedOn = null;
                }
                b.issueDate = e.date();
                b.origin = e.kind();
                b.status = GrantRecord.OUTSTANDING;
                b.extinguishedOn = null;
                b.vestedUsed = chainUsed;
                b.heldForPool = BigDecimal.ZERO;
                b.sourceSecurityIds = List.of(source.securityId());
                b.resultingSecurityIds = List.of();
            }));
            grantLabels.merge(grantPrefix(source.compensationType()), 1L, Long::sum);
            useLabel(balance.securityLabel());
        }
        BigDecimal heldForPool = held;
        grants.put(source.securityId(), source.with(b -> {
            b.status = status;
            b.extinguishedOn = e.date();
            b.resultingSecurityIds = List.copyOf(results);
            b.heldForPool = heldForPool;
        }));
    }

    /** Folds a transaction on a warrant or convertible. */
    private void applyInstrumentTransaction(SecurityId id, String kind, boolean terminal, LocalDate date,
                                            List<ResultingSecurity> stock, ResultingGrant balance,
                                            StakeholderId transferee, long sequence) {
        InstrumentRecord source = instruments.get(id);
        if (!terminal) {
            instruments.put(id, source.accepted(date));
            return;
        }
        List<SecurityId> results = new ArrayList<>();
        BigDecimal issued = BigDecimal.ZERO;
        for (ResultingSecurity r : stock) {
            results.add(r.securityId());
            securities.put(r.securityId(), new StockSecurity(r.securityId(), r.securityLabel(), r.stakeholderId(),
                    r.stockClassId(), r.quantity(), null, null, date, SecurityStatus.OUTSTANDING, kind, null, null,
                    List.of(id), List.of()));
            StockClassRecord c = stockClasses.get(r.stockClassId());
            stockClasses.put(c.stockClassId(), c.withSecuritiesIssued(c.securitiesIssued() + 1));
            useLabel(r.securityLabel());
            classTimelines.get(r.stockClassId()).add(Timeline.Movement.outstanding(date, sequence,
                    r.quantity().value()));
            issued = issued.add(r.quantity().value());
        }
        if (issued.signum() != 0) {
            issuerTimeline.add(Timeline.Movement.outstanding(date, sequence, issued));
        }
        if (balance != null) {
            results.add(balance.securityId());
            instruments.put(balance.securityId(), source.successor(balance.securityId(), balance.securityLabel(),
                    transferee != null ? transferee : source.stakeholderId(),
                    balance.quantity() != null ? balance.quantity() : source.quantity(), date, kind));
            grantLabels.merge(instrumentPrefix(source), 1L, Long::sum);
            useLabel(balance.securityLabel());
        }
        instruments.put(id, source.extinguished(SecurityStatus.extinguishedBy(kind).name(), date, results));
    }

    // ---------------------------------------------------------------- views

    public Optional<IssuerRecord> issuer() {
        return Optional.ofNullable(issuer);
    }

    public Collection<StakeholderRecord> stakeholders() {
        return List.copyOf(stakeholders.values());
    }

    public Collection<StockClassRecord> stockClasses() {
        return List.copyOf(stockClasses.values());
    }

    public Collection<StockSecurity> securities() {
        return List.copyOf(securities.values());
    }

    public Collection<GrantRecord> grants() {
        return List.copyOf(grants.values());
    }

    /** @return the equity compensation security with that id, in whatever status, if this issuer has one */
    public Optional<GrantRecord> findGrant(SecurityId id) {
        return Optional.ofNullable(grants.get(id));
    }

    public Collection<InstrumentRecord> instruments() {
        return List.copyOf(instruments.values());
    }

    /** @return the warrant or convertible with that id, in whatever status, if this issuer has one */
    public Optional<InstrumentRecord> findInstrument(SecurityId id) {
        return Optional.ofNullable(instruments.get(id));
    }

    public Collection<StockPlanRecord> stockPlans() {
        return List.copyOf(plans.values());
    }

    /** @return the plan's pool in force, what is under its outstanding grants, and what is still available */
    public CapTableCalculator.PlanFigures planFigures(StockPlanId id) {
        BigDecimal outstanding = grants.values().stream()
                .filter(g -> g.isOutstanding() && id.equals(g.stockPlanId()))
                .map(g -> g.quantity().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return planFigures(plan(id), outstanding);
    }

    private CapTableCalculator.PlanFigures planFigures(StockPlanRecord p, BigDecimal outstandingGrants) {
        Timeline pool = planTimelines.get(p.stockPlanId());
        BigDecimal reserved = pool.authorized();
        return new CapTableCalculator.PlanFigures(p.stockPlanId(), p.planName(), new Quantity(reserved),
                new Quantity(outstandingGrants), new Quantity(reserved.subtract(pool.outstanding()).max(BigDecimal.ZERO)));
    }

    /** @return the security with that id, in whatever status, if this issuer has one */
    public Optional<StockSecurity> findSecurity(SecurityId id) {
        return Optional.ofNullable(securities.get(id));
    }

    /** @return shares outstanding in the class after everything folded so far */
    public Quantity sharesOutstanding(StockClassId stockClassId) {
        return new Quantity(classTimelines.get(stockClassId).outstanding());
    }

    /** @return the class's authorized shares in force after the last adjustment in effective-date order */
    public Quantity sharesAuthorized(StockClassId stockClassId) {
        return new Quantity(classTimelines.get(stockClassId).authorized());
    }

    /** @return issuer-wide authorized shares in force, or {@code null} when there is no issuer-wide limit */
    public Quantity issuerSharesAuthorized() {
        BigDecimal authorized = issuerTimeline.authorized();
        return authorized == null ? null : new Quantity(authorized);
    }

    /**
     * The cap table of everything folded so far. To see a past date, fold only the events effective on or
     * before it into a fresh ledger, then call this with that date.
     */
    public CapTableView capTable(LocalDate asOf) {
        IssuerRecord i = issuer().orElseThrow(() -> new IllegalStateException("no issuer folded"));
        List<CapTableCalculator.ClassFigures> classes = new ArrayList<>();
        for (StockClassRecord c : stockClasses.values()) {
            classes.add(new CapTableCalculator.ClassFigures(c.stockClassId(), c.name(), c.classType(),
                    c.votesPerShare(), sharesAuthorized(c.stockClassId()), sharesOutstanding(c.stockClassId())));
        }
        Map<List<String>, CapTableCalculator.HolderPosition> positions = new LinkedHashMap<>();
        for (StockSecurity s : securities.values()) {
            if (s.status() != SecurityStatus.OUTSTANDING) {
                continue;
            }
            String holderName = stakeholders.get(s.stakeholderId()).name().legalName();
            positions.merge(List.of(s.stakeholderId().value(), s.stockClassId().value()),
                    new CapTableCalculator.HolderPosition(s.stakeholderId(), holderName, s.stockClassId(), s.quantity()),
                    (a, b) -> new CapTableCalculator.HolderPosition(a.stakeholderId(), a.holderName(), a.stockClassId(),
                            a.shares().plus(b.shares())));
        }
        List<CapTableCalculator.DilutivePosition> grantPositions = new ArrayList<>();
        Map<StockPlanId, BigDecimal> outstandingByPlan = new LinkedHashMap<>();
        for (GrantRecord g : grants.values()) {
            if (!g.isOutstanding()) {
                continue;
            }
            if (g.compensationType().settlesInShares()) {
                grantPositions.add(new CapTableCalculator.DilutivePosition(g.stakeholderId(),
                        stakeholders.get(g.stakeholderId()).name().legalName(), CapTableCalculator.Dilution.GRANT,
                        g.quantity()));
            }
            if (g.stockPlanId() != null) {
                outstandingByPlan.merge(g.stockPlanId(), g.quantity().value(), BigDecimal::add);
            }
        }
        List<CapTableCalculator.PlanFigures> planFigures = new ArrayList<>();
        for (StockPlanRecord p : plans.values()) {
            planFigures.add(planFigures(p, outstandingByPlan.getOrDefault(p.stockPlanId(), BigDecimal.ZERO)));
        }
        List<CapTableView.UncountedRow> notCounted = new ArrayList<>();
        for (InstrumentRecord x : instruments.values()) {
            if (!x.isOutstanding()) {
                continue;
            }
            String holderName = stakeholders.get(x.stakeholderId()).name().legalName();
            Quantity shares = x.sharesAsConverted(asOf == null ? x.issueDate() : asOf);
            if (shares != null) {
                grantPositions.add(new CapTableCalculator.DilutivePosition(x.stakeholderId(), holderName,
                        InstrumentRecord.WARRANT.equals(x.kind()) ? CapTableCalculator.Dilution.WARRANT
                                : CapTableCalculator.Dilution.CONVERTIBLE, shares));
            } else {
                notCounted.add(new CapTableView.UncountedRow(x.securityId().value(), x.label(), x.stakeholderId(),
                        holderName, x.kind(), x.convertibleType() == null ? null : x.convertibleType().name(),
                        x.investmentAmount(), x.terms() == null ? null : x.terms().valuationCap(),
                        x.terms() == null ? null : x.terms().discount()));
            }
        }
        return CapTableCalculator.compute(i.issuerId(), i.legalName(), asOf, issuerSharesAuthorized(), classes,
                List.copyOf(positions.values()), grantPositions, planFigures, notCounted);
    }

    // ---------------------------------------------------------------- rules

    private StockSecurity security(SecurityId id) {
        return find(securities, id, ErrorCode.UNKNOWN_SECURITY, "security");
    }

    /** The source of a terminal transaction: outstanding now, and nothing recorded on it after {@code date}. */
    private StockSecurity terminalSource(SecurityId id, LocalDate date, LocalDate today) {
        StockSecurity source = security(id);
        requireEffective(date, today);
        if (!source.isOutstanding()) {
            throw notOutstanding(source);
        }
        if (date.isBefore(source.issueDate())) {
            throw beforeReference("security " + source.label(), source.issueDate());
        }
        if (source.acceptedOn() != null && source.acceptedOn().isAfter(date)) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "security " + source.label()
                    + " was accepted on " + source.acceptedOn() + ", after " + date,
                    Map.of("conflictDate", source.acceptedOn().toString()));
        }
        return source;
    }

    /** @return the balance security for what {@code used} leaves of {@code source}, or null when nothing is left */
    private static ResultingSecurity balance(StockSecurity source, StockClassRecord stockClass, Quantity used,
                                             SecurityId balanceSecurityId, Labels labels) {
        BigDecimal remainder = source.quantity().value().subtract(used.value());
        if (remainder.signum() < 0) {
            throw new CapledgerException(ErrorCode.QUANTITY_EXCEEDS_SECURITY, used + " shares is more than the "
                    + source.quantity() + " of " + source.label(), Map.of("available", source.quantity().toString()));
        }
        if (remainder.signum() == 0) {
            return null;
        }
        if (balanceSecurityId == null) {
            throw invalid("balanceSecurityId is required: " + remainder.toPlainString() + " shares of "
                    + source.label() + " remain");
        }
        return new ResultingSecurity(balanceSecurityId, labels.stock(balanceSecurityId, stockClass),
                source.stakeholderId(),
                source.stockClassId(), new Quantity(remainder));
    }

    /**
     * The labels of the securities one decision creates. A requested label is checked once, when the decision
     * begins, so the order in which the decision asks does not matter; the others are the next numbers of their
     * series, from the series' count of securities on, that neither the issuer nor this decision uses.
     */
    private final class Labels {

        /** Labels this decision gives, requested or allotted, in {@link #labelKey} form. */
        private final Set<String> given = new HashSet<>();
        /** The next number to try, per series prefix, once this decision has allotted one of the series. */
        private final Map<String, Long> nextNumber = new HashMap<>();
        private final Set<SecurityId> requestedGiven = new HashSet<>();

        Labels() {
            for (Map.Entry<SecurityId, String> request : requestedLabels.entrySet()) {
                requireLabel(request.getKey(), request.getValue());
                if (!given.add(labelKey(request.getValue()))) {
                    throw duplicateLabel(request.getValue(), "is requested for two new securities");
                }
                if (usedLabels.contains(labelKey(request.getValue()))) {
                    throw duplicateLabel(request.getValue(), "is already the label of a security of this issuer");
                }
            }
        }

        /** A new stock security's label: requested, or the class's prefix and next free number. */
        String stock(SecurityId id, StockClassRecord stockClass) {
            return label(id, stockClass.certificatePrefix(), stockClass.securitiesIssued());
        }

        /** A new grant's label: requested, or OPT-, RSU- or SAR- and the next free number. */
        String grant(SecurityId id, CompensationType type) {
            String prefix = grantPrefix(type);
            return label(id, prefix, grantLabels.getOrDefault(prefix, 0L));
        }

        /** A new warrant's or convertible's label: requested, or the prefix and the next free number. */
        String instrument(SecurityId id, String prefix) {
            return label(id, prefix, grantLabels.getOrDefault(prefix, 0L));
        }

        /**
         * @param id      the new security's id, or null when it has none yet (a split result whose id is derived
         *                from its label): then no request applies
         * @param counted how many securities the series has had; numbering goes on after them
         */
        private String label(SecurityId id, String prefix, long counted) {
            String requested = id == null ? null : requestedLabels.get(id);
            if (requested != null) {
                requestedGiven.add(id);
                return requested;
            }
            long number = Math.max(counted + 1, nextNumber.getOrDefault(prefix, 0L));
            while (usedLabels.contains(labelKey(prefix + number)) || given.contains(labelKey(prefix + number))) {
                number++;
            }
            nextNumber.put(prefix, number + 1);
            given.add(labelKey(prefix + number));
            return prefix + number;
        }

        /**
         * @return {@code event}, once every requested label went to one of its new securities
         * @throws CapledgerException INVALID_VALUE naming a requested id that the decision did not create
         */
        <E extends CapTableEvent> E allGiven(E event) {
            for (SecurityId id : requestedLabels.keySet()) {
                if (!requestedGiven.contains(id)) {
                    throw new CapledgerException(ErrorCode.INVALID_VALUE, "a label is requested for security " + id
                            + ", which this transaction does not create", Map.of("securityId", String.valueOf(id)));
                }
            }
            return event;
        }
    }

    /** Folds in the label of a new security: no later decision gives it to another one. */
    private void useLabel(String label) {
        if (label != null) {
            usedLabels.add(labelKey(label));
        }
    }

    /** Labels are unique ignoring case, like certificate prefixes: {@code cs-7} and {@code CS-7} are one label. */
    private static String labelKey(String label) {
        return label.toLowerCase(Locale.ROOT);
    }

    /** @throws CapledgerException INVALID_VALUE unless 1 to 64 printable characters, no space at either end */
    private static void requireLabel(SecurityId id, String label) {
        if (id == null) {
            throw invalid("a label is requested for a security without an id");
        }
        boolean valid = label != null && !label.isEmpty() && label.codePointCount(0, label.length()) <= MAX_LABEL
                && label.codePoints().allMatch(Ledger::printable)
                && !Character.isWhitespace(label.codePointAt(0)) && !Character.isSpaceChar(label.codePointAt(0))
                && !Character.isWhitespace(label.codePointBefore(label.length()))
                && !Character.isSpaceChar(label.codePointBefore(label.length()));
        if (!valid) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("securityId", id.value());
            if (label != null) {
                properties.put("securityLabel", label);
            }
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "the label requested for security " + id + ", "
                    + (label == null ? "null" : "'" + escaped(label) + "'") + ", must be 1 to " + MAX_LABEL
                    + " printable characters, without a space at either end", properties);
        }
    }

    /** Letters, marks, numbers, punctuation, symbols and spaces; no controls, format or unassigned characters. */
    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** {@code label} with what is not printable written as Unicode escapes (U+0007 as backslash u0007). */
    private static String escaped(String label) {
        StringBuilder out = new StringBuilder();
        label.codePoints().forEach(cp -> {
            if (printable(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            }
        });
        return out.toString();
    }

    private static CapledgerException duplicateLabel(String label, String why) {
        return new CapledgerException(ErrorCode.DUPLICATE_SECURITY_LABEL, "the label '" + label + "' " + why,
                Map.of("securityLabel", label));
    }

    private void requireNewSecurityIds(List<SecurityId> ids) {
        Set<SecurityId> seen = new HashSet<>();
        for (SecurityId id : ids) {
            if (id == null) {
                throw invalid("securityId is required");
            }
            if (securities.containsKey(id) || grants.containsKey(id) || instruments.containsKey(id)
                    || !seen.add(id)) {
                throw new CapledgerException(ErrorCode.DUPLICATE_SECURITY, "Security " + id + " already exists");
            }
        }
    }

    /** New securities of a class cannot predate its latest split: the split would have had to include them. */
    private static void requireAfterLastSplit(StockClassRecord stockClass, LocalDate date) {
        if (stockClass.lastSplitOn() != null && date.isBefore(stockClass.lastSplitOn())) {
            throw new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "stock class "
                    + stockClass.name() + " was split on " + stockClass.lastSplitOn() + "; shares of it dated before "
                    + "the split would have been split too", Map.of("conflictDate", stockClass.lastSplitOn().toString()));
        }
    }

    private static CapledgerException notOutstanding(StockSecurity s) {
        return new CapledgerException(ErrorCode.SECURITY_NOT_OUTSTANDING, "security " + s.label() + " was "
                + s.status().name().toLowerCase(Locale.ROOT) + " on " + s.extinguishedOn()
                + " and accepts no further transaction",
                Map.of("status", s.status().name(), "extinguishedOn", s.extinguishedOn().toString(),
                        "resultingSecurityIds", s.resultingSecurityIds().stream().map(SecurityId::value).toList()));
    }

    private static CapledgerException laterTransaction(StockSecurity s) {
        return new CapledgerException(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION, "security " + s.label()
                + " was outstanding then but was " + s.status().name().toLowerCase(Locale.ROOT) + " later, on "
                + s.extinguishedOn(), Map.of("securityId", s.securityId().value(),
                "conflictDate", s.extinguishedOn().toString()));
    }

    /** Ids of securities the ledger creates itself (split results): stable, as labels are unique per issuer. */
    private SecurityId derivedSecurityId(String label) {
        return new SecurityId(UUID.nameUUIDFromBytes((issuer.issuerId().value() + "/" + label)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static String ratioKey(StockClassId from, StockClassId to) {
        return from.value() + ">" + to.value();
    }

    /** @return the conversion ratio from {@code from} into {@code to} in force on {@code date} */
    private Ratio ratioOn(StockClassId from, StockClassId to, LocalDate date, Ratio initial) {
        Ratio ratio = initial;
        for (RatioChange change : ratioChanges.getOrDefault(ratioKey(from, to), List.of())) {
            if (!change.date().isAfter(date)) {
                ratio = change.ratio();
            }
        }
        return ratio;
    }

    /** A conversion ratio adjustment, kept in date order per conversion right. */
    record RatioChange(LocalDate date, Ratio ratio) {
    }


    private StakeholderRecord stakeholder(StakeholderId id) {
        return find(stakeholders, id, ErrorCode.UNKNOWN_STAKEHOLDER, "stakeholder");
    }

    private StockClassRecord stockClass(StockClassId id) {
        return find(stockClasses, id, ErrorCode.UNKNOWN_STOCK_CLASS, "stock class");
    }

    private static <K, V> V find(Map<K, V> map, K id, ErrorCode code, String kind) {
        if (id == null) {
            throw new CapledgerException(code, kind + " id is required");
        }
        V value = map.get(id);
        if (value == null) {
            throw new CapledgerException(code, "No " + kind + " " + id + " in this issuer");
        }
        return value;
    }

    private void requireEffective(LocalDate date, LocalDate today) {
        requireDate(date, "date");
        if (issuer != null && date.isBefore(issuer.formationDate())) {
            throw new CapledgerException(ErrorCode.DATE_BEFORE_FORMATION,
                    "date " + date + " is before the issuer's formation on " + issuer.formationDate(),
                    Map.of("formationDate", issuer.formationDate().toString()));
        }
        if (date.isAfter(today)) {
            throw dateInFuture(date);
        }
    }

    private static CapledgerException dateInFuture(LocalDate date) {
        return new CapledgerException(ErrorCode.DATE_IN_FUTURE,
                "date " + date + " has not begun in any time zone yet; record transactions once they take effect");
    }

    private static CapledgerException beforeReference(String what, LocalDate since) {
        return new CapledgerException(ErrorCode.DATE_BEFORE_REFERENCED_RECORD,
                "date is before " + what + " took effect on " + since, Map.of("referenceDate", since.toString()));
    }

    private static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw invalid(field + " is required");
        }
    }

    private static void requirePositive(Quantity quantity) {
        if (quantity == null || !quantity.isPositive()) {
            throw new CapledgerException(ErrorCode.INVALID_QUANTITY, "quantity must be greater than zero");
        }
    }

    private static void requireWholeIfRequired(StockClassRecord stockClass, Quantity quantity, String field) {
        if (!stockClass.fractionalSharesAllowed() && !quantity.isWhole()) {
            throw new CapledgerException(ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED,
                    field + " must be a whole number: stock class " + stockClass.name() + " has no fractional shares");
        }
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
    }

    private static void requireValidAddress(Address address) {
        String problem = address == null ? null : address.problem();
        if (problem != null) {
            throw invalid(problem);
        }
    }

    private static void requireText(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw invalid(field + " is required, at most " + max + " characters");
        }
    }

    private static void optionalText(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw invalid(field + " must be at most " + max + " characters");
        }
    }

    private void requireUniqueEmail(String email, StakeholderId self) {
        if (email == null) {
            return;
        }
        for (StakeholderRecord s : stakeholders.values()) {
            if (!s.stakeholderId().equals(self) && email.equals(s.email())) {
                throw new CapledgerException(ErrorCode.DUPLICATE_STAKEHOLDER_EMAIL,
                        "Another stakeholder of this issuer already uses that email");
            }
        }
    }

    private static String normalizeEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.strip().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 254 || !trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw invalid("email must be an address such as name@example.com");
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static CapledgerException invalid(String detail) {
        return new CapledgerException(ErrorCode.INVALID_VALUE, detail);
    }

    private static CapledgerException exceeded(String scope, Timeline.Breach b) {
        return new CapledgerException(ErrorCode.AUTHORIZED_SHARES_EXCEEDED,
                "Outstanding shares of " + scope + " would be " + b.outstanding().toPlainString() + " on " + b.date()
                        + ", above the " + b.authorized().toPlainString() + " authorized then",
                breachProperties(b));
    }

    private static CapledgerException belowOutstanding(String scope, Timeline.Breach b) {
        return new CapledgerException(ErrorCode.AUTHORIZED_BELOW_OUTSTANDING,
                "Authorized shares of " + scope + " would be " + b.authorized().toPlainString() + " on " + b.date()
                        + ", below the " + b.outstanding().toPlainString() + " outstanding then",
                breachProperties(b));
    }

    private static Map<String, Object> breachProperties(Timeline.Breach b) {
        return Map.of("breachDate", b.date().toString(),
                "sharesOutstanding", b.outstanding().toPlainString(),
                "sharesAuthorized", b.authorized() == null ? "unlimited" : b.authorized().toPlainString());
    }
}
