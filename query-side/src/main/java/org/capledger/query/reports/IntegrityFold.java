package org.capledger.query.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capledger.api.CapTableEvent;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.convertible.ConvertibleTransferred;
import org.capledger.api.equity.EquityCompensationCancelled;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.EquityCompensationReleased;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.equity.EquityCompensationTransferred;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stock.ResultingSecurity;
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
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.warrant.WarrantCancelled;
import org.capledger.api.warrant.WarrantExercised;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.api.warrant.WarrantTransferred;
import org.capledger.query.reports.IntegrityReport.Finding;

/**
 * The integrity report's own fold of an issuer's events, written apart from the Ledger: it keeps, in recording order,
 * every stock security and grant, warrant or convertible with where it came from and what extinguished it, every
 * change of shares outstanding per holder and class as a dated flow, every authorized-shares count as it was set,
 * and, as each terminal transaction is folded, whether its figures add up (check 4, which needs the state of the
 * moment). It refuses nothing: a broken history is folded as it stands so that the checks can say what is wrong.
 */
final class IntegrityFold {

    static final String GRANT = "GRANT";
    static final String WARRANT = "WARRANT";
    static final String CONVERTIBLE = "CONVERTIBLE";
    static final String ISSUANCE = "ISSUANCE";

    /** Decimal places of a quantity in a class with fractional shares (OCF's {@code Numeric} precision). */
    private static final int FRACTION_SCALE = 10;

    /** A stock class: its name, creation date and whether it allows fractional shares. */
    record StockClass(String stockClassId, String name, LocalDate createdOn, boolean fractional) {
    }

    /** A transaction that extinguished a security: its sequence, the date it took effect from, its kind. */
    record Extinction(long sequence, LocalDate date, String kind) {
    }

    /**
     * A stock security as the events created it.
     *
     * @param createdBy        sequence of the event that created it
     * @param origin           {@code ISSUANCE} or the kind of transaction that created it
     * @param sources          the stock securities it came from (empty for an issuance or for stock from an instrument)
     * @param sourceInstrument the grant, warrant or convertible it came from, or null
     * @param extinctions      the transactions that extinguished it, in recording order (more than one is a fault)
     */
    record Stock(String securityId, String label, String stakeholderId, String stockClassId, BigDecimal quantity,
                 LocalDate createdOn, long createdBy, String origin, List<String> sources, String sourceInstrument,
                 List<Extinction> extinctions) {

        boolean live() {
            return extinctions.isEmpty();
        }
    }

    /** A grant, warrant or convertible. {@code quantity} is null when it has none; a split adjusts it in place. */
    static final class Instrument {
        final String kind;
        final String securityId;
        final String label;
        final String stakeholderId;
        final String stockClassId;
        BigDecimal quantity;
        final LocalDate createdOn;
        final long createdBy;
        final String origin;
        final String source;
        final List<Extinction> extinctions = new ArrayList<>();

        Instrument(String kind, String securityId, String label, String stakeholderId, String stockClassId,
                   BigDecimal quantity, LocalDate createdOn, long createdBy, String origin, String source) {
            this.kind = kind;
            this.securityId = securityId;
            this.label = label;
            this.stakeholderId = stakeholderId;
            this.stockClassId = stockClassId;
            this.quantity = quantity;
            this.createdOn = createdOn;
            this.createdBy = createdBy;
            this.origin = origin;
            this.source = source;
        }
    }

    /** Shares outstanding of one holder in one class changed by {@code change} from {@code date} on. */
    record Flow(LocalDate date, long sequence, String stakeholderId, String stockClassId, BigDecimal change,
                String kind) {
    }

    /** An authorized-shares count set from {@code date} on, for a class or (stockClassId null) the issuer. */
    record Authorization(LocalDate date, long sequence, String stockClassId, BigDecimal authorized) {
    }

    /** A security id that an event created when it already existed. */
    record Duplicate(String securityId, String label, long sequence, LocalDate date, String kind) {
    }

    private final LocalDate asOf;
    String issuerLegalName;
    LocalDate formationDate;
    int eventsFolded;
    final Map<String, StockClass> classes = new LinkedHashMap<>();
    final Map<String, Stock> stock = new LinkedHashMap<>();
    final Map<String, Instrument> instruments = new LinkedHashMap<>();
    final List<Flow> flows = new ArrayList<>();
    final List<Authorization> authorizations = new ArrayList<>();
    final List<Duplicate> duplicates = new ArrayList<>();
    /** Check 4: terminal transactions examined, and what did not add up. */
    long terminalTransactions;
    final List<Finding> conservation = new ArrayList<>();

    private IntegrityFold(LocalDate asOf) {
        this.asOf = asOf;
    }

    /**
     * Folds, in recording order, the events that apply on or before {@code asOf} ({@link CapTableEvent#appliesFrom()}),
     * or every event when {@code asOf} is null.
     */
    static IntegrityFold of(List<RecordedEvent> events, LocalDate asOf) {
        IntegrityFold fold = new IntegrityFold(asOf);
        for (RecordedEvent recorded : events) {
            if (asOf == null || !recorded.event().appliesFrom().isAfter(asOf)) {
                fold.apply(recorded.event(), recorded.sequence());
                fold.eventsFolded++;
            }
        }
        return fold;
    }

    LocalDate asOf() {
        return asOf;
    }

    String className(String stockClassId) {
        StockClass c = classes.get(stockClassId);
        return c == null ? null : c.name();
    }

    // ---------------------------------------------------------------- folding

    private void apply(CapTableEvent event, long sequence) {
        if (event instanceof IssuerCreated e) {
            issuerLegalName = e.legalName();
            formationDate = e.formationDate();
            if (e.initialSharesAuthorized() != null) {
                authorizations.add(new Authorization(e.date(), sequence, null, e.initialSharesAuthorized().value()));
            }
        } else if (event instanceof IssuerAuthorizedSharesAdjusted e) {
            authorizations.add(new Authorization(e.date(), sequence, null, e.newSharesAuthorized().value()));
        } else if (event instanceof StockClassCreated e) {
            classes.put(e.stockClassId().value(), new StockClass(e.stockClassId().value(), e.name(), e.date(),
                    e.fractionalSharesAllowed()));
            authorizations.add(new Authorization(e.date(), sequence, e.stockClassId().value(),
                    e.initialSharesAuthorized().value()));
        } else if (event instanceof StockClassAuthorizedSharesAdjusted e) {
            authorizations.add(new Authorization(e.date(), sequence, e.stockClassId().value(),
                    e.newSharesAuthorized().value()));
        } else if (event instanceof StockIssued e) {
            create(new Stock(e.securityId().value(), e.securityLabel(), e.stakeholderId().value(),
                    e.stockClassId().value(), e.quantity().value(), e.date(), sequence, ISSUANCE, List.of(), null,
                    new ArrayList<>()));
        } else if (event instanceof StockAccepted) {
            return;
        } else if (event instanceof StockTransaction e) {
            stockTransaction(e, sequence);
        } else if (event instanceof EquityCompensationIssued e) {
            register(new Instrument(GRANT, e.securityId().value(), e.securityLabel(), e.stakeholderId().value(),
                    e.stockClassId().value(), e.quantity().value(), e.date(), sequence, ISSUANCE, null));
        } else if (event instanceof WarrantIssued e) {
            register(new Instrument(WARRANT, e.securityId().value(), e.securityLabel(), e.stakeholderId().value(),
                    e.stockClassId().value(), e.quantity() == null ? null : e.quantity().value(), e.date(), sequence,
                    ISSUANCE, null));
        } else if (event instanceof ConvertibleIssued e) {
            register(new Instrument(CONVERTIBLE, e.securityId().value(), e.securityLabel(),
                    e.stakeholderId().value(), e.terms() == null || e.terms().stockClassId() == null ? null
                    : e.terms().stockClassId().value(), null, e.date(), sequence, ISSUANCE, null));
        } else if (event instanceof EquityCompensationTransaction e && e.terminal()) {
            instrumentTransaction(e, e.securityId(), e.kind(), e.resultingStock(), e.balance(),
                    e instanceof EquityCompensationTransferred t ? t.toStakeholderId() : null, sequence);
        } else if (event instanceof WarrantTransaction e && e.terminal()) {
            instrumentTransaction(e, e.securityId(), e.kind(), e.resultingStock(), e.balance(),
                    e instanceof WarrantTransferred t ? t.toStakeholderId() : null, sequence);
        } else if (event instanceof ConvertibleTransaction e && e.terminal()) {
            instrumentTransaction(e, e.securityId(), e.kind(), e.resultingStock(), e.balance(),
                    e instanceof ConvertibleTransferred t ? t.toStakeholderId() : null, sequence);
        }
        // Stakeholders, plans, vesting, acceptances, repricings and conversion ratios change no figure checked here.
    }

    private void create(Stock security) {
        flows.add(new Flow(security.createdOn(), security.createdBy(), security.stakeholderId(),
                security.stockClassId(), security.quantity(), security.origin()));
        if (stock.containsKey(security.securityId()) || instruments.containsKey(security.securityId())) {
            duplicates.add(new Duplicate(security.securityId(), security.label(), security.createdBy(),
                    security.createdOn(), security.origin()));
        } else {
            stock.put(security.securityId(), security);
        }
    }

    private void register(Instrument instrument) {
        if (stock.containsKey(instrument.securityId) || instruments.containsKey(instrument.securityId)) {
            duplicates.add(new Duplicate(instrument.securityId, instrument.label, instrument.createdBy,
                    instrument.createdOn, instrument.origin));
        } else {
            instruments.put(instrument.securityId, instrument);
        }
    }

    /** Extinguishes the sources (a debit of their whole quantity), creates the new securities (credits). */
    private void stockTransaction(StockTransaction e, long sequence) {
        LocalDate from = e.appliesFrom();
        List<Stock> sources = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Stock> unreplaced = e instanceof StockClassSplit split ? unreplaced(split) : List.of();
        for (SecurityId id : e.sourceSecurityIds()) {
            Stock source = stock.get(id.value());
            if (source == null) {
                unknown.add(id.value());
                continue;
            }
            sources.add(source);
            source.extinctions().add(new Extinction(sequence, from, e.kind()));
            flows.add(new Flow(from, sequence, source.stakeholderId(), source.stockClassId(),
                    source.quantity().negate(), e.kind()));
        }
        List<Stock> created = new ArrayList<>();
        for (ResultingSecurity r : e.newSecurities()) {
            List<String> origins = e.sourceSecurityIds().stream()
                    .filter(source -> e.resultsOf(source).contains(r.securityId())).map(SecurityId::value).toList();
            Stock security = new Stock(r.securityId().value(), r.securityLabel(), r.stakeholderId().value(),
                    r.stockClassId().value(), r.quantity().value(), e.date(), sequence, e.kind(), origins, null,
                    new ArrayList<>());
            create(security);
            created.add(security);
        }
        terminalTransactions++;
        if (e instanceof StockClassSplit split) {
            if (split.newSharesAuthorized() != null) {
                authorizations.add(new Authorization(split.date(), sequence, split.stockClassId().value(),
                        split.newSharesAuthorized().value()));
            }
            conserveSplit(split, sequence, sources, unknown, unreplaced);
        } else {
            conserveStock(e, sequence, sources, unknown, created);
        }
    }

    /** Stock of the split class outstanding at the end of the split's date that the split does not replace. */
    private List<Stock> unreplaced(StockClassSplit split) {
        Set<String> replaced = new HashSet<>();
        split.sourceSecurityIds().forEach(id -> replaced.add(id.value()));
        List<Stock> left = new ArrayList<>();
        for (Stock s : stock.values()) {
            boolean outstandingThen = s.stockClassId().equals(split.stockClassId().value())
                    && !s.createdOn().isAfter(split.date())
                    && (s.live() || s.extinctions().get(0).date().isAfter(split.date()));
            if (outstandingThen && !replaced.contains(s.securityId())) {
                left.add(s);
            }
        }
        return left;
    }

    /** A transaction on a grant, warrant or convertible: extinguishes it, creates stock and a balance or successor. */
    private void instrumentTransaction(CapTableEvent e, SecurityId id, String kind, List<ResultingSecurity> stockOut,
                                       ResultingGrant balance, StakeholderId transferee, long sequence) {
        Instrument source = instruments.get(id.value());
        BigDecimal quantityThen = source == null ? null : source.quantity;
        if (source != null) {
            source.extinctions.add(new Extinction(sequence, e.appliesFrom(), kind));
        }
        List<Stock> created = new ArrayList<>();
        for (ResultingSecurity r : stockOut) {
            Stock security = new Stock(r.securityId().value(), r.securityLabel(), r.stakeholderId().value(),
                    r.stockClassId().value(), r.quantity().value(), e.date(), sequence, kind, List.of(), id.value(),
                    new ArrayList<>());
            create(security);
            created.add(security);
        }
        if (balance != null) {
            BigDecimal quantity = balance.quantity() != null ? balance.quantity().value() : quantityThen;
            String instrumentKind = source != null ? source.kind : e instanceof EquityCompensationTransaction ? GRANT
                    : e instanceof WarrantTransaction ? WARRANT : CONVERTIBLE;
            register(new Instrument(instrumentKind, balance.securityId().value(), balance.securityLabel(),
                    transferee != null ? transferee.value() : source == null ? null : source.stakeholderId,
                    source == null ? null : source.stockClassId, quantity, e.date(), sequence, kind, id.value()));
        }
        if (!(e instanceof ConvertibleTransaction)) {
            terminalTransactions++;
            conserveInstrument(e, sequence, id.value(), source, quantityThen, created, balance);
        }
    }

    // ---------------------------------------------------------------- check 4: quantities conserved

    private void conserveStock(StockTransaction e, long sequence, List<Stock> sources, List<String> unknown,
                               List<Stock> created) {
        if (!unknown.isEmpty()) {
            conservation.add(finding(e, sequence, null, null, Map.of("unknownSources", String.join(", ", unknown)),
                    "extinguishes " + (unknown.size() == 1 ? "a security" : "securities")
                            + " the events never created; nothing to conserve against"));
            return;
        }
        Stock source = sources.isEmpty() ? null : sources.get(0);
        BigDecimal sourceQuantity = sum(sources.stream().map(Stock::quantity).toList());
        if (e instanceof StockConverted c) {
            conserveConversion(c, sequence, source, created);
            return;
        }
        BigDecimal resulting = BigDecimal.ZERO;
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal moved;
        if (e instanceof StockTransferred t) {
            resulting = sum(t.resultingSecurities().stream().map(r -> r.quantity().value()).toList());
            balance = t.balance() == null ? BigDecimal.ZERO : t.balance().quantity().value();
            moved = t.quantity().value();
            if (resulting.compareTo(moved) != 0) {
                conservation.add(finding(e, sequence, source, null, figures("transferred", moved, "resulting",
                        resulting), "the resulting securities do not add up to the shares transferred"));
            }
        } else if (e instanceof StockCancelled c) {
            balance = c.balance() == null ? BigDecimal.ZERO : c.balance().quantity().value();
            moved = c.quantity().value();
        } else if (e instanceof StockRepurchased r) {
            balance = r.balance() == null ? BigDecimal.ZERO : r.balance().quantity().value();
            moved = r.quantity().value();
        } else if (e instanceof StockReissued r) {
            resulting = sum(r.resultingSecurities().stream().map(x -> x.quantity().value()).toList());
            moved = resulting;
        } else if (e instanceof StockConsolidated c) {
            resulting = c.resultingSecurity().quantity().value();
            moved = resulting;
        } else if (e instanceof StockRetracted) {
            moved = sourceQuantity;
        } else {
            moved = resulting;
        }
        if (moved.add(balance).compareTo(sourceQuantity) != 0) {
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("source", fig(sourceQuantity));
            figures.put(e instanceof StockCancelled ? "cancelled" : e instanceof StockRepurchased ? "repurchased"
                    : "resulting", fig(moved));
            figures.put("balance", fig(balance));
            conservation.add(finding(e, sequence, source, null, figures,
                    "the shares taken and the balance do not add up to the source"));
        }
        for (Stock s : sources) {
            if (source != null && !s.stockClassId().equals(source.stockClassId())) {
                conservation.add(finding(e, sequence, s, null, Map.of(), "combines securities of different classes"));
            }
        }
        for (Stock r : created) {
            if (source != null && !r.stockClassId().equals(source.stockClassId())) {
                conservation.add(finding(e, sequence, r, null, Map.of("sourceClass", source.stockClassId()),
                        "creates a security in another class than its source's"));
            }
        }
    }

    /** A conversion: the balance stays in the source class; the results are the converted shares at the ratio. */
    private void conserveConversion(StockConverted c, long sequence, Stock source, List<Stock> created) {
        BigDecimal balance = c.balance() == null ? BigDecimal.ZERO : c.balance().quantity().value();
        if (source != null && c.quantity().value().add(balance).compareTo(source.quantity()) != 0) {
            conservation.add(finding(c, sequence, source, null, figures("source", source.quantity(), "converted",
                    c.quantity().value(), "balance", balance), "the shares converted and the balance do not add up "
                    + "to the source"));
        }
        BigDecimal resulting = sum(c.resultingSecurities().stream().map(r -> r.quantity().value()).toList());
        StockClass target = classes.get(c.toStockClassId().value());
        int scale = target != null && target.fractional() ? FRACTION_SCALE : 0;
        if (!withinRatio(resulting, c.quantity().value(), c.ratio(), scale)) {
            conservation.add(finding(c, sequence, source, null, figures("converted", c.quantity().value(), "ratio",
                    c.ratio().toString(), "expected", exact(c.quantity().value(), c.ratio()), "resulting", resulting),
                    "the resulting shares are not the converted shares at the ratio " + c.ratio()));
        }
        for (Stock r : created) {
            boolean isBalance = c.balance() != null && r.securityId().equals(c.balance().securityId().value());
            String expectedClass = isBalance ? (source == null ? null : source.stockClassId())
                    : c.toStockClassId().value();
            if (expectedClass != null && !r.stockClassId().equals(expectedClass)) {
                conservation.add(finding(c, sequence, r, null, Map.of("expectedClass", expectedClass),
                        isBalance ? "puts the balance in another class than the source's"
                                : "puts converted shares in another class than the one converted into"));
            }
        }
    }

    /** A split: each replacement is its source at the ratio, and it replaces every security of the class then. */
    private void conserveSplit(StockClassSplit split, long sequence, List<Stock> sources, List<String> unknown,
                               List<Stock> unreplaced) {
        for (String id : unknown) {
            conservation.add(finding(split, sequence, null, null, Map.of("unknownSource", id),
                    "replaces a security the events never created"));
        }
        StockClass splitClass = classes.get(split.stockClassId().value());
        int scale = splitClass != null && splitClass.fractional() ? FRACTION_SCALE : 0;
        for (StockClassSplit.Replacement r : split.splits()) {
            Stock source = sources.stream().filter(s -> s.securityId().equals(r.sourceSecurityId().value()))
                    .findFirst().orElse(null);
            if (source == null) {
                continue;
            }
            BigDecimal after = r.resultingSecurity().quantity().value();
            if (!withinRatio(after, source.quantity(), split.ratio(), FRACTION_SCALE)) {
                conservation.add(finding(split, sequence, source, null, figures("source", source.quantity(),
                        "expected", exact(source.quantity(), split.ratio()), "resulting", after),
                        "the replacement is not its source at the split ratio " + split.ratio()));
            }
            if (!r.resultingSecurity().stockClassId().equals(split.stockClassId())
                    || !r.resultingSecurity().stakeholderId().value().equals(source.stakeholderId())) {
                conservation.add(finding(split, sequence, source, null, Map.of(),
                        "the replacement has another holder or class than its source"));
            }
        }
        for (Stock s : unreplaced) {
            conservation.add(finding(split, sequence, s, null, figures("quantity", s.quantity()),
                    "outstanding in the split class on the split's date but not replaced by it"));
        }
        List<StockClassSplit.Adjustment> adjustments = new ArrayList<>(split.grantAdjustments());
        adjustments.addAll(split.warrantAdjustments());
        for (StockClassSplit.Adjustment a : adjustments) {
            Instrument instrument = instruments.get(a.securityId().value());
            if (instrument == null) {
                conservation.add(finding(split, sequence, null, null, Map.of("unknownInstrument",
                        a.securityId().value()), "adjusts a grant or warrant the events never created"));
                continue;
            }
            BigDecimal before = instrument.quantity;
            BigDecimal after = a.newQuantity() == null ? null : a.newQuantity().value();
            boolean fits = before == null ? after == null
                    : after != null && withinRatio(after, before, split.ratio(), scale);
            if (!fits) {
                conservation.add(instrumentFinding(split, sequence, instrument, figures("before", before,
                        "expected", before == null ? null : exact(before, split.ratio()), "after", after),
                        "the adjusted quantity is not the old one at the split ratio " + split.ratio()));
            }
            instrument.quantity = after;
        }
    }

    /** Exercise, release, cancellation or transfer of a grant or warrant: stock + balance = the instrument. */
    private void conserveInstrument(CapTableEvent e, long sequence, String id, Instrument source,
                                    BigDecimal quantityThen, List<Stock> created, ResultingGrant balance) {
        if (source == null) {
            conservation.add(finding(e, sequence, null, null, Map.of("unknownSource", id),
                    "acts on a grant or warrant the events never created"));
            return;
        }
        BigDecimal balanceQuantity = balance == null || balance.quantity() == null ? BigDecimal.ZERO
                : balance.quantity().value();
        BigDecimal resulting = sum(created.stream().map(Stock::quantity).toList());
        Quantity taken = e instanceof EquityCompensationExercised x ? x.quantity()
                : e instanceof EquityCompensationReleased x ? x.quantity()
                : e instanceof EquityCompensationCancelled x ? x.quantity()
                : e instanceof WarrantExercised x ? x.quantity()
                : e instanceof WarrantCancelled x ? x.quantity() : null;
        boolean settles = e instanceof EquityCompensationExercised || e instanceof EquityCompensationReleased
                || e instanceof WarrantExercised;
        if (settles && taken != null && resulting.compareTo(taken.value()) != 0) {
            conservation.add(instrumentFinding(e, sequence, source, figures("exercised", taken.value(),
                    "resulting", resulting), "the stock issued is not the quantity exercised or released"));
        }
        if (e instanceof EquityCompensationTransferred || e instanceof WarrantTransferred) {
            BigDecimal transferred = balance == null ? null : balance.quantity() == null ? null
                    : balance.quantity().value();
            boolean same = quantityThen == null ? transferred == null
                    : transferred != null && transferred.compareTo(quantityThen) == 0;
            if (!same) {
                conservation.add(instrumentFinding(e, sequence, source, figures("source", quantityThen,
                        "transferred", transferred), "a transfer goes whole: the transferee's must equal the source"));
            }
        } else if (taken != null && quantityThen != null
                && taken.value().add(balanceQuantity).compareTo(quantityThen) != 0) {
            conservation.add(instrumentFinding(e, sequence, source, figures("source", quantityThen, "taken",
                    taken.value(), "balance", balanceQuantity), "the shares taken and the balance do not add up to "
                    + "the source"));
        }
        for (Stock r : created) {
            if (source.stockClassId != null && !r.stockClassId().equals(source.stockClassId)) {
                conservation.add(finding(e, sequence, r, null, Map.of("expectedClass", source.stockClassId),
                        "issues stock in another class than the grant's or warrant's"));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Finding finding(CapTableEvent e, long sequence, Stock security, String stakeholderId,
                            Map<String, String> figures, String detail) {
        return new Finding(e.date(), security == null ? null : security.stockClassId(),
                security == null ? null : className(security.stockClassId()),
                security == null ? stakeholderId : security.stakeholderId(),
                security == null ? null : security.securityId(), security == null ? null : security.label(), kind(e),
                sequence, figures.isEmpty() ? null : figures, detail);
    }

    private Finding instrumentFinding(CapTableEvent e, long sequence, Instrument instrument,
                                      Map<String, String> figures, String detail) {
        return new Finding(e.date(), instrument.stockClassId, className(instrument.stockClassId),
                instrument.stakeholderId, instrument.securityId, instrument.label, kind(e), sequence, figures, detail);
    }

    /** @return the OCF-style kind of a transaction (TRANSFER, EXERCISE...), ISSUANCE for an issuance */
    static String kind(CapTableEvent e) {
        if (e instanceof StockTransaction t) {
            return t.kind();
        }
        if (e instanceof EquityCompensationTransaction t) {
            return t.kind();
        }
        if (e instanceof WarrantTransaction t) {
            return t.kind();
        }
        if (e instanceof ConvertibleTransaction t) {
            return t.kind();
        }
        return e instanceof StockIssued || e instanceof EquityCompensationIssued || e instanceof WarrantIssued
                || e instanceof ConvertibleIssued ? ISSUANCE : e.getClass().getSimpleName();
    }

    /** @return whether {@code actual} is {@code base × ratio} rounded up or down to {@code scale} decimal places */
    static boolean withinRatio(BigDecimal actual, BigDecimal base, Ratio ratio, int scale) {
        BigDecimal exact = exact(base, ratio);
        return actual.compareTo(exact.setScale(scale, RoundingMode.FLOOR)) >= 0
                && actual.compareTo(exact.setScale(scale, RoundingMode.CEILING)) <= 0;
    }

    static BigDecimal exact(BigDecimal base, Ratio ratio) {
        return base.multiply(ratio.numerator()).divide(ratio.denominator(), MathContext.DECIMAL128);
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Exact figure as a plain decimal string without trailing zeros; {@code none} for null. */
    static String fig(BigDecimal value) {
        return value == null ? "none" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Name, value pairs as figures, in order; a null value reads {@code none}. */
    static Map<String, String> figures(Object... pairs) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            figures.put((String) pairs[i], value instanceof BigDecimal d ? fig(d)
                    : value == null ? "none" : value.toString());
        }
        return figures;
    }
}
