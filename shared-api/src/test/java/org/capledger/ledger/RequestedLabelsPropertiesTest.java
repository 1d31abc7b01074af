package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stock.Transferee;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.warrant.IssueWarrant;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random histories of issuances, transfers, splits (with and without explicit result ids), grants, exercises and
 * warrants, each asking for labels from a small pool that overlaps what the ledger allots (CS-3, cs-3, OPT-1, W-2,
 * ...), in random, back-dated order (splits and exercises late, so that more of them are accepted). After every step: no two securities, grants or warrants share a label
 * (ignoring case); an accepted step gave every requested label; a refused one changed nothing; and the fold of the
 * recorded events, and a snapshot of the ledger, are the ledger the decisions saw.
 */
class RequestedLabelsPropertiesTest {

    private static final int DATE_SLOTS = 20;
    private static final int DAYS_PER_SLOT = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockPlanId PLAN = StockPlanId.of("plan");
    private static final List<String> POOL = List.of("CS-1", "CS-2", "CS-3", "cs-3", "CS-4", "CS-6", "CS-9",
            "OPT-1", "OPT-2", "W-1", "W-2", "Cert A", "cert a", "Founders-1");
    /** Stands for a label no other step requests. */
    private static final String FRESH = "*";

    sealed interface Step {
        LocalDate date();

        /** Labels to request for the step's first and second new security; null for none, FRESH for a new one. */
        List<String> labels();
    }

    record Issue(int holder, long quantity, LocalDate date, List<String> labels) implements Step {
    }

    /** Moves {@code part}/4 of the {@code pick}-th security known so far (any status) to holder {@code to}. */
    record Transfer(int pick, int to, int part, LocalDate date, List<String> labels) implements Step {
    }

    /** Splits Common 2:1; with {@code explicit}, the results get ids of the step's own. */
    record Split(boolean explicit, LocalDate date, List<String> labels) implements Step {
    }

    record Grant(long quantity, LocalDate date, List<String> labels) implements Step {
    }

    /** Exercises {@code part}/4 of the {@code pick}-th grant known so far. */
    record Exercise(int pick, int part, LocalDate date, List<String> labels) implements Step {
    }

    record Warrant(LocalDate date, List<String> labels) implements Step {
    }

    /** A step's command: the ids it creates, in order, and how to decide it with a ledger. */
    private record Decision(List<SecurityId> newIds, java.util.function.Function<Ledger, CapTableEvent> decide) {
    }

    @Property(tries = 250)
    void labelsStayUniqueAndTheStateStaysAFoldOfTheEvents(@ForAll("histories") List<Step> history) {
        Books books = setUp();
        for (int i = 0; i < history.size(); i++) {
            Step step = history.get(i);
            Decision decision = decision(books.ledger, step, i);
            Map<SecurityId, String> requested = new LinkedHashMap<>();
            for (int k = 0; k < decision.newIds().size() && k < step.labels().size(); k++) {
                String label = step.labels().get(k);
                if (label != null) {
                    requested.put(decision.newIds().get(k), FRESH.equals(label) ? "L" + i + "-" + k : label);
                }
            }
            String before = JSON.writeValueAsString(books.ledger);
            try {
                books.record(decision.decide().apply(books.ledger.withRequestedLabels(requested)));
                Statistics.label("outcome").collect(step.getClass().getSimpleName()
                        + (requested.isEmpty() ? " accepted" : " accepted with labels"));
                requested.forEach((id, label) -> assertThat(labelOf(books.ledger, id)).as("%s of %s", id, step)
                        .contains(label));
            } catch (CapledgerException refusal) {
                Statistics.label("outcome").collect(refusal.code().name());
                assertThat(JSON.writeValueAsString(books.ledger)).as("refused %s changed the ledger", step)
                        .isEqualTo(before);
            }
            assertLabelsUnique(books.ledger);
            assertThat(JSON.writeValueAsString(books.asOf(TODAY))).as("fold after %s", step)
                    .isEqualTo(JSON.writeValueAsString(books.ledger));
        }
        String json = JSON.writeValueAsString(books.ledger);
        assertThat(JSON.writeValueAsString(JSON.readValue(json, Ledger.class))).as("snapshot").isEqualTo(json);

        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("DUPLICATE_SECURITY_LABEL").count(n -> n > 0);
            for (String kind : List.of("Issue", "Transfer", "Split", "Grant", "Exercise", "Warrant")) {
                coverage.check(kind + " accepted with labels").count(n -> n > 0);
            }
        });
    }

    private static void assertLabelsUnique(Ledger ledger) {
        Map<String, String> holders = new HashMap<>();
        List<String[]> all = new ArrayList<>();
        ledger.securities().forEach(s -> all.add(new String[] {s.label(), s.securityId().value()}));
        ledger.grants().forEach(g -> all.add(new String[] {g.label(), g.securityId().value()}));
        ledger.instruments().forEach(x -> all.add(new String[] {x.label(), x.securityId().value()}));
        for (String[] labelAndId : all) {
            String other = holders.put(labelAndId[0].toLowerCase(Locale.ROOT), labelAndId[1]);
            assertThat(other).as("label %s of %s is also %s's", labelAndId[0], labelAndId[1], other).isNull();
        }
    }

    private static Optional<String> labelOf(Ledger ledger, SecurityId id) {
        return ledger.findSecurity(id).map(StockSecurity::label)
                .or(() -> ledger.findGrant(id).map(GrantRecord::label))
                .or(() -> ledger.findInstrument(id).map(InstrumentRecord::label));
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(1, DATE_SLOTS - 1)
                .map(slot -> FORMED.plusDays((long) slot * DAYS_PER_SLOT));
        Arbitrary<LocalDate> lateDates = Arbitraries.integers().between(DATE_SLOTS / 2, DATE_SLOTS - 1)
                .map(slot -> FORMED.plusDays((long) slot * DAYS_PER_SLOT));
        Arbitrary<List<String>> labels = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(FRESH)),
                Tuple.of(3, Arbitraries.of(POOL))).injectNull(0.35).list().ofSize(2);
        Arbitrary<Step> issue = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.longs().between(1, 40).map(q -> q * 4), dates, labels).as(Issue::new);
        Arbitrary<Step> transfer = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(1, 4), dates, labels)
                .as(Transfer::new);
        Arbitrary<Step> split = Combinators.combine(Arbitraries.of(true, true, false), lateDates, labels)
                .as(Split::new);
        Arbitrary<Step> grant = Combinators.combine(Arbitraries.longs().between(1, 20).map(q -> q * 4), dates,
                labels).as(Grant::new);
        Arbitrary<Step> exercise = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(1, 3), lateDates, labels).as(Exercise::new);
        Arbitrary<Step> warrant = Combinators.combine(dates, labels).as(Warrant::new);
        return Arbitraries.frequencyOf(Tuple.of(5, issue), Tuple.of(4, transfer), Tuple.of(2, split),
                Tuple.of(3, grant), Tuple.of(4, exercise), Tuple.of(2, warrant)).list().ofMinSize(1).ofMaxSize(20);
    }

    // ---------------------------------------------------------------- the system under test

    /** Holders h0 and h1; Common (CS-, 100,000 authorized) and a plan over it, all from formation. */
    private static Books setUp() {
        Books books = new Books();
        Ledger ledger = books.ledger;
        books.record(ledger.createIssuer(Books.createIssuer(null), TODAY));
        for (int h = 0; h < 2; h++) {
            books.record(ledger.registerStakeholder(Books.register("h" + h, "Holder " + h, FORMED, null), TODAY));
        }
        books.record(ledger.createStockClass(Books.createClass("common", "Common", "CS-", FORMED, "100000", false),
                TODAY));
        books.record(ledger.createStockPlan(new CreateStockPlan(ISSUER, PLAN, FORMED, "Plan", null, null,
                Quantity.of(10000), CancellationBehavior.RETURN_TO_POOL, List.of(COMMON)), TODAY));
        return books;
    }

    private static Decision decision(Ledger ledger, Step step, int index) {
        if (step instanceof Issue s) {
            SecurityId id = SecurityId.of("s" + index);
            return new Decision(List.of(id), l -> l.issueStock(Books.issue(id.value(), "h" + s.holder(), "common",
                    s.date(), String.valueOf(s.quantity())), TODAY));
        }
        if (step instanceof Split s) {
            Map<SecurityId, SecurityId> ids = new LinkedHashMap<>();
            List<SecurityId> newIds = new ArrayList<>();
            if (s.explicit()) {
                for (StockSecurity source : ledger.securities()) {
                    if (!source.outstandingOn(s.date())) {
                        continue;
                    }
                    SecurityId result = SecurityId.of("sp" + index + "-" + ids.size());
                    ids.put(source.securityId(), result);
                    newIds.add(result);
                }
            }
            return new Decision(newIds, l -> l.splitStockClass(new SplitStockClass(ISSUER, COMMON, s.date(),
                    Ratio.of(2, 1), null, null, null, ids), TODAY));
        }
        if (step instanceof Grant g) {
            SecurityId id = SecurityId.of("g" + index);
            return new Decision(List.of(id), l -> l.issueEquityCompensation(new IssueEquityCompensation(ISSUER, id,
                    g.date(), StakeholderId.of("h1"), PLAN, COMMON, CompensationType.OPTION_NSO,
                    Quantity.of(g.quantity()), Money.of("1", "USD"), null, false, null, null, g.date().plusYears(10),
                    List.of(), null, null), TODAY));
        }
        if (step instanceof Warrant w) {
            SecurityId id = SecurityId.of("w" + index);
            return new Decision(List.of(id), l -> l.issueWarrant(new IssueWarrant(ISSUER, id, w.date(),
                    StakeholderId.of("h0"), COMMON, Quantity.of(10), Money.of("1", "USD"), Money.of("0", "USD"),
                    null, null), TODAY));
        }
        if (step instanceof Exercise x) {
            List<GrantRecord> grants = new ArrayList<>(ledger.grants());
            SecurityId stock = SecurityId.of("x" + index);
            SecurityId balance = SecurityId.of("xb" + index);
            if (grants.isEmpty()) {
                return new Decision(List.of(), l -> {
                    throw new CapledgerException(org.capledger.api.ErrorCode.UNKNOWN_SECURITY, "no grants yet");
                });
            }
            GrantRecord g = grants.get(x.pick() % grants.size());
            return new Decision(List.of(stock, balance), l -> l.exerciseEquityCompensation(
                    new ExerciseEquityCompensation(ISSUER, g.securityId(), x.date(), part(g.quantity(), x.part()), null,
                            stock, balance), TODAY));
        }
        Transfer t = (Transfer) step;
        List<StockSecurity> known = new ArrayList<>(ledger.securities());
        if (known.isEmpty()) {
            return new Decision(List.of(), l -> {
                throw new CapledgerException(org.capledger.api.ErrorCode.UNKNOWN_SECURITY, "no securities yet");
            });
        }
        StockSecurity source = known.get(t.pick() % known.size());
        SecurityId to = SecurityId.of("t" + index);
        SecurityId balance = SecurityId.of("b" + index);
        Quantity part = part(source.quantity(), t.part());
        boolean whole = part.compareTo(source.quantity()) >= 0;
        return new Decision(whole ? List.of(to) : List.of(to, balance), l -> l.transferStock(new TransferStock(ISSUER,
                source.securityId(), t.date(), List.of(new Transferee(StakeholderId.of("h" + t.to()), part, to)),
                null, whole ? null : balance), TODAY));
    }

    /** {@code quarters}/4 of a quantity, at least one share. */
    private static Quantity part(Quantity whole, int quarters) {
        BigDecimal value = whole.value().multiply(BigDecimal.valueOf(quarters))
                .divide(BigDecimal.valueOf(4), 0, java.math.RoundingMode.DOWN);
        return new Quantity(value.max(BigDecimal.ONE));
    }
}
