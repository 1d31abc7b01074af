package org.capledger.ledger.vesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.capledger.ledger.vesting.Vesting.START_DAY;
import static org.capledger.ledger.vesting.Vesting.acceleration;
import static org.capledger.ledger.vesting.Vesting.amounts;
import static org.capledger.ledger.vesting.Vesting.date;
import static org.capledger.ledger.vesting.Vesting.equalTranches;
import static org.capledger.ledger.vesting.Vesting.event;
import static org.capledger.ledger.vesting.Vesting.fourYearsMonthlyOneYearCliff;
import static org.capledger.ledger.vesting.Vesting.lines;
import static org.capledger.ledger.vesting.Vesting.schedule;
import static org.capledger.ledger.vesting.Vesting.start;
import static org.capledger.ledger.vesting.Vesting.terms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Quantity;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.VestingCondition;
import org.capledger.api.vesting.VestingDayOfMonth;
import org.capledger.api.vesting.VestingPeriod;
import org.capledger.api.vesting.VestingPortion;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VestingScheduleTest {

    private static VestingSchedule compute(VestingTerms terms, long quantity, String start,
                                           List<VestingEventOccurrence> events,
                                           List<VestingAcceleration> accelerations) {
        return VestingSchedule.compute(terms, Quantity.of(quantity), date(start), events, accelerations);
    }

    private static List<String> dates(VestingSchedule s) {
        return s.tranches().stream().map(t -> t.date().toString()).toList();
    }

    // ---------------------------------------------------------------- four years monthly, one-year cliff

    @Nested
    class FourYearsMonthlyWithAOneYearCliff {

        private final VestingSchedule s = schedule(fourYearsMonthlyOneYearCliff(AllocationType.CUMULATIVE_ROUNDING),
                4800, "2020-01-15");

        @Test
        void nothingVestsBeforeTheCliff() {
            assertThat(s.vested(date("2020-01-15"))).isEqualTo(Quantity.ZERO);
            assertThat(s.vested(date("2021-01-14"))).isEqualTo(Quantity.ZERO);
            assertThat(s.unvested(date("2021-01-14"))).isEqualTo(Quantity.of(4800));
        }

        @Test
        void aQuarterVestsOnTheCliff() {
            assertThat(s.vested(date("2021-01-15"))).isEqualTo(Quantity.of(1200));
            assertThat(s.vested(date("2021-02-14"))).isEqualTo(Quantity.of(1200));
        }

        @Test
        void then100SharesVestOnThe15thOfEachMonth() {
            LocalDate day = date("2021-01-15");
            for (int month = 1; month <= 36; month++) {
                assertThat(s.vested(day.plusMonths(month).minusDays(1))).isEqualTo(Quantity.of(1100 + 100L * month));
                assertThat(s.vested(day.plusMonths(month))).isEqualTo(Quantity.of(1200 + 100L * month));
            }
            assertThat(lines(s)).hasSize(37).element(1).isEqualTo("2021-02-15 100 monthly");
        }

        @Test
        void allSharesHaveVestedOn15January2024() {
            assertThat(s.vested(date("2024-01-14"))).isEqualTo(Quantity.of(4700));
            assertThat(s.vested(date("2024-01-15"))).isEqualTo(Quantity.of(4800));
            assertThat(s.unvested(date("2024-01-15"))).isEqualTo(Quantity.ZERO);
            assertThat(s.vested(date("2099-12-31"))).isEqualTo(Quantity.of(4800));
            assertThat(s.fullyVestedOn()).hasValue(date("2024-01-15"));
        }

        @Test
        void theRouteListsEachConditionMet() {
            assertThat(s.route()).containsExactly(
                    new ConditionMet("start", date("2020-01-15"), date("2020-01-15")),
                    new ConditionMet("cliff", date("2021-01-15"), date("2021-01-15")),
                    new ConditionMet("monthly", date("2021-02-15"), date("2024-01-15")));
        }

        @Test
        void writtenAsOneMonthlyConditionWithACliffInstallmentItVestsTheSame() {
            VestingTerms asCliffInstallment = terms(AllocationType.CUMULATIVE_ROUNDING,
                    start("monthly"),
                    VestingCondition.of("monthly", VestingPortion.of(1, 48), VestingTrigger.after(
                            VestingPeriod.months(1, 48, START_DAY).withCliffInstallment(12), "start")));

            VestingSchedule same = schedule(asCliffInstallment, 4800, "2020-01-15");

            assertThat(same.tranches()).extracting(VestingTranche::date, VestingTranche::quantity)
                    .containsExactlyElementsOf(s.tranches().stream()
                            .map(t -> Tuple.tuple(t.date(), t.quantity())).toList());
        }

        @Test
        void withoutAVestingStartNothingVests() {
            VestingSchedule notStarted = schedule(fourYearsMonthlyOneYearCliff(AllocationType.CUMULATIVE_ROUNDING),
                    4800, null);

            assertThat(notStarted.tranches()).isEmpty();
            assertThat(notStarted.route()).isEmpty();
            assertThat(notStarted.vested(date("2099-01-01"))).isEqualTo(Quantity.ZERO);
            assertThat(notStarted.fullyVestedOn()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- allocation types

    /** 1,000 shares in 36 monthly tranches: 27.777... each, 28 shares left over after 36 x 27. */
    @Nested
    class AllocationTypesOnAnUnevenSplit {

        private List<String> thousandOver36Months(AllocationType type) {
            return amounts(schedule(equalTranches(type, VestingPeriod.months(1, 36, START_DAY)), 1000, "2024-01-10"));
        }

        private List<String> repeat(int times, String amount) {
            return Collections.nCopies(times, amount);
        }

        @Test
        void cumulativeRoundingVestsTheExactAmountSoFarRoundedHalfUp() {
            List<String> amounts = thousandOver36Months(AllocationType.CUMULATIVE_ROUNDING);

            assertThat(amounts).startsWith("28", "28", "27", "28", "28", "28", "27");
            assertVestedSoFar(amounts, RoundingMode.HALF_UP);
        }

        @Test
        void cumulativeRoundDownVestsTheExactAmountSoFarRoundedDown() {
            List<String> amounts = thousandOver36Months(AllocationType.CUMULATIVE_ROUND_DOWN);

            assertThat(amounts).startsWith("27", "28", "28", "28", "27", "28", "28");
            assertVestedSoFar(amounts, RoundingMode.FLOOR);
        }

        private void assertVestedSoFar(List<String> amounts, RoundingMode mode) {
            BigDecimal vested = BigDecimal.ZERO;
            for (int k = 1; k <= 36; k++) {
                vested = vested.add(new BigDecimal(amounts.get(k - 1)));
                BigDecimal exact = BigDecimal.valueOf(1000L * k).divide(BigDecimal.valueOf(36), 0, mode);
                assertThat(vested).as("after tranche %d", k).isEqualByComparingTo(exact);
            }
        }

        @Test
        void frontLoadedGivesTheFirst28TranchesOneShareMore() {
            assertThat(thousandOver36Months(AllocationType.FRONT_LOADED))
                    .isEqualTo(concat(repeat(28, "28"), repeat(8, "27")));
        }

        @Test
        void backLoadedGivesTheLast28TranchesOneShareMore() {
            assertThat(thousandOver36Months(AllocationType.BACK_LOADED))
                    .isEqualTo(concat(repeat(8, "27"), repeat(28, "28")));
        }

        @Test
        void frontLoadedToSingleTrancheGivesAll28LeftoverSharesToTheFirst() {
            assertThat(thousandOver36Months(AllocationType.FRONT_LOADED_TO_SINGLE_TRANCHE))
                    .isEqualTo(concat(List.of("55"), repeat(35, "27")));
        }

        @Test
        void backLoadedToSingleTrancheGivesAll28LeftoverSharesToTheLast() {
            assertThat(thousandOver36Months(AllocationType.BACK_LOADED_TO_SINGLE_TRANCHE))
                    .isEqualTo(concat(repeat(35, "27"), List.of("55")));
        }

        @Test
        void fractionalVestsExactAmountsToTenDecimalPlacesThatAddUpExactly() {
            List<String> amounts = thousandOver36Months(AllocationType.FRACTIONAL);

            assertThat(amounts).startsWith("27.7777777778", "27.7777777778", "27.7777777777");
            assertThat(amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("1000");
        }

        @ParameterizedTest
        @EnumSource(AllocationType.class)
        void everyTypeVestsAll1000SharesOnTheLastTranche(AllocationType type) {
            VestingSchedule s = schedule(equalTranches(type, VestingPeriod.months(1, 36, START_DAY)), 1000,
                    "2024-01-10");

            assertThat(s.tranches()).hasSize(36);
            assertThat(s.fullyVestedOn()).hasValue(date("2027-01-10"));
            assertThat(s.vested(date("2027-01-09"))).isNotEqualTo(Quantity.of(1000));
        }

        @Test
        void withACliffTheLoadedTypesRoundEachConditionSeparately() {
            // 1,000 shares: the cliff (12/48) is 250 exactly; the 36 months share 750, 20.83 each, 30 left over.
            List<String> amounts = amounts(schedule(fourYearsMonthlyOneYearCliff(AllocationType.FRONT_LOADED), 1000,
                    "2020-01-15"));

            assertThat(amounts).isEqualTo(concat(List.of("250"), repeat(30, "21"), repeat(6, "20")));
        }

        @Test
        void aWholeShareAllocationVestsTheFractionOfAFractionalQuantityWithTheLastTranche() {
            VestingSchedule s = VestingSchedule.compute(equalTranches(AllocationType.CUMULATIVE_ROUND_DOWN,
                    VestingPeriod.months(3, 4, START_DAY)), Quantity.of("1000.5"), date("2024-01-01"), List.of(),
                    List.of());

            assertThat(amounts(s)).containsExactly("250", "250", "250", "250.5");
        }

        @Test
        void fractionalThirdsAddUpExactly() {
            VestingSchedule s = schedule(equalTranches(AllocationType.FRACTIONAL, VestingPeriod.months(1, 3,
                    START_DAY)), 1000, "2024-01-01");

            assertThat(amounts(s)).containsExactly("333.3333333333", "333.3333333334", "333.3333333333");
        }

        @SafeVarargs
        private List<String> concat(List<String>... parts) {
            return Stream.of(parts).flatMap(List::stream).toList();
        }
    }

    // ---------------------------------------------------------------- day of month

    @Nested
    class DayOfMonth {

        private List<String> monthly(VestingDayOfMonth day, String start, int months) {
            return dates(schedule(equalTranches(AllocationType.FRACTIONAL, VestingPeriod.months(1, months, day)),
                    months, start));
        }

        @Test
        void aStartOnJanuary31VestsOnTheLastDayOfShorterMonthsAndReturnsToThe31st() {
            assertThat(monthly(START_DAY, "2021-01-31", 5))
                    .containsExactly("2021-02-28", "2021-03-31", "2021-04-30", "2021-05-31", "2021-06-30");
            assertThat(monthly(START_DAY, "2024-01-31", 2)).containsExactly("2024-02-29", "2024-03-31");
        }

        @Test
        void aStartOnFebruary29VestsOnThe29thOfEachMonth() {
            assertThat(monthly(START_DAY, "2020-02-29", 3)).containsExactly("2020-03-29", "2020-04-29", "2020-05-29");
        }

        @Test
        void yearlyFromFebruary29VestsOnFebruary28ExceptInLeapYears() {
            List<String> yearly = dates(schedule(equalTranches(AllocationType.FRACTIONAL,
                    VestingPeriod.months(12, 4, START_DAY)), 4, "2020-02-29"));

            assertThat(yearly).containsExactly("2021-02-28", "2022-02-28", "2023-02-28", "2024-02-29");
        }

        @Test
        void day29OrLastDayOfMonthIgnoresTheStartDay() {
            assertThat(monthly(VestingDayOfMonth.DAY_29_OR_LAST_DAY_OF_MONTH, "2021-01-10", 3))
                    .containsExactly("2021-02-28", "2021-03-29", "2021-04-29");
        }

        @Test
        void day31OrLastDayOfMonthVestsOnEveryMonthsLastDay() {
            assertThat(monthly(VestingDayOfMonth.DAY_31_OR_LAST_DAY_OF_MONTH, "2021-01-31", 4))
                    .containsExactly("2021-02-28", "2021-03-31", "2021-04-30", "2021-05-31");
        }

        @Test
        void aFixedDayIsThatDayOfTheMonthReachedByAddingMonths() {
            assertThat(monthly(VestingDayOfMonth.DAY_01, "2021-01-15", 2)).containsExactly("2021-02-01", "2021-03-01");
            assertThat(monthly(VestingDayOfMonth.DAY_28, "2021-01-15", 2)).containsExactly("2021-02-28", "2021-03-28");
        }

        @Test
        void theStartDayStaysTheReferenceAfterACliffOnAShortMonth() {
            // Start Jan 31; a one-month cliff falls on Feb 29; monthly vesting then returns to the 31st.
            VestingTerms t = terms(AllocationType.FRACTIONAL, start("cliff"),
                    VestingCondition.of("cliff", VestingPortion.of(1, 4),
                            VestingTrigger.after(VestingPeriod.months(1, 1, START_DAY), "start"), "monthly"),
                    VestingCondition.of("monthly", VestingPortion.of(1, 4),
                            VestingTrigger.after(VestingPeriod.months(1, 3, START_DAY), "cliff")));

            assertThat(dates(schedule(t, 4, "2020-01-31")))
                    .containsExactly("2020-02-29", "2020-03-31", "2020-04-30", "2020-05-31");
        }

        @Test
        void periodsInDaysCountDaysSoA365DayYearEndsADayEarlyInALeapYear() {
            assertThat(dates(schedule(equalTranches(AllocationType.FRACTIONAL, VestingPeriod.days(365, 2)), 2,
                    "2020-01-01"))).containsExactly("2020-12-31", "2021-12-31");
        }
    }

    // ---------------------------------------------------------------- events

    @Nested
    class EventDrivenConditions {

        private final VestingTerms quarterOnAcquisition = terms(AllocationType.CUMULATIVE_ROUND_DOWN,
                VestingCondition.of("acquisition", VestingPortion.of(25, 100), VestingTrigger.event()));

        @Test
        void aQuarterVestsOnTheAcquisitionAndTheRestNever() {
            VestingSchedule s = compute(quarterOnAcquisition, 1000, null,
                    List.of(event("acquisition", "2023-05-10")), List.of());

            assertThat(lines(s)).containsExactly("2023-05-10 250 acquisition");
            assertThat(s.vested(date("2023-05-09"))).isEqualTo(Quantity.ZERO);
            assertThat(s.vested(date("2023-05-10"))).isEqualTo(Quantity.of(250));
            assertThat(s.unvested(date("2099-01-01"))).isEqualTo(Quantity.of(750));
            assertThat(s.fullyVestedOn()).isEmpty();
        }

        @Test
        void withoutTheEventNothingVests() {
            assertThat(compute(quarterOnAcquisition, 1000, "2020-01-01", List.of(), List.of()).tranches()).isEmpty();
        }

        @Test
        void onlyTheEarliestEventForAConditionCounts() {
            VestingSchedule s = compute(quarterOnAcquisition, 1000, null,
                    List.of(event("acquisition", "2023-06-01"), event("acquisition", "2023-05-10")), List.of());

            assertThat(lines(s)).containsExactly("2023-05-10 250 acquisition");
            assertThat(s.unusedEvents()).containsExactly(event("acquisition", "2023-06-01"));
        }

        @Test
        void timeBasedOccurrencesThatFellWhileWaitingForAnEventVestOnTheEventsDate() {
            // Double trigger: monthly from the start, but nothing before the IPO.
            VestingTerms t = terms(AllocationType.CUMULATIVE_ROUNDING, start("ipo"),
                    VestingCondition.of("ipo", Quantity.ZERO, VestingTrigger.event(), "monthly"),
                    VestingCondition.of("monthly", VestingPortion.of(1, 48),
                            VestingTrigger.after(VestingPeriod.months(1, 48, START_DAY), "start")));

            VestingSchedule s = compute(t, 4800, "2020-01-01", List.of(event("ipo", "2021-06-15")), List.of());

            assertThat(lines(s)).startsWith("2021-06-15 1700 monthly", "2021-07-01 100 monthly")
                    .endsWith("2024-01-01 100 monthly");
            assertThat(s.vested(date("2021-06-14"))).isEqualTo(Quantity.ZERO);
        }

        @Test
        void anAbsoluteDateAlreadyPastWhenItBecomesACandidateIsMetAtOnce() {
            VestingTerms t = terms(AllocationType.CUMULATIVE_ROUNDING, start("bonus"),
                    VestingCondition.of("bonus", VestingPortion.of(1, 2), VestingTrigger.on(date("2020-01-01"))));

            assertThat(lines(schedule(t, 100, "2022-03-01"))).containsExactly("2022-03-01 50 bonus");
        }

        @Test
        void aRemainderPortionAppliesToWhatHasNotVestedYet() {
            // OCF's VestingConditionPortion example: 1,000 granted, 400 vested, 1/5 vests 120 with remainder, 200 without.
            for (boolean remainder : new boolean[] {true, false}) {
                VestingTerms t = terms(AllocationType.CUMULATIVE_ROUND_DOWN, start("first"),
                        VestingCondition.of("first", VestingPortion.of(2, 5), VestingTrigger.event(), "second"),
                        VestingCondition.of("second", remainder ? VestingPortion.ofRemainder(1, 5)
                                : VestingPortion.of(1, 5), VestingTrigger.event()));

                VestingSchedule s = compute(t, 1000, "2020-01-01",
                        List.of(event("first", "2021-01-01"), event("second", "2022-01-01")), List.of());

                assertThat(lines(s)).containsExactly("2021-01-01 400 first",
                        "2022-01-01 " + (remainder ? "120" : "200") + " second");
            }
        }

        @Test
        void fixedQuantitiesNeverVestMoreThanTheSecurity() {
            VestingTerms t = terms(AllocationType.CUMULATIVE_ROUND_DOWN, start("monthly"),
                    VestingCondition.of("monthly", Quantity.of(100),
                            VestingTrigger.after(VestingPeriod.months(1, 12, START_DAY), "start")));

            VestingSchedule s = schedule(t, 1000, "2020-01-01");

            assertThat(amounts(s)).hasSize(10).containsOnly("100");
            assertThat(s.fullyVestedOn()).hasValue(date("2020-11-01"));
        }
    }

    // ---------------------------------------------------------------- accelerations

    @Nested
    class Accelerations {

        private final VestingTerms cliff = fourYearsMonthlyOneYearCliff(AllocationType.CUMULATIVE_ROUNDING);

        @Test
        void acceleratedSharesVestOnTheirDateAndTheScheduleEndsEarlier() {
            VestingSchedule s = compute(cliff, 4800, "2020-01-15", List.of(), List.of(acceleration("2021-06-15", 1000)));

            assertThat(s.vested(date("2021-06-14"))).isEqualTo(Quantity.of(1600));
            assertThat(lines(s)).contains("2021-06-15 100 monthly", "2021-06-15 1000 ACCELERATION");
            assertThat(s.vested(date("2021-06-15"))).isEqualTo(Quantity.of(2700));
            // 1,200 + 100 a month + 1,000 reaches 4,800 after 26 months.
            assertThat(s.fullyVestedOn()).hasValue(date("2023-03-15"));
            assertThat(s.vested(date("2023-03-14"))).isEqualTo(Quantity.of(4700));
            assertThat(dates(s)).last().isEqualTo("2023-03-15");
        }

        @Test
        void anAccelerationNeverVestsMoreThanTheSecurity() {
            VestingSchedule s = compute(cliff, 4800, "2020-01-15", List.of(),
                    List.of(acceleration("2022-01-15", 9000), acceleration("2020-06-01", 100)));

            assertThat(lines(s)).startsWith("2020-06-01 100 ACCELERATION", "2021-01-15 1200 cliff")
                    .endsWith("2022-01-15 100 monthly", "2022-01-15 2300 ACCELERATION");
            assertThat(s.vested(date("2022-01-15"))).isEqualTo(Quantity.of(4800));
        }

        @Test
        void sharesAccelerateEvenBeforeVestingStarts() {
            VestingSchedule s = compute(cliff, 4800, null, List.of(), List.of(acceleration("2020-02-01", 480)));

            assertThat(lines(s)).containsExactly("2020-02-01 480 ACCELERATION");
            assertThat(s.unvested(date("2020-02-01"))).isEqualTo(Quantity.of(4320));
        }
    }

    // ---------------------------------------------------------------- refused input

    @Nested
    class RefusedInput {

        private final VestingTerms terms = fourYearsMonthlyOneYearCliff(AllocationType.CUMULATIVE_ROUNDING);

        private void assertRefused(ThrowingCallable call, ErrorCode code, String detail) {
            assertThatThrownBy(call).isInstanceOfSatisfying(CapledgerException.class,
                    e -> assertThat(e.code()).isEqualTo(code)).hasMessageContaining(detail);
        }

        @Test
        void anEventMustNameAConditionOfTheTerms() {
            assertRefused(() -> compute(terms, 4800, "2020-01-15", List.of(event("ipo", "2021-01-01")), List.of()),
                    ErrorCode.INVALID_VALUE, "vesting terms 'test-terms' have no condition 'ipo'");
        }

        @Test
        void anEventMustNameAConditionTriggeredByAnEvent() {
            assertRefused(() -> compute(terms, 4800, "2020-01-15", List.of(event("cliff", "2021-01-01")), List.of()),
                    ErrorCode.INVALID_VALUE, "condition 'cliff' of vesting terms 'test-terms' is met by its"
                            + " VESTING_SCHEDULE_RELATIVE trigger, not by a vesting event");
        }

        @Test
        void eventsAndAccelerationsNeedTheirParts() {
            assertRefused(() -> new VestingEventOccurrence(" ", date("2021-01-01")), ErrorCode.INVALID_VALUE,
                    "condition");
            assertRefused(() -> new VestingEventOccurrence("ipo", null), ErrorCode.INVALID_VALUE, "date");
            assertRefused(() -> new VestingAcceleration(null, Quantity.of(1)), ErrorCode.INVALID_VALUE, "date");
            assertRefused(() -> new VestingAcceleration(date("2021-01-01"), Quantity.ZERO), ErrorCode.INVALID_QUANTITY,
                    "more than 0");
        }
    }
}
