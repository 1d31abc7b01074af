package org.capledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

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
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Ledger {

    private static final int MAX_NAME = 300;

    private IssuerRecord issuer;
    private Map<StakeholderId, StakeholderRecord> stakeholders = new LinkedHashMap<>();
    private Map<StockClassId, StockClassRecord> stockClasses = new LinkedHashMap<>();
    private Map<StockClassId, Timeline> classTimelines = new LinkedHashMap<>();
    private Timeline issuerTimeline = new Timeline();
    private Map<SecurityId, StockSecurity> securities = new LinkedHashMap<>();

    private Ledger() {
    }

    /** @return a ledger with no issuer yet */
    public static Ledger empty() {
        return new Ledger();
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
        return new StakeholderRegistered(c.issuerId(), c.stakeholderId(), c.date(), c.type(), c.name(), email,
                c.relationship());
    }

    /**
     * @return the update, or empty when the command would change nothing
     * @throws CapledgerException UNKNOWN_STAKEHOLDER, DUPLICATE_STAKEHOLDER_EMAIL, date rules
     */
    public Optional<StakeholderUpdated> updateStakeholder(UpdateStakeholder c, LocalDate today) {
        StakeholderRecord current = stakeholder(c.stakeholderId());
        requireEffective(c.date(), today);
        if (c.date().isBefore(current.registeredOn())) {
            throw beforeReference("stakeholder " + c.stakeholderId(), current.registeredOn());
        }
        String email = c.clearEmail() ? null : c.email() != null ? normalizeEmail(c.email()) : current.email();
        requireUniqueEmail(email, c.stakeholderId());
        StakeholderUpdated updated = new StakeholderUpdated(c.issuerId(), c.stakeholderId(), c.date(),
                c.name() != null ? c.name() : current.name(), email,
                c.relationship() != null ? c.relationship() : current.relationship());
        boolean unchanged = updated.name().equals(current.name()) && Objects.equals(updated.email(), current.email())
                && updated.relationship() == current.relationship();
        return unchanged ? Optional.empty() : Optional.of(updated);
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
        return new StockClassCreated(c.issuerId(), c.stockClassId(), c.date(), name, c.classType(),
                c.certificatePrefix(), c.parValue(), c.votesPerShare(), c.seniority(), c.initialSharesAuthorized(),
                c.fractionalSharesAllowed());
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
        if (c.date().isBefore(holder.registeredOn())) {
            throw beforeReference("stakeholder " + holder.name().legalName(), holder.registeredOn());
        }
        if (c.date().isBefore(stockClass.createdOn())) {
            throw beforeReference("stock class " + stockClass.name(), stockClass.createdOn());
        }
        Objects.requireNonNull(c.securityId(), "securityId");
        if (securities.containsKey(c.securityId())) {
            throw new CapledgerException(ErrorCode.DUPLICATE_SECURITY, "Security " + c.securityId() + " already exists");
        }
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
        return new StockIssued(c.issuerId(), c.securityId(), c.date(), stockClass.nextLabel(), c.stakeholderId(),
                c.stockClassId(), c.quantity(), c.pricePerShare(), blankToNull(c.consideration()));
    }

    // ---------------------------------------------------------------- fold

    /**
     * Folds one event in. Events must come in recording order; {@code sequence} is the event's position in the
     * issuer's stream, which orders transactions sharing an effective date.
     */
    public void apply(CapTableEvent event, long sequence) {
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
                    e.email(), e.relationship(), e.date()));
        } else if (event instanceof StakeholderUpdated e) {
            StakeholderRecord s = stakeholders.get(e.stakeholderId());
            stakeholders.put(e.stakeholderId(), new StakeholderRecord(s.stakeholderId(), s.type(), e.name(),
                    e.email(), e.relationship(), s.registeredOn()));
        } else if (event instanceof StockClassCreated e) {
            stockClasses.put(e.stockClassId(), new StockClassRecord(e.stockClassId(), e.name(), e.classType(),
                    e.certificatePrefix(), e.parValue(), e.votesPerShare(), e.seniority(),
                    e.fractionalSharesAllowed(), e.date(), 0));
            Timeline timeline = new Timeline();
            timeline.add(Timeline.Movement.authorize(e.date(), sequence, e.initialSharesAuthorized().value()));
            classTimelines.put(e.stockClassId(), timeline);
        } else if (event instanceof StockClassAuthorizedSharesAdjusted e) {
            classTimelines.get(e.stockClassId())
                    .add(Timeline.Movement.authorize(e.date(), sequence, e.newSharesAuthorized().value()));
        } else if (event instanceof StockIssued e) {
            securities.put(e.securityId(), new StockSecurity(e.securityId(), e.securityLabel(), e.stakeholderId(),
                    e.stockClassId(), e.quantity(), e.pricePerShare(), e.consideration(), e.date(),
                    SecurityStatus.OUTSTANDING));
            StockClassRecord c = stockClasses.get(e.stockClassId());
            stockClasses.put(c.stockClassId(), c.withSecuritiesIssued(c.securitiesIssued() + 1));
            Timeline.Movement move = Timeline.Movement.outstanding(e.date(), sequence, e.quantity().value());
            classTimelines.get(e.stockClassId()).add(move);
            issuerTimeline.add(move);
        } else {
            throw new IllegalArgumentException("The ledger cannot fold " + event.getClass().getName());
        }
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
        return CapTableCalculator.compute(i.issuerId(), i.legalName(), asOf, issuerSharesAuthorized(), classes,
                List.copyOf(positions.values()));
    }

    // ---------------------------------------------------------------- rules

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
