package org.capledger.ledger.vesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capledger.ledger.vesting.Vesting.acceleration;
import static org.capledger.ledger.vesting.Vesting.amounts;
import static org.capledger.ledger.vesting.Vesting.date;
import static org.capledger.ledger.vesting.Vesting.event;
import static org.capledger.ledger.vesting.Vesting.lines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capledger.api.value.Quantity;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.OcfVestingJson;
import org.capledger.api.vesting.OcfVestingJson.VestingTransaction;
import org.capledger.api.vesting.VestingPeriod;
import org.capledger.api.vesting.VestingTerms;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every worked example of OCF 1.2 {@code docs/VestingTerms.md} and {@code enums/AllocationType}, and the other terms
 * of OCF's {@code samples/VestingTerms.ocf.json}, read from OCF's own JSON and computed.
 */
class OcfVestingExamplesTest {

    private static final String EXAMPLES = "/ocf/examples/";

    private static VestingTerms example(String file, String id) {
        return OcfVestingJson.termsFile(EXAMPLES + file, id);
    }

    private static VestingSchedule schedule(VestingTerms terms, long quantity, String start,
                                            VestingEventOccurrence... events) {
        return VestingSchedule.compute(terms, Quantity.of(quantity), date(start), List.of(events), List.of());
    }

    private static List<String> route(VestingSchedule s) {
        return s.route().stream().map(c -> c.conditionId() + " " + c.firstDate()).toList();
    }

    /** Example 1: "all-or-nothing", 500 shares vesting only on a qualifying sale. */
    @Nested
    class Example1EventBasedVesting {

        private final VestingTerms terms = example("VestingTerms.example1.ocf.json", "all-or-nothing");

        @Test
        void issuedAloneTheSecurityIsZeroPercentVested() {
            VestingSchedule s = schedule(terms, 500, null);

            assertThat(s.tranches()).isEmpty();
            assertThat(s.vested(date("2100-01-01"))).isEqualTo(Quantity.ZERO);
            assertThat(s.unvested(date("2100-01-01"))).isEqualTo(Quantity.of(500));
        }

        @Test
        void theQualifyingSaleOn14July2022VestsAll500Shares() {
            VestingTransaction tx = OcfVestingJson.vestingTransactions(EXAMPLES
                    + "VestingTransactions.examples.ocf.json").stream()
                    .filter(t -> t.objectType().equals("TX_VESTING_EVENT")).findFirst().orElseThrow();
            VestingSchedule s = schedule(terms, 500, null, new VestingEventOccurrence(tx.conditionId(), tx.date()));

            assertThat(lines(s)).containsExactly("2022-07-14 500 qualifying-sale");
            assertThat(s.vested(date("2022-07-13"))).isEqualTo(Quantity.ZERO);
            assertThat(s.vested(date("2022-07-14"))).isEqualTo(Quantity.of(500));
        }
    }

    /** Example 2: "all-or-nothing-with-expiration": the sale must come within 36 months and before 2025-01-01. */
    @Nested
    class Example2EventBasedVestingWithDeadlines {

        private final VestingTerms terms = example("VestingTerms.example2.ocf.json", "all-or-nothing-with-expiration");

        @Test
        void vestingEx1StartedOn1January2021ExpiresOn1January2024WithoutASale() {
            VestingTransaction start = OcfVestingJson.vestingTransactions(EXAMPLES
                    + "VestingTransactions.examples.ocf.json").stream()
                    .filter(t -> t.objectType().equals("TX_VESTING_START")).findFirst().orElseThrow();
            VestingSchedule s = schedule(terms, 500, start.date().toString());

            assertThat(route(s)).containsExactly("vesting-start 2021-01-01", "relative-expiration 2024-01-01");
            assertThat(s.tranches()).isEmpty();
        }

        @Test
        void vestingEx1VestsEverythingOnASaleBeforeTheDeadline() {
            VestingSchedule s = schedule(terms, 500, "2021-01-01", event("qualifying-sale", "2022-07-14"));

            assertThat(route(s)).containsExactly("vesting-start 2021-01-01", "qualifying-sale 2022-07-14");
            assertThat(lines(s)).containsExactly("2022-07-14 500 qualifying-sale");
        }

        @Test
        void vestingEx2StartedOn1July2023HitsTheAbsoluteExpirationBeforeTheRelativeOne() {
            VestingSchedule s = schedule(terms, 500, "2023-07-01", event("qualifying-sale", "2025-03-01"));

            assertThat(route(s)).containsExactly("vesting-start 2023-07-01", "absolute-expiration 2025-01-01");
            assertThat(s.vested(date("2030-01-01"))).isEqualTo(Quantity.ZERO);
            assertThat(s.unusedEvents()).containsExactly(event("qualifying-sale", "2025-03-01"));
        }

        @Test
        void onTheSameDayTheConditionListedFirstInNextConditionIdsWins() {
            // Started 2022-01-01: relative expiration 2025-01-01, the same day as the absolute one.
            VestingSchedule s = schedule(terms, 500, "2022-01-01", event("qualifying-sale", "2025-01-01"));

            assertThat(route(s)).containsExactly("vesting-start 2022-01-01", "relative-expiration 2025-01-01");
            assertThat(s.tranches()).isEmpty();
        }
    }

    /** Example 3: "4yr-1yr-cliff-schedule", 480 shares, vesting start 30 January 2021. */
    @Nested
    class Example3ScheduleBasedVesting {

        private final VestingTerms terms = example("VestingTerms.ocf.json", "4yr-1yr-cliff-schedule");

        @Test
        void theCliffVests120SharesOn30January2022ThenTenOnThe30thOrLastDayOfEachMonth() {
            VestingSchedule s = schedule(terms, 480, "2021-01-30");

            assertThat(lines(s)).hasSize(37).startsWith(
                    "2022-01-30 120 cliff",
                    "2022-02-28 10 monthly-thereafter",
                    "2022-03-30 10 monthly-thereafter",
                    "2022-04-30 10 monthly-thereafter")
                    .endsWith("2025-01-30 10 monthly-thereafter");
            assertThat(s.vested(date("2022-01-29"))).isEqualTo(Quantity.ZERO);
            assertThat(s.fullyVestedOn()).hasValue(date("2025-01-30"));
            assertThat(s.tranches().stream().skip(1).map(VestingTranche::date).filter(d -> d.getDayOfMonth() != 30))
                    .containsExactly(date("2022-02-28"), date("2023-02-28"), date("2024-02-29"));
        }

        @Test
        void inALeapYearTheFebruaryTrancheFallsOnThe29th() {
            VestingSchedule s = schedule(terms, 480, "2023-01-30");

            assertThat(lines(s)).startsWith("2024-01-30 120 cliff", "2024-02-29 10 monthly-thereafter",
                    "2024-03-30 10 monthly-thereafter");
        }
    }

    /** {@code enums/AllocationType}: "18 shares split across 4 tranches". */
    @Nested
    class AllocationTypeExamples {

        private List<String> eighteenSharesInFourTranches(AllocationType type) {
            VestingTerms terms = Vesting.equalTranches(type, VestingPeriod.months(3, 4, Vesting.START_DAY));
            return amounts(Vesting.schedule(terms, 18, "2024-01-01"));
        }

        @Test
        void cumulativeRounding5454() {
            assertThat(eighteenSharesInFourTranches(AllocationType.CUMULATIVE_ROUNDING))
                    .containsExactly("5", "4", "5", "4");
        }

        @Test
        void cumulativeRoundDown4545() {
            assertThat(eighteenSharesInFourTranches(AllocationType.CUMULATIVE_ROUND_DOWN))
                    .containsExactly("4", "5", "4", "5");
        }

        @Test
        void frontLoaded5544() {
            assertThat(eighteenSharesInFourTranches(AllocationType.FRONT_LOADED)).containsExactly("5", "5", "4", "4");
        }

        @Test
        void backLoaded4455() {
            assertThat(eighteenSharesInFourTranches(AllocationType.BACK_LOADED)).containsExactly("4", "4", "5", "5");
        }

        @Test
        void frontLoadedToSingleTranche6444() {
            assertThat(eighteenSharesInFourTranches(AllocationType.FRONT_LOADED_TO_SINGLE_TRANCHE))
                    .containsExactly("6", "4", "4", "4");
        }

        @Test
        void backLoadedToSingleTranche4446() {
            assertThat(eighteenSharesInFourTranches(AllocationType.BACK_LOADED_TO_SINGLE_TRANCHE))
                    .containsExactly("4", "4", "4", "6");
        }

        @Test
        void fractional45454545() {
            assertThat(eighteenSharesInFourTranches(AllocationType.FRACTIONAL))
                    .containsExactly("4.5", "4.5", "4.5", "4.5");
        }
    }

    /** The other terms in OCF's {@code samples/VestingTerms.ocf.json}, each with 4,800 shares. */
    @Nested
    class SampleTerms {

        @Test
        void multiTrancheEventBasedVests20PercentPerSaleAndTheRestOnTheDoubleTrigger() {
            VestingTerms terms = example("VestingTerms.ocf.json", "multi-tranche-event-based");

            VestingSchedule s = schedule(terms, 4800, "2025-01-01", event("100k-sale-1", "2025-03-01"),
                    event("100k-sale-2", "2025-06-01"), event("double-trigger-acceleration", "2026-01-01"),
                    event("100k-sale-3", "2026-02-01"));

            assertThat(lines(s)).containsExactly("2025-03-01 960 100k-sale-1", "2025-06-01 960 100k-sale-2",
                    "2026-01-01 2880 double-trigger-acceleration");
            assertThat(s.unusedEvents()).containsExactly(event("100k-sale-3", "2026-02-01"));
        }

        @Test
        void multiTrancheEventBasedStopsVestingFourYearsAfterTheStart() {
            VestingTerms terms = example("VestingTerms.ocf.json", "multi-tranche-event-based");

            VestingSchedule s = schedule(terms, 4800, "2025-01-01", event("100k-sale-1", "2025-03-01"),
                    event("100k-sale-2", "2029-01-02"));

            assertThat(route(s)).containsExactly("vesting-start 2025-01-01", "100k-sale-1 2025-03-01",
                    "vesting-expired 2029-01-01");
            assertThat(s.vested(date("2035-01-01"))).isEqualTo(Quantity.of(960));
        }

        @Test
        void sixYearOptionBackLoadedRunsEachMonthlyRateAfterThePreviousOne() {
            VestingTerms terms = example("VestingTerms.ocf.json", "6-yr-option-back-loaded");

            VestingSchedule s = schedule(terms, 4800, "2025-01-01");

            List<String> expected = new ArrayList<>(List.of("2027-01-01 480 10pct-after-24-months"));
            String[][] rates = {{"60", "1.25pct-each-month-for-12-months"}, {"80", "1.67pct-each-month-for-12-months"},
                    {"100", "2.08pct-each-month-for-12-months"}, {"120", "2.5pct-each-month-for-12-months"}};
            LocalDate month = date("2027-01-01");
            for (String[] rate : rates) {
                for (int i = 0; i < 12; i++) {
                    month = month.plusMonths(1);
                    expected.add(month + " " + rate[0] + " " + rate[1]);
                }
            }
            assertThat(lines(s)).containsExactlyElementsOf(expected);
            assertThat(s.fullyVestedOn()).hasValue(date("2031-01-01"));
        }

        @Test
        void pathDependentMilestonesVest60ThenThe40OnlyWithinTheirDeadlines() {
            VestingTerms terms = example("VestingTerms.ocf.json", "path-dependent-milestone-vesting");

            VestingSchedule both = schedule(terms, 4800, "2016-01-01",
                    event("qualified-fda-acceptance", "2016-08-01"), event("qualified-acquisition", "2017-02-01"));
            VestingSchedule lateAcquisition = schedule(terms, 4800, "2016-01-01",
                    event("qualified-fda-acceptance", "2016-08-01"), event("qualified-acquisition", "2017-05-01"));
            VestingSchedule lateAcceptance = schedule(terms, 4800, "2016-01-01",
                    event("qualified-fda-acceptance", "2016-10-01"), event("qualified-acquisition", "2017-02-01"));

            assertThat(lines(both)).containsExactly("2016-08-01 2880 qualified-fda-acceptance",
                    "2017-02-01 1920 qualified-acquisition");
            assertThat(lines(lateAcquisition)).containsExactly("2016-08-01 2880 qualified-fda-acceptance");
            assertThat(route(lateAcquisition)).endsWith("acquisition-deadline-missed 2017-04-01");
            // The deadline condition is listed first, so it wins a same-day tie with the acceptance.
            assertThat(lateAcceptance.tranches()).isEmpty();
            assertThat(lateAcceptance.unusedEvents()).hasSize(2);
        }

        @Test
        void customHundredPercentUpfrontVestsEverythingOnItsEvent() {
            VestingTerms terms = example("VestingTerms.ocf.json", "custom-vesting-100pct-upfront");

            VestingSchedule s = VestingSchedule.compute(terms, Quantity.of(4800), null,
                    List.of(event("full-vesting", "2024-01-01")), List.of(acceleration("2023-01-01", 100)));

            assertThat(lines(s)).containsExactly("2023-01-01 100 ACCELERATION", "2024-01-01 4700 full-vesting");
        }
    }
}
