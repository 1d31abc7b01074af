package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.stock.CancelStock;
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
import org.capledger.api.value.VestingTermsId;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.VestingCondition;
import org.capledger.api.vesting.VestingDayOfMonth;
import org.capledger.api.vesting.VestingPeriod;
import org.capledger.api.vesting.VestingPortion;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random histories of issuances, partial transfers, cancellations, splits, option grants from a plan and their
 * exercises, many back-dated, some acting on
 * securities that are already extinguished. After every step, at every date the history mentions: outstanding per
 * class within authorized, holders' positions adding up to their class, no empty or negative position, grants and
 * what is available within the plan's pool, fully diluted = outstanding + grants + available; the as-of
 * replay of today equal to the ledger the decisions saw; a security once extinguished never outstanding again; and
 * a refused command changed nothing.
 */
class SecurityLifecyclePropertiesTest {

    private static final int DATE_SLOTS = 30;
    private static final int DAYS_PER_SLOT = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StockPlanId PLAN = StockPlanId.of("plan");
    private static final VestingTerms ONE_YEAR = new VestingTerms(VestingTermsId.of("1y"), "All after a year", null,
            AllocationType.CUMULATIVE_ROUNDING, List.of(
            VestingCondition.of("start", Quantity.ZERO, VestingTrigger.vestingStart(), "year"),
            VestingCondition.of("year", VestingPortion.of(1, 1), VestingTrigger.after(
                    VestingPeriod.months(12, 1, VestingDayOfMonth.VESTING_START_DAY_OR_LAST_DAY_OF_MONTH), "start"))));

    sealed interface Step {
        LocalDate date();
    }

    record Issue(int holder, int stockClass, long quantity, LocalDate date) implements Step {
    }

    /** Acts on the {@code pick}-th security known so far (any status), moving {@code part}/4 of it. */
    record Transfer(int pick, int to, int part, LocalDate date) implements Step {
    }

    record Cancel(int pick, int part, LocalDate date) implements Step {
    }

    record Split(int stockClass, int numerator, int denominator, LocalDate date) implements Step {
    }

    /** An option over Common from the plan, vesting in full a year after its grant when {@code vesting}. */
    record Grant(int holder, long quantity, boolean vesting, LocalDate date) implements Step {
    }

    /** Exercises {@code part}/4 of the {@code pick}-th grant known so far (any status). */
    record Exercise(int pick, int part, LocalDate date) implements Step {
    }

    @Property(tries = 300)
    void invariantsHoldAtEveryDateAndRefusalsChangeNothing(@ForAll("histories") List<Step> history) {
        Books books = setUp();
        Set<SecurityId> extinguished = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            Step step = history.get(i);
            String before = JSON.writeValueAsString(books.ledger);
            try {
                CapTableEvent event = decide(books.ledger, step, i);
                books.record(event);
                Statistics.label("outcome").collect(step.getClass().getSimpleName() + " accepted");
            } catch (CapledgerException refusal) {
                Statistics.label("outcome").collect(refusal.code().name());
                assertThat(JSON.writeValueAsString(books.ledger)).as("refused %s changed the ledger", step)
                        .isEqualTo(before);
            }
            for (GrantRecord g : books.ledger.grants()) {
                if (extinguished.contains(g.securityId())) {
                    assertThat(g.isOutstanding()).as("%s reappeared after %s", g.label(), step).isFalse();
                }
                if (!g.isOutstanding()) {
                    extinguished.add(g.securityId());
                }
            }
            for (StockSecurity s : books.ledger.securities()) {
                if (extinguished.contains(s.securityId())) {
                    assertThat(s.isOutstanding()).as("%s reappeared after %s", s.label(), step).isFalse();
                }
                if (!s.isOutstanding()) {
                    extinguished.add(s.securityId());
                }
            }
            assertInvariants(books);
        }
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("Transfer accepted").count(n -> n > 0);
            coverage.check("Cancel accepted").count(n -> n > 0);
            coverage.check("Split accepted").count(n -> n > 0);
            coverage.check("Grant accepted").count(n -> n > 0);
            coverage.check("Exercise accepted").count(n -> n > 0);
            coverage.check("SHARES_NOT_VESTED").count(n -> n > 0);
            coverage.check("PLAN_POOL_EXCEEDED").count(n -> n > 0);
            coverage.check("SECURITY_NOT_OUTSTANDING").count(n -> n > 0);
            coverage.check("CONFLICTS_WITH_LATER_TRANSACTION").count(n -> n > 0);
            coverage.check("AUTHORIZED_SHARES_EXCEEDED").count(n -> n > 0);
        });
    }

    private static void assertInvariants(Books books) {
        Ledger ledger = books.ledger;
        assertThat(books.asOf(TODAY).securities()).as("as-of replay of today")
                .containsExactlyInAnyOrderElementsOf(ledger.securities());
        Set<LocalDate> dates = new TreeSet<>();
        books.events.forEach(e -> dates.add(e.appliesFrom()));
        for (LocalDate date : dates) {
            Ledger past = books.asOf(date);
            CapTableView view = past.capTable(date);
            for (StockPlanRecord plan : past.stockPlans()) {
                CapTableCalculator.PlanFigures figures = past.planFigures(plan.stockPlanId());
                assertThat(figures.grantsOutstanding().value().add(figures.sharesAvailable().value()))
                        .as("pool of %s on %s", plan.planName(), date)
                        .isLessThanOrEqualTo(figures.sharesReserved().value());
            }
            assertThat(view.totals().fullyDiluted().value()).as("fully diluted on %s", date).isEqualByComparingTo(
                    view.totals().sharesOutstanding().value().add(view.totals().grantsOutstanding().value())
                            .add(view.totals().sharesAvailableForGrant().value()));
            for (StockClassRecord c : past.stockClasses()) {
                Quantity outstanding = past.sharesOutstanding(c.stockClassId());
                assertThat(outstanding).as("%s on %s", c.name(), date)
                        .isLessThanOrEqualTo(past.sharesAuthorized(c.stockClassId()));
                BigDecimal held = BigDecimal.ZERO;
                for (CapTableView.HolderRow holder : view.holders()) {
                    for (CapTableView.PositionRow p : holder.positions()) {
                        assertThat(p.shares().isPositive()).as("empty position on %s", date).isTrue();
                        if (p.stockClassId().equals(c.stockClassId())) {
                            held = held.add(p.shares().value());
                        }
                    }
                }
                assertThat(held).as("holders of %s on %s", c.name(), date).isEqualByComparingTo(outstanding.value());
                BigDecimal bySecurities = past.securities().stream()
                        .filter(s -> s.stockClassId().equals(c.stockClassId()) && s.outstandingOn(date))
                        .map(s -> s.quantity().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(bySecurities).as("securities of %s outstanding on %s", c.name(), date)
                        .isEqualByComparingTo(outstanding.value());
            }
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(1, DATE_SLOTS - 1)
                .map(slot -> FORMED.plusDays((long) slot * DAYS_PER_SLOT));
        Arbitrary<Step> issue = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1), Arbitraries.longs().between(1, 40).map(q -> q * 4), dates)
                .as(Issue::new);
        Arbitrary<Step> transfer = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 4), dates).as(Transfer::new);
        Arbitrary<Step> cancel = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(1, 4), dates).as(Cancel::new);
        Arbitrary<Step> split = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.of(2, 3, 1), Arbitraries.of(1, 1, 2), dates).as(Split::new);
        Arbitrary<Step> grant = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(1, 30).map(q -> q * 4), Arbitraries.of(true, false), dates).as(Grant::new);
        Arbitrary<Step> exercise = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(1, 4), dates).as(Exercise::new);
        return Arbitraries.frequencyOf(Tuple.of(5, issue), Tuple.of(4, transfer), Tuple.of(3, cancel),
                Tuple.of(1, split), Tuple.of(3, grant), Tuple.of(3, exercise)).list().ofMinSize(1).ofMaxSize(25);
    }

    // ---------------------------------------------------------------- the system under test

    /** Holders h0..h2 and classes c0 (Common, 800 authorized) and c1 (Preferred, 400), all from formation. */
    private static Books setUp() {
        Books books = new Books();
        Ledger ledger = books.ledger;
        books.record(ledger.createIssuer(Books.createIssuer(null), TODAY));
        for (int h = 0; h < 3; h++) {
            books.record(ledger.registerStakeholder(Books.register("h" + h, "Holder " + h, FORMED, null), TODAY));
        }
        books.record(ledger.createStockClass(Books.createClass("c0", "Common", "CS-", FORMED, "800", false), TODAY));
        books.record(ledger.createStockClass(Books.createClass("c1", "Preferred", "PS-", FORMED, "400", false),
                TODAY));
        books.record(ledger.createStockPlan(new CreateStockPlan(ISSUER, PLAN, FORMED, "Plan", null, null,
                Quantity.of(300), CancellationBehavior.RETURN_TO_POOL, List.of(StockClassId.of("c0"))), TODAY));
        return books;
    }

    private static CapTableEvent decide(Ledger ledger, Step step, int index) {
        List<StockSecurity> known = new ArrayList<>(ledger.securities());
        if (step instanceof Issue s) {
            return ledger.issueStock(Books.issue("s" + index, "h" + s.holder(), "c" + s.stockClass(), s.date(),
                    String.valueOf(s.quantity())), TODAY);
        }
        if (step instanceof Split s) {
            return ledger.splitStockClass(new SplitStockClass(ISSUER, StockClassId.of("c" + s.stockClass()), s.date(),
                    Ratio.of(s.numerator(), s.denominator()), null, null, null), TODAY);
        }
        if (step instanceof Grant g) {
            return ledger.issueEquityCompensation(new IssueEquityCompensation(ISSUER, SecurityId.of("g" + index),
                    g.date(), StakeholderId.of("h" + g.holder()), PLAN, StockClassId.of("c0"),
                    CompensationType.OPTION_NSO, Quantity.of(g.quantity()), Money.of("1", "USD"), null, false,
                    g.vesting() ? ONE_YEAR : null, g.vesting() ? g.date() : null, g.date().plusYears(5), List.of(),
                    null, null), TODAY);
        }
        if (step instanceof Exercise x) {
            List<GrantRecord> grants = new ArrayList<>(ledger.grants());
            if (grants.isEmpty()) {
                throw new CapledgerException(org.capledger.api.ErrorCode.UNKNOWN_SECURITY, "no grants yet");
            }
            GrantRecord g = grants.get(x.pick() % grants.size());
            return ledger.exerciseEquityCompensation(new ExerciseEquityCompensation(ISSUER, g.securityId(), x.date(),
                    part(g.quantity(), x.part()), null, SecurityId.of("x" + index), SecurityId.of("xb" + index)),
                    TODAY);
        }
        if (known.isEmpty()) {
            throw new CapledgerException(org.capledger.api.ErrorCode.UNKNOWN_SECURITY, "no securities yet");
        }
        if (step instanceof Transfer t) {
            StockSecurity source = known.get(t.pick() % known.size());
            Quantity part = part(source.quantity(), t.part());
            return ledger.transferStock(new TransferStock(ISSUER, source.securityId(), t.date(),
                    List.of(new Transferee(StakeholderId.of("h" + t.to()), part, SecurityId.of("t" + index))), null,
                    SecurityId.of("b" + index)), TODAY);
        }
        Cancel c = (Cancel) step;
        StockSecurity source = known.get(c.pick() % known.size());
        return ledger.cancelStock(new CancelStock(ISSUER, source.securityId(), c.date(),
                part(source.quantity(), c.part()), "Random", SecurityId.of("b" + index)), TODAY);
    }

    /** {@code quarters}/4 of a quantity, at least one share. */
    private static Quantity part(Quantity whole, int quarters) {
        BigDecimal value = whole.value().multiply(BigDecimal.valueOf(quarters))
                .divide(BigDecimal.valueOf(4), 0, java.math.RoundingMode.DOWN);
        return new Quantity(value.max(BigDecimal.ONE));
    }
}
