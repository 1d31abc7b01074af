package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random histories of issuances and authorized-share adjustments, many back-dated, some dated before formation,
 * before the referenced record or in the future. Each command is decided against the ledger built so far and
 * recorded if accepted. Checked after every step: no date shows more outstanding than authorized, holders add up
 * to their classes, a refusal changed nothing and names a breach that the command really would have caused.
 */
class LedgerPropertiesTest {

    /** A few dates shared by many steps, so that same-day ordering is exercised; the last is after TODAY. */
    private static final int DATE_SLOTS = 40;
    private static final int DAYS_PER_SLOT = 42;
    private static final LocalDate H2_REGISTERED = LocalDate.of(2021, 1, 1);
    private static final LocalDate C1_CREATED = LocalDate.of(2021, 6, 1);
    private static final String[] PREFIXES = {"CS-", "PS-"};

    private static final JsonMapper JSON = JsonMapper.builder().build();

    sealed interface Step {
        LocalDate date();
    }

    record Issue(int holder, int stockClass, long quantity, LocalDate date) implements Step {
    }

    record AdjustClass(int stockClass, long authorized, LocalDate date) implements Step {
    }

    record AdjustIssuer(long authorized, LocalDate date) implements Step {
    }

    @Property(tries = 200)
    void everyDateStaysWithinAuthorizedAndRefusalsChangeNothing(@ForAll("histories") List<Step> history,
                                                                 @ForAll("issuerLimits") Long issuerLimit) {
        Books books = setUp(issuerLimit);

        for (int i = 0; i < history.size(); i++) {
            Step step = history.get(i);
            String before = fingerprint(books.ledger);
            CapTableEvent accepted = null;
            CapledgerException refusal = null;
            try {
                accepted = decide(books.ledger, step, i);
            } catch (CapledgerException e) {
                refusal = e;
            }

            ErrorCode dateRule = dateRuleBroken(step);
            Statistics.label("outcome").collect(refusal == null ? "accepted" : refusal.code().name());
            if (refusal != null) {
                assertThat(fingerprint(books.ledger)).as("a refused %s changed the ledger", step).isEqualTo(before);
                if (dateRule != null) {
                    assertThat(refusal.code()).as("%s", step).isEqualTo(dateRule);
                } else {
                    assertThat(refusal.code()).as("%s: %s", step, refusal.getMessage())
                            .isIn(ErrorCode.AUTHORIZED_SHARES_EXCEEDED, ErrorCode.AUTHORIZED_BELOW_OUTSTANDING);
                    LocalDate breachDate = LocalDate.parse((String) refusal.properties().get("breachDate"));
                    assertThat(breachDatesOf(withHypothetical(books.events, step, i)))
                            .as("%s was refused for a breach on %s that it would not cause", step, breachDate)
                            .contains(breachDate);
                }
            } else {
                assertThat(dateRule).as("%s should have been refused", step).isNull();
                books.record(accepted);
            }

            assertEveryDateWithinAuthorized(books);
            assertThat(breachDatesOf(books.events)).as("after %s", step).isEmpty();
        }
        assertLabelsNumberedWithoutGaps(books);

        // Guards the generators: every kind of outcome must turn up, or the property proves little.
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("accepted").count(n -> n > 0);
            for (ErrorCode code : List.of(ErrorCode.AUTHORIZED_SHARES_EXCEEDED, ErrorCode.AUTHORIZED_BELOW_OUTSTANDING,
                    ErrorCode.DATE_BEFORE_FORMATION, ErrorCode.DATE_IN_FUTURE,
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD)) {
                coverage.check(code.name()).count(n -> n > 0);
            }
        });
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, DATE_SLOTS - 1)
                .map(slot -> FORMED.plusDays((long) slot * DAYS_PER_SLOT - 3));
        Arbitrary<Step> issue = Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 1), Arbitraries.longs().between(1, 40), dates)
                .as(Issue::new);
        Arbitrary<Step> adjustClass = Combinators.combine(Arbitraries.integers().between(0, 1),
                        Arbitraries.longs().between(0, 150), dates)
                .as(AdjustClass::new);
        Arbitrary<Step> adjustIssuer = Combinators.combine(Arbitraries.longs().between(0, 250), dates)
                .as(AdjustIssuer::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(6, issue),
                        Tuple.of(2, adjustClass),
                        Tuple.of(1, adjustIssuer))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<Long> issuerLimits() {
        return Arbitraries.longs().between(60, 200).injectNull(0.4);
    }

    // ---------------------------------------------------------------- the system under test

    /** Holders h0, h1 (from formation) and h2 (from 2021); classes c0 (100 authorized) and c1 (60, from mid-2021). */
    private static Books setUp(Long issuerLimit) {
        Books books = new Books();
        Ledger ledger = books.ledger;
        books.record(ledger.createIssuer(Books.createIssuer(issuerLimit), TODAY));
        books.record(ledger.registerStakeholder(Books.register("h0", "Holder Zero", FORMED, null), TODAY));
        books.record(ledger.registerStakeholder(Books.register("h1", "Holder One", FORMED, null), TODAY));
        books.record(ledger.registerStakeholder(Books.register("h2", "Holder Two", H2_REGISTERED, null), TODAY));
        books.record(ledger.createStockClass(Books.createClass("c0", "Common", "CS-", FORMED, "100", false), TODAY));
        books.record(ledger.createStockClass(Books.createClass("c1", "Preferred", "PS-", C1_CREATED, "60", false),
                TODAY));
        return books;
    }

    private static CapTableEvent decide(Ledger ledger, Step step, int index) {
        if (step instanceof Issue s) {
            return ledger.issueStock(Books.issue("s" + index, "h" + s.holder(), "c" + s.stockClass(), s.date(),
                    String.valueOf(s.quantity())), TODAY);
        }
        if (step instanceof AdjustClass s) {
            return ledger.adjustStockClassAuthorizedShares(Books.adjustClass("c" + s.stockClass(), s.date(),
                    String.valueOf(s.authorized())), TODAY);
        }
        AdjustIssuer s = (AdjustIssuer) step;
        return ledger.adjustIssuerAuthorizedShares(Books.adjustIssuer(s.date(), s.authorized()), TODAY);
    }

    /** Everything the ledger holds, including its timelines, which no public view shows in full. */
    private static String fingerprint(Ledger ledger) {
        return JSON.writeValueAsString(ledger);
    }

    // ---------------------------------------------------------------- the oracle

    /** @return the date rule the step breaks, or {@code null}; checked before any share count */
    private static ErrorCode dateRuleBroken(Step step) {
        if (step.date().isBefore(FORMED)) {
            return ErrorCode.DATE_BEFORE_FORMATION;
        }
        if (step.date().isAfter(TODAY)) {
            return ErrorCode.DATE_IN_FUTURE;
        }
        boolean beforeHolder = step instanceof Issue s && s.holder() == 2 && s.date().isBefore(H2_REGISTERED);
        boolean beforeClass = (step instanceof Issue s && s.stockClass() == 1 && s.date().isBefore(C1_CREATED))
                || (step instanceof AdjustClass a && a.stockClass() == 1 && a.date().isBefore(C1_CREATED));
        return beforeHolder || beforeClass ? ErrorCode.DATE_BEFORE_REFERENCED_RECORD : null;
    }

    /** The recorded events plus the event the step would have recorded, had it been accepted. */
    private static List<CapTableEvent> withHypothetical(List<CapTableEvent> events, Step step, int index) {
        List<CapTableEvent> all = new ArrayList<>(events);
        if (step instanceof Issue s) {
            all.add(new StockIssued(ISSUER, SecurityId.of("s" + index), s.date(), "hypothetical",
                    StakeholderId.of("h" + s.holder()), StockClassId.of("c" + s.stockClass()),
                    Quantity.of(s.quantity()), Money.of("1", "USD"), null));
        } else if (step instanceof AdjustClass s) {
            all.add(new StockClassAuthorizedSharesAdjusted(ISSUER, StockClassId.of("c" + s.stockClass()), s.date(),
                    Quantity.of(s.authorized()), null, null, null));
        } else {
            AdjustIssuer s = (AdjustIssuer) step;
            all.add(new IssuerAuthorizedSharesAdjusted(ISSUER, s.date(), Quantity.of(s.authorized()), null, null,
                    null));
        }
        return all;
    }

    /**
     * An independent model of the rule: replays the share-count events in (effective date, recording order) and
     * returns every date at whose end a class or the issuer has more outstanding than authorized.
     */
    private static Set<LocalDate> breachDatesOf(List<CapTableEvent> events) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> events.get(i).date()).thenComparing(i -> i));

        Map<String, BigDecimal> outstanding = new HashMap<>();
        Map<String, BigDecimal> authorized = new HashMap<>();
        Set<LocalDate> breaches = new TreeSet<>();
        for (int k = 0; k < order.size(); k++) {
            CapTableEvent event = events.get(order.get(k));
            if (event instanceof IssuerCreated e && e.initialSharesAuthorized() != null) {
                authorized.put("issuer", e.initialSharesAuthorized().value());
            } else if (event instanceof IssuerAuthorizedSharesAdjusted e) {
                authorized.put("issuer", e.newSharesAuthorized().value());
            } else if (event instanceof StockClassCreated e) {
                authorized.put(e.stockClassId().value(), e.initialSharesAuthorized().value());
            } else if (event instanceof StockClassAuthorizedSharesAdjusted e) {
                authorized.put(e.stockClassId().value(), e.newSharesAuthorized().value());
            } else if (event instanceof StockIssued e) {
                outstanding.merge(e.stockClassId().value(), e.quantity().value(), BigDecimal::add);
                outstanding.merge("issuer", e.quantity().value(), BigDecimal::add);
            }
            boolean endOfDay = k == order.size() - 1 || !events.get(order.get(k + 1)).date().equals(event.date());
            if (!endOfDay) {
                continue;
            }
            for (Map.Entry<String, BigDecimal> scope : outstanding.entrySet()) {
                BigDecimal limit = authorized.get(scope.getKey());
                if (limit != null && scope.getValue().compareTo(limit) > 0) {
                    breaches.add(event.date());
                }
            }
        }
        return breaches;
    }

    // ---------------------------------------------------------------- invariants through the ledger's own views

    /** Folds the events effective by each recorded date into a fresh ledger, as the as-of query does. */
    private static void assertEveryDateWithinAuthorized(Books books) {
        Set<LocalDate> dates = new TreeSet<>();
        books.events.forEach(e -> dates.add(e.date()));
        for (LocalDate date : dates) {
            Ledger past = books.asOf(date);
            CapTableView table = past.capTable(date);
            BigDecimal total = BigDecimal.ZERO;
            for (CapTableView.ClassRow row : table.stockClasses()) {
                assertThat(row.sharesOutstanding()).as("%s on %s", row.name(), date)
                        .isLessThanOrEqualTo(row.sharesAuthorized())
                        .isEqualTo(past.sharesOutstanding(row.stockClassId()));
                BigDecimal held = table.holders().stream().flatMap(h -> h.positions().stream())
                        .filter(p -> p.stockClassId().equals(row.stockClassId()))
                        .map(p -> p.shares().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(held).as("holders of %s on %s", row.name(), date)
                        .isEqualByComparingTo(row.sharesOutstanding().value());
                total = total.add(row.sharesOutstanding().value());
            }
            assertThat(table.totals().sharesOutstanding().value()).isEqualByComparingTo(total);
            if (table.issuerSharesAuthorized() != null) {
                assertThat(total).as("issuer on %s", date)
                        .isLessThanOrEqualTo(table.issuerSharesAuthorized().value());
            }
        }
    }

    private static void assertLabelsNumberedWithoutGaps(Books books) {
        Map<String, Integer> next = new HashMap<>();
        for (CapTableEvent event : books.events) {
            if (event instanceof StockIssued e) {
                int number = next.merge(e.stockClassId().value(), 1, Integer::sum);
                String prefix = PREFIXES[Integer.parseInt(e.stockClassId().value().substring(1))];
                assertThat(e.securityLabel()).isEqualTo(prefix + number);
            }
        }
    }
}
