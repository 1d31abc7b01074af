package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;
import static org.capledger.ledger.Books.createClass;
import static org.capledger.ledger.Books.createIssuer;
import static org.capledger.ledger.Books.register;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.equity.AccelerateVesting;
import org.capledger.api.equity.CancelEquityCompensation;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationCancelled;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.RecordVestingEvent;
import org.capledger.api.equity.ReleaseEquityCompensation;
import org.capledger.api.equity.RetractEquityCompensation;
import org.capledger.api.equity.StartVesting;
import org.capledger.api.plan.AdjustStockPlanPool;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.plan.ReturnToPool;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Stock plans and equity compensation on the Ledger: grants draw on the pool, vest by OCF terms, are exercised
 * (vested shares only, never after expiry) into stock, released (RSUs), cancelled with the plan's cancellation
 * behaviour, retracted; and the fully diluted cap table counts outstanding grants and the available pool.
 */
class EquityCompensationTest {

    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockPlanId PLAN = StockPlanId.of("plan");
    private static final LocalDate GRANTED = LocalDate.of(2021, 1, 15);
    private static final LocalDate EXPIRES = LocalDate.of(2031, 1, 14);
    private static final Money STRIKE = Money.of("0.50", "USD");
    private static final VestingDayOfMonth START_DAY = VestingDayOfMonth.VESTING_START_DAY_OR_LAST_DAY_OF_MONTH;

    /** Four years, monthly, one-year cliff: 12/48 after a year, 1/48 a month for 36 months. */
    private static final VestingTerms FOUR_YEARS = new VestingTerms(VestingTermsId.of("4y1c"), "4 years, 1 year cliff",
            null, AllocationType.CUMULATIVE_ROUNDING, Arrays.asList(
            VestingCondition.of("start", Quantity.ZERO, VestingTrigger.vestingStart(), "cliff"),
            VestingCondition.of("cliff", VestingPortion.of(12, 48),
                    VestingTrigger.after(VestingPeriod.months(12, 1, START_DAY), "start"), "monthly"),
            VestingCondition.of("monthly", VestingPortion.of(1, 48),
                    VestingTrigger.after(VestingPeriod.months(1, 36, START_DAY), "cliff"))));

    /** 25% on an acquisition, nothing otherwise. */
    private static final VestingTerms ON_ACQUISITION = new VestingTerms(VestingTermsId.of("acq"), "On acquisition",
            null, AllocationType.CUMULATIVE_ROUNDING, List.of(
            VestingCondition.of("acquisition", VestingPortion.of(1, 4), VestingTrigger.event())));

    private Books books;
    private Ledger ledger;

    @BeforeEach
    void setUp() {
        books = new Books();
        ledger = books.ledger;
        books.record(ledger.createIssuer(createIssuer(null), TODAY));
        books.record(ledger.registerStakeholder(register("ana", "Ana Alves", FORMED, null), TODAY));
        books.record(ledger.registerStakeholder(register("ben", "Ben Brook", FORMED, null), TODAY));
        books.record(ledger.createStockClass(createClass("common", "Common", "CS-", FORMED, "100000", false), TODAY));
        books.record(ledger.issueStock(Books.issue("cs1", "ana", "common", FORMED, "10000"), TODAY));
        plan(CancellationBehavior.RETURN_TO_POOL, 10_000);
    }

    private void plan(CancellationBehavior behavior, long reserved) {
        books.record(ledger.createStockPlan(new CreateStockPlan(ISSUER, PLAN, FORMED, "2020 Equity Incentive Plan",
                FORMED, null, Quantity.of(reserved), behavior, List.of(COMMON)), TODAY));
    }

    private static IssueEquityCompensation option(String id, long quantity, VestingTerms terms, LocalDate start) {
        return new IssueEquityCompensation(ISSUER, SecurityId.of(id), GRANTED, StakeholderId.of("ben"), PLAN, COMMON,
                CompensationType.OPTION_ISO, Quantity.of(quantity), STRIKE, null, false, terms, start, EXPIRES,
                List.of(), GRANTED, null);
    }

    private EquityCompensationIssued grant(String id, long quantity) {
        return books.record(ledger.issueEquityCompensation(option(id, quantity, FOUR_YEARS, GRANTED), TODAY));
    }

    private ExerciseEquityCompensation exercise(String id, LocalDate date, long quantity) {
        return new ExerciseEquityCompensation(ISSUER, SecurityId.of(id), date, Quantity.of(quantity), "Cash",
                SecurityId.of(id + "-stock"), SecurityId.of(id + "-balance"));
    }

    private GrantRecord grantRecord(String id) {
        return ledger.findGrant(SecurityId.of(id)).orElseThrow();
    }

    private static CapledgerException refused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CapledgerException.class);
        CapledgerException refusal = (CapledgerException) thrown;
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
        return refusal;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class Grants {

        @Test
        void aGrantDrawsOnThePoolAndIsLabelledByKind() {
            EquityCompensationIssued e = grant("opt1", 4800);

            assertThat(e.securityLabel()).isEqualTo("OPT-1");
            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(5200));
            assertThat(ledger.planFigures(PLAN).grantsOutstanding()).isEqualTo(Quantity.of(4800));
        }

        @Test
        void grantsCannotExceedThePoolAtTheirDateOrLater() {
            grant("opt1", 8000);
            CapledgerException refusal = refused(() -> ledger.issueEquityCompensation(option("opt2", 2001,
                    FOUR_YEARS, GRANTED), TODAY), ErrorCode.PLAN_POOL_EXCEEDED);
            assertThat(refusal.properties()).containsEntry("sharesAuthorized", "10000");
        }

        @Test
        void thePoolCannotShrinkBelowWhatWasGranted() {
            grant("opt1", 8000);
            refused(() -> ledger.adjustStockPlanPool(new AdjustStockPlanPool(ISSUER, PLAN, date("2022-01-01"),
                    Quantity.of(7999), null, null, null), TODAY), ErrorCode.PLAN_POOL_BELOW_GRANTED);
            books.record(ledger.adjustStockPlanPool(new AdjustStockPlanPool(ISSUER, PLAN, date("2022-01-01"),
                    Quantity.of(12_000), null, null, "Pool increase"), TODAY));
            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(4000));
        }

        @Test
        void optionsNeedAnExercisePriceAndTheirPlansClass() {
            refused(() -> ledger.issueEquityCompensation(new IssueEquityCompensation(ISSUER, SecurityId.of("x"),
                    GRANTED, StakeholderId.of("ben"), PLAN, COMMON, CompensationType.OPTION_NSO, Quantity.of(10), null,
                    null, false, null, null, EXPIRES, List.of(), null, null), TODAY), ErrorCode.INVALID_VALUE);
            books.record(ledger.createStockClass(createClass("other", "Other", "OT-", FORMED, "100", false), TODAY));
            refused(() -> ledger.issueEquityCompensation(new IssueEquityCompensation(ISSUER, SecurityId.of("x"),
                    GRANTED, StakeholderId.of("ben"), PLAN, StockClassId.of("other"), CompensationType.OPTION_NSO,
                    Quantity.of(10), STRIKE, null, false, null, null, EXPIRES, List.of(), null, null), TODAY),
                    ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class VestingAndExercise {

        @Test
        void monthlyVestingWithACliff() {
            grant("opt1", 4800);
            GrantRecord g = grantRecord("opt1");

            assertThat(g.vested(date("2022-01-14"))).isEqualTo(Quantity.ZERO);
            assertThat(g.vested(date("2022-01-15"))).isEqualTo(Quantity.of(1200));
            assertThat(g.vested(date("2022-02-15"))).isEqualTo(Quantity.of(1300));
            assertThat(g.vested(date("2025-01-15"))).isEqualTo(Quantity.of(4800));
        }

        @Test
        void exercisingVestedSharesIssuesStockAndLeavesABalanceThatKeepsVesting() {
            grant("opt1", 4800);

            EquityCompensationExercised e = books.record(ledger.exerciseEquityCompensation(
                    exercise("opt1", date("2022-03-01"), 1000), TODAY));

            assertThat(e.resultingStock()).singleElement().satisfies(r -> {
                assertThat(r.securityLabel()).isEqualTo("CS-2");
                assertThat(r.quantity()).isEqualTo(Quantity.of(1000));
            });
            assertThat(e.balance().securityLabel()).isEqualTo("OPT-2");
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(11_000));
            GrantRecord balance = grantRecord("opt1-balance");
            assertThat(balance.quantity()).isEqualTo(Quantity.of(3800));
            // 1,300 vested by 2022-02-15, 1,000 of them exercised
            assertThat(balance.vested(date("2022-03-01"))).isEqualTo(Quantity.of(300));
            assertThat(balance.vested(date("2025-01-15"))).isEqualTo(Quantity.of(3800));
            assertThat(grantRecord("opt1").status()).isEqualTo("EXERCISED");
            // exercised shares stay counted against the pool
            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(5200));
            assertThat(books.asOf(TODAY).grants()).containsExactlyInAnyOrderElementsOf(ledger.grants());
        }

        @Test
        void unvestedSharesCannotBeExercisedUnlessEarlyExercisable() {
            grant("opt1", 4800);
            CapledgerException refusal = refused(() -> ledger.exerciseEquityCompensation(
                    exercise("opt1", date("2022-01-14"), 1), TODAY), ErrorCode.SHARES_NOT_VESTED);
            assertThat(refusal.properties()).containsEntry("vested", "0");
        }

        @Test
        void anExpiredOptionCannotBeExercised() {
            books.record(ledger.issueEquityCompensation(new IssueEquityCompensation(ISSUER, SecurityId.of("opt1"),
                    GRANTED, StakeholderId.of("ben"), PLAN, COMMON, CompensationType.OPTION_NSO, Quantity.of(100),
                    STRIKE, null, false, null, null, date("2022-01-14"), List.of(), null, null), TODAY));
            refused(() -> ledger.exerciseEquityCompensation(exercise("opt1", date("2022-01-15"), 100), TODAY),
                    ErrorCode.SECURITY_EXPIRED);
        }

        @Test
        void vestingThatHasNotStartedVestsNothingUntilItsStartIsRecorded() {
            books.record(ledger.issueEquityCompensation(option("opt1", 4800, FOUR_YEARS, null), TODAY));
            assertThat(grantRecord("opt1").vested(TODAY)).isEqualTo(Quantity.ZERO);

            books.record(ledger.startVesting(new StartVesting(ISSUER, SecurityId.of("opt1"), date("2021-06-01"),
                    "start"), TODAY).orElseThrow());

            assertThat(grantRecord("opt1").vested(date("2022-06-01"))).isEqualTo(Quantity.of(1200));
        }

        @Test
        void eventDrivenVestingAndAcceleration() {
            books.record(ledger.issueEquityCompensation(option("opt1", 1000, ON_ACQUISITION, null), TODAY));
            books.record(ledger.recordVestingEvent(new RecordVestingEvent(ISSUER, SecurityId.of("opt1"),
                    date("2023-05-01"), "acquisition"), TODAY).orElseThrow());
            books.record(ledger.accelerateVesting(new AccelerateVesting(ISSUER, SecurityId.of("opt1"),
                    date("2023-06-01"), Quantity.of(100), "Double trigger"), TODAY));

            assertThat(grantRecord("opt1").vested(date("2023-04-30"))).isEqualTo(Quantity.ZERO);
            assertThat(grantRecord("opt1").vested(date("2023-05-01"))).isEqualTo(Quantity.of(250));
            assertThat(grantRecord("opt1").vested(date("2023-06-01"))).isEqualTo(Quantity.of(350));
            refused(() -> ledger.exerciseEquityCompensation(exercise("opt1", date("2023-05-15"), 100), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }

        @Test
        void rsusAreReleasedNotExercised() {
            books.record(ledger.issueEquityCompensation(new IssueEquityCompensation(ISSUER, SecurityId.of("rsu1"),
                    GRANTED, StakeholderId.of("ben"), PLAN, COMMON, CompensationType.RSU, Quantity.of(400), null,
                    null, false, FOUR_YEARS, GRANTED, EXPIRES, List.of(), null, null), TODAY));
            refused(() -> ledger.exerciseEquityCompensation(exercise("rsu1", TODAY, 1), TODAY),
                    ErrorCode.INVALID_VALUE);

            books.record(ledger.releaseEquityCompensation(new ReleaseEquityCompensation(ISSUER,
                    SecurityId.of("rsu1"), date("2022-01-15"), Quantity.of(100), null, null, SecurityId.of("s"),
                    SecurityId.of("rsu2")), TODAY));

            assertThat(grantRecord("rsu1").status()).isEqualTo("RELEASED");
            assertThat(grantRecord("rsu2").label()).isEqualTo("RSU-2");
            assertThat(ledger.findSecurity(SecurityId.of("s")).orElseThrow().origin()).isEqualTo("RELEASE");
        }
    }

    @Nested
    class Cancellations {

        private EquityCompensationCancelled forfeit(String id, LocalDate date, long quantity, String balance) {
            return books.record(ledger.cancelEquityCompensation(new CancelEquityCompensation(ISSUER,
                    SecurityId.of(id), date, Quantity.of(quantity), "Left the company",
                    balance == null ? null : SecurityId.of(balance)), TODAY));
        }

        @Test
        void forfeitingTheUnvestedPartReturnsItToThePoolAndLeavesTheVestedPart() {
            grant("opt1", 4800);

            // 1,700 vested by 2022-06-15: 1,200 at the cliff and 100 a month for February to June
            EquityCompensationCancelled e = forfeit("opt1", date("2022-06-15"), 3100, "opt1-vested");

            assertThat(e.returnedToPool()).isEqualTo(Quantity.of(3100));
            GrantRecord left = grantRecord("opt1-vested");
            assertThat(left.quantity()).isEqualTo(Quantity.of(1700));
            assertThat(left.vested(date("2022-06-15"))).isEqualTo(Quantity.of(1700));
            assertThat(left.unvested(date("2030-01-01"))).isEqualTo(Quantity.ZERO);
            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(8300));
        }

        @Test
        void retiredSharesLeaveThePoolForGood() {
            setUpWith(CancellationBehavior.RETIRE);
            grant("opt1", 4800);

            forfeit("opt1", date("2021-06-01"), 4800, null);

            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(5200));
            refused(() -> ledger.returnToPool(new ReturnToPool(ISSUER, SecurityId.of("opt1"), TODAY, Quantity.of(1),
                    null), TODAY), ErrorCode.QUANTITY_EXCEEDS_SECURITY);
        }

        @Test
        void heldSharesReturnOnlyByAReturnToPool() {
            setUpWith(CancellationBehavior.HOLD_AS_CAPITAL_STOCK);
            grant("opt1", 4800);
            forfeit("opt1", date("2021-06-01"), 4800, null);
            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(5200));

            books.record(ledger.returnToPool(new ReturnToPool(ISSUER, SecurityId.of("opt1"), date("2021-07-01"),
                    Quantity.of(4000), "Board consent"), TODAY));

            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(9200));
            refused(() -> ledger.returnToPool(new ReturnToPool(ISSUER, SecurityId.of("opt1"), date("2021-07-01"),
                    Quantity.of(801), null), TODAY), ErrorCode.QUANTITY_EXCEEDS_SECURITY);
        }

        @Test
        void aRetractedGrantIsVoidFromItsGrantDate() {
            grant("opt1", 4800);

            books.record(ledger.retractEquityCompensation(new RetractEquityCompensation(ISSUER, SecurityId.of("opt1"),
                    date("2023-01-01"), "Granted in error"), TODAY));

            assertThat(books.asOf(date("2022-01-01")).capTable(date("2022-01-01")).totals().grantsOutstanding())
                    .isEqualTo(Quantity.ZERO);
            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(10_000));
        }

        private void setUpWith(CancellationBehavior behavior) {
            books = new Books();
            ledger = books.ledger;
            books.record(ledger.createIssuer(createIssuer(null), TODAY));
            books.record(ledger.registerStakeholder(register("ben", "Ben Brook", FORMED, null), TODAY));
            books.record(ledger.createStockClass(createClass("common", "Common", "CS-", FORMED, "100000", false),
                    TODAY));
            plan(behavior, 10_000);
        }
    }

    @Nested
    class FullyDiluted {

        @Test
        void countsOutstandingStockGrantsAndTheAvailablePool() {
            grant("opt1", 4800);
            books.record(ledger.exerciseEquityCompensation(exercise("opt1", date("2022-03-01"), 1000), TODAY));

            CapTableView table = ledger.capTable(TODAY);

            assertThat(table.totals().sharesOutstanding()).isEqualTo(Quantity.of(11_000));
            assertThat(table.totals().grantsOutstanding()).isEqualTo(Quantity.of(3800));
            assertThat(table.totals().sharesAvailableForGrant()).isEqualTo(Quantity.of(5200));
            assertThat(table.totals().fullyDiluted()).isEqualTo(Quantity.of(20_000));
            CapTableView.HolderRow ben = table.holders().stream()
                    .filter(h -> h.name().equals("Ben Brook")).findFirst().orElseThrow();
            assertThat(ben.sharesOutstanding()).isEqualTo(Quantity.of(1000));
            assertThat(ben.grantsOutstanding()).isEqualTo(Quantity.of(3800));
            assertThat(ben.fullyDiluted()).isEqualTo(Quantity.of(4800));
            assertThat(ben.percentFullyDiluted().toString()).isEqualTo("24.0000");
            assertThat(table.stockPlans()).singleElement().satisfies(p ->
                    assertThat(p.sharesAvailable()).isEqualTo(Quantity.of(5200)));

            CapTableView before = books.asOf(date("2021-12-31")).capTable(date("2021-12-31"));
            assertThat(before.totals().fullyDiluted()).isEqualTo(Quantity.of(20_000));
            assertThat(before.totals().grantsOutstanding()).isEqualTo(Quantity.of(4800));
        }
    }

    @Nested
    class Splits {

        @Test
        void aSplitAdjustsGrantsTheirVestingAndThePool() {
            grant("opt1", 4800);
            books.record(ledger.exerciseEquityCompensation(exercise("opt1", date("2022-03-01"), 1000), TODAY));

            books.record(ledger.splitStockClass(new org.capledger.api.stock.SplitStockClass(ISSUER, COMMON,
                    date("2022-06-01"), org.capledger.api.value.Ratio.of(2, 1), null, null, null), TODAY));

            GrantRecord balance = grantRecord("opt1-balance");
            assertThat(balance.quantity()).isEqualTo(Quantity.of(7600));
            assertThat(balance.exercisePrice()).isEqualTo(Money.of("0.25", "USD"));
            // by 2022-06-01 the chain vested 16/48: 1,600 before the split, 1,000 of them exercised; doubled
            assertThat(balance.vested(date("2022-06-01"))).isEqualTo(Quantity.of(1200));
            assertThat(balance.vested(date("2025-01-15"))).isEqualTo(Quantity.of(7600));
            // pool 10,000 -> 20,000; given out: 3,800 -> 7,600 under the grant, 1,000 exercised -> 2,000
            assertThat(ledger.planFigures(PLAN).sharesReserved()).isEqualTo(Quantity.of(20_000));
            assertThat(ledger.planFigures(PLAN).sharesAvailable()).isEqualTo(Quantity.of(10_400));
            CapTableView table = ledger.capTable(TODAY);
            assertThat(table.totals().fullyDiluted()).isEqualTo(Quantity.of(40_000));
            assertThat(books.asOf(TODAY).grants()).containsExactlyInAnyOrderElementsOf(ledger.grants());
        }

        @Test
        void grantsOfTheClassCannotPredateItsSplitNorBeActedOnAfterABackDatedOne() {
            grant("opt1", 4800);
            books.record(ledger.exerciseEquityCompensation(exercise("opt1", date("2022-03-01"), 1000), TODAY));
            CapledgerException refusal = refused(() -> ledger.splitStockClass(new org.capledger.api.stock
                    .SplitStockClass(ISSUER, COMMON, date("2022-01-01"), org.capledger.api.value.Ratio.of(2, 1), null,
                    null, null), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            assertThat(refusal.properties()).containsEntry("conflictDate", "2022-03-01");

            books.record(ledger.splitStockClass(new org.capledger.api.stock.SplitStockClass(ISSUER, COMMON,
                    date("2022-06-01"), org.capledger.api.value.Ratio.of(2, 1), null, null, null), TODAY));
            refused(() -> ledger.issueEquityCompensation(option("opt9", 10, null, null), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }
    }
}
