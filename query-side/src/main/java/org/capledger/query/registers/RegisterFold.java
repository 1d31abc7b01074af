package org.capledger.query.registers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.capledger.api.CapTableEvent;
import org.capledger.api.convertible.ConvertibleConverted;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.EquityCompensationReleased;
import org.capledger.api.equity.EquityCompensationRepriced;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
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
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Address;
import org.capledger.api.value.Fraction;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.WarrantExercised;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.query.registers.RegisterOfMembersView.Holding;
import org.capledger.query.registers.RegisterOfMembersView.Member;

/**
 * Folds one issuer's events, in recording order, into its stock ledger and register of members as of one date. Pure:
 * no I/O, no clock; one instance per request.
 *
 * <p>Every event is folded whatever its date, because a certificate's label, holder and class come from the event
 * that created it, which an earlier-dated transaction may have been recorded after. What the views show is then cut
 * at {@code asOf}:
 * <ul>
 *   <li>the stock ledger lists the lines whose effective date is on or before {@code asOf}, ordered by effective
 *   date and then by recording order (a back-dated transaction appears at its date);</li>
 *   <li>the register shows holdings on {@code asOf} "as known now", as the cap table does: a retracted issuance is
 *   void from its issue date, so it neither made anyone a member nor counts in a holding, whenever it was
 *   retracted;</li>
 *   <li>names and addresses are those in force on {@code asOf}: the latest recorded registration or update effective
 *   on or before it, the Ledger's rule.</li>
 * </ul>
 */
public final class RegisterFold {

    private final LocalDate asOf;

    private String issuerId;
    private String issuerLegalName;
    private String countryOfFormation;
    private LocalDate formationDate;
    private final Map<String, Person> stakeholders = new HashMap<>();
    private final Map<String, String> classNames = new HashMap<>();
    private final Map<SecurityId, Certificate> certificates = new LinkedHashMap<>();
    private final Map<SecurityId, Instrument> instruments = new HashMap<>();
    private final List<Line> lines = new ArrayList<>();

    /** @param asOf the date both views are drawn up to, inclusive */
    public RegisterFold(LocalDate asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /** Folds all of {@code events}, which must be in recording order. */
    public static RegisterFold of(LocalDate asOf, Iterable<RecordedEvent> events) {
        RegisterFold fold = new RegisterFold(asOf);
        events.forEach(fold::add);
        return fold;
    }

    /** @return the issuer's legal name, or null before its IssuerCreated */
    public String issuerLegalName() {
        return issuerLegalName;
    }

    /** @return ISO 3166-1 alpha-2 code of the country the issuer was formed in, or null before its IssuerCreated */
    public String countryOfFormation() {
        return countryOfFormation;
    }

    /** @return the issuer's formation date, or null before its IssuerCreated */
    public LocalDate formationDate() {
        return formationDate;
    }

    // ---------------------------------------------------------------- fold

    /** Folds one event; events must come in recording order. */
    public void add(RecordedEvent recorded) {
        CapTableEvent event = recorded.event();
        if (event instanceof IssuerCreated e) {
            issuerId = e.issuerId().value();
            issuerLegalName = e.legalName();
            countryOfFormation = e.countryOfFormation();
            formationDate = e.formationDate();
        } else if (event instanceof StakeholderRegistered e) {
            if (!e.date().isAfter(asOf)) {
                stakeholders.put(e.stakeholderId().value(), new Person(e.name().legalName(), e.address()));
            }
        } else if (event instanceof StakeholderUpdated e) {
            if (!e.date().isAfter(asOf)) {
                stakeholders.put(e.stakeholderId().value(), new Person(e.name().legalName(), e.address()));
            }
        } else if (event instanceof StockClassCreated e) {
            classNames.put(e.stockClassId().value(), e.name());
        } else if (event instanceof StockIssued e) {
            Certificate issued = create(e.securityId(), e.securityLabel(), e.stakeholderId().value(),
                    e.stockClassId().value(), e.quantity(), e.date(), paid(e.pricePerShare(), e.quantity().value()));
            Lines group = new Lines(recorded, "ISSUANCE", e.pricePerShare(), e.consideration(), null);
            group.in(issued, false);
            group.close();
        } else if (event instanceof StockTransaction e && !(event instanceof StockAccepted)) {
            stockTransaction(recorded, e);
        } else if (event instanceof EquityCompensationIssued e) {
            Money price = e.compensationType() == CompensationType.RSU || e.compensationType() == CompensationType.SSAR
                    || e.compensationType() == CompensationType.CSAR ? null : e.exercisePrice();
            instruments.put(e.securityId(), new Instrument(e.securityLabel(), price, null));
        } else if (event instanceof WarrantIssued e) {
            instruments.put(e.securityId(), new Instrument(e.securityLabel(), e.exercisePrice(), null));
        } else if (event instanceof ConvertibleIssued e) {
            instruments.put(e.securityId(), new Instrument(e.securityLabel(), null, e.investmentAmount()));
        }
        if (event instanceof EquityCompensationTransaction e) {
            grantTransaction(recorded, e);
        } else if (event instanceof WarrantTransaction e) {
            if (e instanceof WarrantExercised x) {
                Instrument warrant = instruments.get(x.securityId());
                stockFromInstrument(recorded, "WARRANT_EXERCISE", x.resultingStock(), warrant.price(),
                        x.consideration(), "exercise of " + warrant.label(), paidAt(warrant.price()));
            }
            continueInstrument(e.securityId(), e.balance());
        } else if (event instanceof ConvertibleTransaction e) {
            if (e instanceof ConvertibleConverted x) {
                Instrument convertible = instruments.get(x.securityId());
                Money investment = convertible.investment();
                stockFromInstrument(recorded, "CONVERTIBLE_CONVERSION", x.resultingStock(), null, null,
                        "conversion of " + convertible.label() + (investment == null ? ""
                                : " (investment " + investment + ")") + (x.reason() == null ? "" : ": " + x.reason()),
                        shares -> investment == null ? null : byShare(investment, x.resultingStock(), shares));
            }
            continueInstrument(e.securityId(), e.balance());
        }
    }

    private void stockTransaction(RecordedEvent recorded, StockTransaction e) {
        ResultingSecurity balance = null;
        Money price = null;
        String consideration = null;
        String memo = null;
        if (e instanceof StockTransferred t) {
            balance = t.balance();
            consideration = t.consideration();
        } else if (e instanceof StockCancelled c) {
            balance = c.balance();
            memo = c.reason();
        } else if (e instanceof StockRepurchased r) {
            balance = r.balance();
            price = r.price();
            consideration = r.consideration();
        } else if (e instanceof StockConverted c) {
            balance = c.balance();
            memo = "into " + classNames.get(c.toStockClassId().value()) + " at " + c.ratio();
        } else if (e instanceof StockReissued r) {
            memo = r.reason();
        } else if (e instanceof StockConsolidated c) {
            memo = c.reason();
        } else if (e instanceof StockRetracted r) {
            memo = join("void from " + r.voidFrom(), r.reason());
        } else if (e instanceof StockClassSplit split) {
            memo = join(split.ratio() + " split of " + classNames.get(split.stockClassId().value()), split.comments());
            splitAdjustments(split);
        }
        Lines group = new Lines(recorded, e.kind(), price, consideration, memo);
        Map<SecurityId, Certificate> sources = new LinkedHashMap<>();
        for (SecurityId source : e.sourceSecurityIds()) {
            Certificate out = certificates.get(source);
            out.extinguishedOn = e.date();
            out.retracted = e instanceof StockRetracted;
            sources.put(source, out);
            group.out(out);
        }
        for (ResultingSecurity n : e.newSecurities()) {
            group.in(create(n.securityId(), n.securityLabel(), n.stakeholderId().value(), n.stockClassId().value(),
                    n.quantity(), e.date(), paidFrom(e, sources, n, n.equals(balance))), n.equals(balance));
        }
        group.close();
    }

    /**
     * The amount paid on a new security, carried from the sources it came from in proportion to the source shares it
     * stands for: all of them for a split's replacement and a consolidation, the shares converted for a conversion's
     * results, and otherwise (transfer, balance, reissuance) its own quantity.
     */
    private static Map<String, Fraction> paidFrom(StockTransaction e, Map<SecurityId, Certificate> sources,
                                                  ResultingSecurity n, boolean isBalance) {
        if (e instanceof StockConsolidated) {
            Map<String, Fraction> sum = new TreeMap<>();
            for (Certificate source : sources.values()) {
                if (source.paid == null) {
                    return null;
                }
                source.paid.forEach((currency, amount) -> sum.merge(currency, amount, Fraction::plus));
            }
            return sum;
        }
        Certificate source = sources.get(e instanceof StockClassSplit split ? split.splits().stream()
                .filter(r -> r.resultingSecurity().securityId().equals(n.securityId())).findFirst().orElseThrow()
                .sourceSecurityId() : e.sourceSecurityIds().get(0));
        if (source.paid == null) {
            return null;
        }
        Fraction share;
        if (e instanceof StockClassSplit) {
            share = Fraction.ONE;
        } else if (e instanceof StockConverted c && !isBalance) {
            BigDecimal resulting = c.resultingSecurities().stream().map(r -> r.quantity().value())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            share = Fraction.of(c.quantity().value(), source.quantity)
                    .times(Fraction.of(n.quantity().value(), resulting));
        } else {
            share = Fraction.of(n.quantity().value(), source.quantity);
        }
        Map<String, Fraction> paid = new TreeMap<>();
        source.paid.forEach((currency, amount) -> paid.put(currency, amount.times(share)));
        return paid;
    }

    private void grantTransaction(RecordedEvent recorded, EquityCompensationTransaction e) {
        Instrument grant = instruments.get(e.securityId());
        if (e instanceof EquityCompensationRepriced r) {
            grant = new Instrument(grant.label(), r.newExercisePrice(), null);
            instruments.put(e.securityId(), grant);
        } else if (e instanceof EquityCompensationExercised x) {
            stockFromInstrument(recorded, "EXERCISE", x.resultingStock(), grant.price(), x.consideration(),
                    "exercise of " + grant.label(), paidAt(grant.price()));
        } else if (e instanceof EquityCompensationReleased x) {
            stockFromInstrument(recorded, "RELEASE", x.resultingStock(), x.releasePrice(), null,
                    "release of " + grant.label() + (x.settlementDate() == null ? ""
                            : ", settled " + x.settlementDate()), paidAt(x.releasePrice()));
        }
        continueInstrument(e.securityId(), e.balance());
    }

    /** A split's adjusted exercise prices of grants and warrants over the class. */
    private void splitAdjustments(StockClassSplit split) {
        for (StockClassSplit.Adjustment a : split.grantAdjustments()) {
            reprice(a);
        }
        for (StockClassSplit.Adjustment a : split.warrantAdjustments()) {
            reprice(a);
        }
    }

    private void reprice(StockClassSplit.Adjustment a) {
        Instrument instrument = instruments.get(a.securityId());
        if (instrument != null && a.newPrice() != null && instrument.price() != null) {
            instruments.put(a.securityId(), new Instrument(instrument.label(), a.newPrice(), instrument.investment()));
        }
    }

    private void continueInstrument(SecurityId from, org.capledger.api.equity.ResultingGrant balance) {
        if (balance != null) {
            Instrument source = instruments.get(from);
            instruments.put(balance.securityId(), new Instrument(balance.securityLabel(), source.price(),
                    source.investment()));
        }
    }

    private interface PaidUp {
        /** @return the amount paid on a new security of {@code shares}, or null when unknown */
        Map<String, Fraction> of(ResultingSecurity shares);
    }

    private static PaidUp paidAt(Money price) {
        return n -> paid(price, n.quantity().value());
    }

    private static Map<String, Fraction> byShare(Money total, List<ResultingSecurity> all, ResultingSecurity n) {
        BigDecimal shares = all.stream().map(r -> r.quantity().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Fraction> paid = new TreeMap<>();
        paid.put(total.currency(), Fraction.of(total.amount()).times(Fraction.of(n.quantity().value(), shares)));
        return paid;
    }

    private void stockFromInstrument(RecordedEvent recorded, String kind, List<ResultingSecurity> stock, Money price,
                                     String consideration, String memo, PaidUp paidUp) {
        if (stock.isEmpty()) {
            return;
        }
        Lines group = new Lines(recorded, kind, price, consideration, memo);
        for (ResultingSecurity n : stock) {
            group.in(create(n.securityId(), n.securityLabel(), n.stakeholderId().value(), n.stockClassId().value(),
                    n.quantity(), recorded.event().date(), paidUp.of(n)), false);
        }
        group.close();
    }

    private static Map<String, Fraction> paid(Money price, BigDecimal shares) {
        if (price == null) {
            return null;
        }
        Map<String, Fraction> paid = new TreeMap<>();
        paid.put(price.currency(), Fraction.of(price.amount()).times(Fraction.of(shares)));
        return paid;
    }

    private Certificate create(SecurityId id, String label, String holder, String stockClass, Quantity quantity,
                               LocalDate on, Map<String, Fraction> paid) {
        Certificate c = new Certificate(label, holder, stockClass, quantity.value(), on, paid);
        certificates.put(id, c);
        return c;
    }

    private static String join(String first, String second) {
        return second == null || second.isBlank() ? first : first + ": " + second;
    }

    // ---------------------------------------------------------------- views

    /** @return the stock ledger: the lines effective on or before {@code asOf}, by effective date, then recording */
    public StockLedgerView stockLedger() {
        List<StockLedgerEntry> entries = new ArrayList<>();
        lines.stream()
                .filter(line -> !line.recorded().event().date().isAfter(asOf))
                .sorted(Comparator.comparing((Line line) -> line.recorded().event().date())
                        .thenComparingLong(line -> line.recorded().sequenceNumber()))
                .forEach(line -> entries.add(entry(line)));
        return new StockLedgerView(issuerId, issuerLegalName, asOf, entries);
    }

    private StockLedgerEntry entry(Line line) {
        RecordedEvent r = line.recorded();
        Person holder = stakeholders.get(line.stakeholderId());
        return new StockLedgerEntry(r.event().date(), r.recordedAt(), r.sequenceNumber(), r.eventId(),
                r.event().getClass().getSimpleName(), line.kind(), line.stakeholderId(),
                holder == null ? null : holder.name(), line.stockClassId(), classNames.get(line.stockClassId()),
                line.shares().toPlainString(), line.price(), line.consideration(), line.in(), line.out(),
                line.balance(), line.memo());
    }

    /**
     * @return the register of members on {@code asOf}: every period of membership that began on or before it, with the
     *         holdings of the current ones
     */
    public RegisterOfMembersView registerOfMembers() {
        Map<String, TreeMap<LocalDate, BigDecimal>> changes = new TreeMap<>();
        Map<String, Map<String, List<Certificate>>> held = new TreeMap<>();
        for (Certificate c : certificates.values()) {
            if (c.retracted || c.createdOn.isAfter(asOf)) {
                continue;
            }
            TreeMap<LocalDate, BigDecimal> byDate = changes.computeIfAbsent(c.holder, h -> new TreeMap<>());
            byDate.merge(c.createdOn, c.quantity, BigDecimal::add);
            if (c.extinguishedOn != null && !c.extinguishedOn.isAfter(asOf)) {
                byDate.merge(c.extinguishedOn, c.quantity.negate(), BigDecimal::add);
            } else {
                held.computeIfAbsent(c.holder, h -> new TreeMap<>()).computeIfAbsent(c.stockClass,
                        k -> new ArrayList<>()).add(c);
            }
        }
        List<Member> members = new ArrayList<>();
        changes.forEach((holder, byDate) -> {
            Person person = stakeholders.getOrDefault(holder, new Person(holder, null));
            BigDecimal total = BigDecimal.ZERO;
            LocalDate entered = null;
            for (Map.Entry<LocalDate, BigDecimal> day : byDate.entrySet()) {
                BigDecimal after = total.add(day.getValue());
                if (total.signum() == 0 && after.signum() > 0) {
                    entered = day.getKey();
                } else if (total.signum() > 0 && after.signum() == 0) {
                    members.add(new Member(holder, person.name(), person.address(), entered, day.getKey(), List.of()));
                    entered = null;
                }
                total = after;
            }
            if (entered != null) {
                members.add(new Member(holder, person.name(), person.address(), entered, null,
                        holdings(held.getOrDefault(holder, Map.of()))));
            }
        });
        members.sort(Comparator.comparing((Member m) -> m.name().toLowerCase(Locale.ROOT))
                .thenComparing(Member::stakeholderId).thenComparing(Member::enteredOn));
        return new RegisterOfMembersView(issuerId, issuerLegalName, asOf, members);
    }

    private List<Holding> holdings(Map<String, List<Certificate>> byClass) {
        List<Holding> holdings = new ArrayList<>();
        byClass.forEach((stockClass, held) -> {
            BigDecimal shares = BigDecimal.ZERO;
            BigDecimal unknown = BigDecimal.ZERO;
            Map<String, Fraction> paid = new TreeMap<>();
            List<String> labels = new ArrayList<>();
            for (Certificate c : held) {
                shares = shares.add(c.quantity);
                labels.add(c.label);
                if (c.paid == null) {
                    unknown = unknown.add(c.quantity);
                } else {
                    c.paid.forEach((currency, amount) -> paid.merge(currency, amount, Fraction::plus));
                }
            }
            List<Money> amounts = new ArrayList<>();
            paid.forEach((currency, amount) -> amounts.add(new Money(amount.roundHalfUp(10), currency)));
            holdings.add(new Holding(stockClass, classNames.get(stockClass), new Quantity(shares), labels, amounts,
                    new Quantity(unknown)));
        });
        holdings.sort(Comparator.comparing(Holding::stockClassName).thenComparing(Holding::stockClassId));
        return holdings;
    }

    // ---------------------------------------------------------------- state

    private record Person(String name, Address address) {
    }

    /** What the registers need of an option, RSU, SAR, warrant or convertible. */
    private record Instrument(String label, Money price, Money investment) {
    }

    /** A stock certificate (security); its amount paid, by currency, or null when unknown. */
    private static final class Certificate {
        final String label;
        final String holder;
        final String stockClass;
        final BigDecimal quantity;
        final LocalDate createdOn;
        final Map<String, Fraction> paid;
        LocalDate extinguishedOn;
        boolean retracted;

        Certificate(String label, String holder, String stockClass, BigDecimal quantity, LocalDate createdOn,
                    Map<String, Fraction> paid) {
            this.label = label;
            this.holder = holder;
            this.stockClass = stockClass;
            this.quantity = quantity;
            this.createdOn = createdOn;
            this.paid = paid;
        }
    }

    /** One line before names are resolved. */
    private record Line(RecordedEvent recorded, String kind, String stakeholderId, String stockClassId,
                        BigDecimal shares, Money price, String consideration, List<String> in, List<String> out,
                        String balance, String memo) {
    }

    /** The lines of one transaction, one per (holder, class) in the order the transaction names them. */
    private final class Lines {
        private final RecordedEvent recorded;
        private final String kind;
        private final Money price;
        private final String consideration;
        private final String memo;
        private final Map<List<String>, Builder> byHolderAndClass = new LinkedHashMap<>();

        Lines(RecordedEvent recorded, String kind, Money price, String consideration, String memo) {
            this.recorded = recorded;
            this.kind = kind;
            this.price = price;
            this.consideration = consideration;
            this.memo = memo;
        }

        void out(Certificate c) {
            Builder b = builder(c);
            b.shares = b.shares.subtract(c.quantity);
            b.out.add(c.label);
        }

        void in(Certificate c, boolean balance) {
            Builder b = builder(c);
            b.shares = b.shares.add(c.quantity);
            b.in.add(c.label);
            if (balance) {
                b.balance = c.label;
            }
        }

        private Builder builder(Certificate c) {
            return byHolderAndClass.computeIfAbsent(List.of(c.holder, c.stockClass), k -> new Builder());
        }

        void close() {
            byHolderAndClass.forEach((key, b) -> lines.add(new Line(recorded, kind, key.get(0), key.get(1), b.shares,
                    price, consideration, List.copyOf(b.in), List.copyOf(b.out), b.balance, memo)));
        }
    }

    private static final class Builder {
        BigDecimal shares = BigDecimal.ZERO;
        final List<String> in = new ArrayList<>();
        final List<String> out = new ArrayList<>();
        String balance;
    }
}
