package org.capledger.ledger.vesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capledger.ledger.vesting.Vesting.START_DAY;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Fraction;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.OcfVestingJson;
import org.capledger.api.vesting.VestingCondition;
import org.capledger.api.vesting.VestingDayOfMonth;
import org.capledger.api.vesting.VestingPeriod;
import org.capledger.api.vesting.VestingPeriodType;
import org.capledger.api.vesting.VestingPortion;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;

/**
 * Random time-based schedules (any length, cliff, period, day-of-month rule, allocation type, quantity and start
 * date, the cliff written as its own condition or as a cliff installment) and random event-driven histories on OCF's
 * sample terms, checked against rules that hold for every schedule.
 */
class VestingSchedulePropertiesTest {

    /** {@code occurrences} periods of {@code length} months from the start; the first {@code cliff} paid together. */
    record Plan(AllocationType allocation, int occurrences, int cliff, int length, VestingDayOfMonth day,
                boolean cliffAsCondition, Quantity quantity, LocalDate start) {

        VestingTerms terms() {
            if (cliff < 2 || !cliffAsCondition) {
                VestingPeriod monthly = new VestingPeriod(length, VestingPeriodType.MONTHS, occurrences, day, cliff);
                return Vesting.terms(allocation, Vesting.start("monthly"), VestingCondition.of("monthly",
                        VestingPortion.of(1, occurrences), VestingTrigger.after(monthly, "start")));
            }
            List<VestingCondition> conditions = new ArrayList<>(List.of(Vesting.start("cliff"),
                    VestingCondition.of("cliff", VestingPortion.of(cliff, occurrences),
                            VestingTrigger.after(VestingPeriod.months(cliff * length, 1, day), "start"),
                            cliff < occurrences ? new String[] {"monthly"} : new String[0])));
            if (cliff < occurrences) {
                conditions.add(VestingCondition.of("monthly", VestingPortion.of(1, occurrences),
                        VestingTrigger.after(VestingPeriod.months(length, occurrences - cliff, day), "cliff")));
            }
            return Vesting.terms(allocation, conditions.toArray(VestingCondition[]::new));
        }

        /** Computed here from the definition, not by the engine: occurrence k's date. */
        LocalDate occurrence(int k) {
            return day.dateIn(YearMonth.from(start).plusMonths((long) k * length), start.getDayOfMonth());
        }

        /** The exact share of the quantity due after k occurrences. */
        Fraction exact(int k) {
            return Fraction.of(quantity.value()).times(Fraction.of(k)).dividedBy(Fraction.of(occurrences));
        }
    }

    private static final Arbitrary<Quantity> WHOLE = Arbitraries.longs().between(0, 10_000_000).map(Quantity::of);
    private static final Arbitrary<Quantity> FRACTIONAL = Arbitraries.bigDecimals()
            .between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(4).map(Quantity::new);

    @Provide
    Arbitrary<Plan> plans() {
        return plans(Arbitraries.of(AllocationType.class), Arbitraries.of(true, false),
                Arbitraries.frequencyOf(Tuple.of(4, WHOLE), Tuple.of(1, FRACTIONAL)));
    }

    @Provide
    Arbitrary<Plan> cumulativePlans() {
        return plans(Arbitraries.of(AllocationType.CUMULATIVE_ROUNDING, AllocationType.CUMULATIVE_ROUND_DOWN,
                        AllocationType.FRACTIONAL), Arbitraries.of(true, false),
                Arbitraries.frequencyOf(Tuple.of(4, WHOLE), Tuple.of(1, FRACTIONAL)));
    }

    /** Loaded types on one repeating condition (its cliff as a cliff installment) and a whole quantity. */
    @Provide
    Arbitrary<Plan> loadedPlans() {
        return plans(Arbitraries.of(AllocationType.FRONT_LOADED, AllocationType.BACK_LOADED,
                AllocationType.FRONT_LOADED_TO_SINGLE_TRANCHE, AllocationType.BACK_LOADED_TO_SINGLE_TRANCHE),
                Arbitraries.just(false), WHOLE);
    }

    private static Arbitrary<Plan> plans(Arbitrary<AllocationType> allocations, Arbitrary<Boolean> cliffAsCondition,
                                         Arbitrary<Quantity> quantities) {
        Arbitrary<LocalDate> anyDay = Arbitraries.integers().between(0, 365 * 30)
                .map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
        Arbitrary<LocalDate> monthEnd = Arbitraries.integers().between(0, 12 * 30)
                .map(m -> YearMonth.of(2000, 1).plusMonths(m).atEndOfMonth());
        Arbitrary<int[]> occurrencesAndCliff = Arbitraries.integers().between(1, 60)
                .flatMap(n -> Arbitraries.integers().between(0, n).map(c -> new int[] {n, c}));
        return Combinators.combine(allocations, occurrencesAndCliff, Arbitraries.of(1, 1, 1, 3, 12),
                        Arbitraries.of(VestingDayOfMonth.class), cliffAsCondition, quantities,
                        Arbitraries.frequencyOf(Tuple.of(3, anyDay), Tuple.of(1, monthEnd)))
                .as((allocation, nc, length, day, asCondition, quantity, start) -> new Plan(allocation, nc[0], nc[1],
                        length, day, asCondition, quantity, start));
    }

    @Property(tries = 400)
    void aTimeBasedScheduleVestsExactlyItsQuantityOnItsOwnDates(@ForAll("plans") Plan plan) {
        VestingSchedule s = VestingSchedule.compute(plan.terms(), plan.quantity(), plan.start(), List.of(), List.of());

        BigDecimal sum = BigDecimal.ZERO;
        LocalDate previous = plan.start();
        for (VestingTranche t : s.tranches()) {
            assertThat(t.quantity().isPositive()).isTrue();
            assertThat(t.date()).isAfterOrEqualTo(previous);
            previous = t.date();
            sum = sum.add(t.quantity().value());
        }
        assertThat(sum).isEqualByComparingTo(plan.quantity().value());
        assertThat(s.vested(plan.occurrence(plan.occurrences()))).isEqualTo(plan.quantity());
        if (plan.quantity().isPositive()) {
            // Rounding may complete vesting early (a few shares over many occurrences), never late.
            assertThat(s.fullyVestedOn()).hasValue(previous);
            assertThat(previous).isBeforeOrEqualTo(plan.occurrence(plan.occurrences()));
        }
        int cliff = Math.max(plan.cliff(), 1);
        assertThat(s.vested(plan.occurrence(cliff).minusDays(1))).isEqualTo(Quantity.ZERO);
        if (plan.allocation() != AllocationType.FRACTIONAL && plan.quantity().isWhole()) {
            assertThat(s.tranches()).allMatch(t -> t.quantity().isWhole());
        }
    }

    @Property(tries = 400)
    void cumulativeTypesVestTheExactAmountSoFarRoundedOnEveryOccurrence(@ForAll("cumulativePlans") Plan plan) {
        RoundingMode mode = plan.allocation() == AllocationType.CUMULATIVE_ROUND_DOWN ? RoundingMode.FLOOR
                : RoundingMode.HALF_UP;
        int scale = plan.allocation() == AllocationType.FRACTIONAL ? 10 : 0;
        VestingSchedule s = VestingSchedule.compute(plan.terms(), plan.quantity(), plan.start(), List.of(), List.of());

        for (int k = Math.max(plan.cliff(), 1); k <= plan.occurrences(); k++) {
            Fraction exact = plan.exact(k);
            BigDecimal expected = k == plan.occurrences() ? plan.quantity().value()
                    : new BigDecimal(exact.numerator()).divide(new BigDecimal(exact.denominator()), scale, mode)
                    .min(plan.quantity().value());
            assertThat(s.vested(plan.occurrence(k)).value()).as("after occurrence %d", k)
                    .isEqualByComparingTo(expected);
        }
    }

    @Property(tries = 400)
    void loadedTypesGiveEveryOccurrenceOfAConditionTheSameWholeSharesGiveOrTakeTheLeftovers(
            @ForAll("loadedPlans") Plan plan) {
        VestingSchedule s = VestingSchedule.compute(plan.terms(), plan.quantity(), plan.start(), List.of(), List.of());
        long q = plan.quantity().value().longValueExact();
        long n = plan.occurrences();
        long base = q / n;
        long leftover = q % n;

        BigDecimal before = BigDecimal.ZERO;
        for (int k = Math.max(plan.cliff(), 1); k <= n; k++) {
            long lumped = k == Math.max(plan.cliff(), 1) ? k : 1; // the cliff pays out occurrences 1..k at once
            long extra = switch (plan.allocation()) {
                case FRONT_LOADED -> Math.max(0, Math.min(k, leftover) - Math.min(k - lumped, leftover));
                case BACK_LOADED -> Math.max(0, Math.min(k, n) - Math.max(k - lumped, n - leftover));
                case FRONT_LOADED_TO_SINGLE_TRANCHE -> k - lumped < 1 ? leftover : 0;
                default -> k == n ? leftover : 0;
            };
            BigDecimal vested = s.vested(plan.occurrence(k)).value();
            assertThat(vested.subtract(before)).as("occurrence %d", k)
                    .isEqualByComparingTo(BigDecimal.valueOf(base * lumped + extra));
            before = vested;
        }
    }

    // ---------------------------------------------------------------- event-driven histories

    record History(String termsId, LocalDate start, List<VestingEventOccurrence> events,
                   List<VestingAcceleration> accelerations, List<LocalDate> probes) {
    }

    private static final List<VestingTerms> SAMPLES = List.of(
            OcfVestingJson.termsFile("/ocf/examples/VestingTerms.ocf.json", "multi-tranche-event-based"),
            OcfVestingJson.termsFile("/ocf/examples/VestingTerms.ocf.json", "path-dependent-milestone-vesting"),
            OcfVestingJson.termsFile("/ocf/examples/VestingTerms.ocf.json", "4yr-1yr-cliff-schedule"),
            OcfVestingJson.termsFile("/ocf/examples/VestingTerms.example2.ocf.json", "all-or-nothing-with-expiration"));

    private static VestingTerms sample(String id) {
        return SAMPLES.stream().filter(t -> t.id().value().equals(id)).findFirst().orElseThrow();
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 365 * 12)
                .map(d -> LocalDate.of(2014, 1, 1).plusDays(d));
        return Arbitraries.of(SAMPLES).flatMap(terms -> {
            List<String> eventConditions = terms.vestingConditions().stream()
                    .filter(c -> c.trigger() instanceof VestingTrigger.Event).map(VestingCondition::id).toList();
            Arbitrary<List<VestingEventOccurrence>> events = eventConditions.isEmpty()
                    ? Arbitraries.just(List.of())
                    : Combinators.combine(Arbitraries.of(eventConditions), dates).as(VestingEventOccurrence::new)
                    .list().ofMaxSize(8);
            Arbitrary<List<VestingAcceleration>> accelerations = Combinators.combine(dates,
                    Arbitraries.longs().between(1, 2000).map(Quantity::of)).as(VestingAcceleration::new)
                    .list().ofMaxSize(3);
            return Combinators.combine(dates.injectNull(0.1), events, accelerations, dates.list().ofSize(10))
                    .as((start, ev, acc, probes) -> new History(terms.id().value(), start, ev, acc, probes));
        });
    }

    @Property(tries = 400)
    void vestedIsMonotoneBoundedAndDecidedOnlyByWhatHappenedByThen(@ForAll("histories") History h) {
        VestingTerms terms = sample(h.termsId());
        Quantity quantity = Quantity.of(4800);
        VestingSchedule s = VestingSchedule.compute(terms, quantity, h.start(), h.events(), h.accelerations());

        TreeSet<LocalDate> probes = new TreeSet<>(h.probes());
        s.tranches().forEach(t -> {
            probes.add(t.date());
            probes.add(t.date().minusDays(1));
        });
        Quantity before = Quantity.ZERO;
        for (LocalDate d : probes) {
            Quantity vested = s.vested(d);
            assertThat(vested).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(quantity);
            assertThat(vested.plus(s.unvested(d))).isEqualTo(quantity);
            before = vested;

            VestingSchedule knownThen = VestingSchedule.compute(terms, quantity,
                    h.start() != null && !h.start().isAfter(d) ? h.start() : null,
                    h.events().stream().filter(e -> !e.date().isAfter(d)).toList(),
                    h.accelerations().stream().filter(a -> !a.date().isAfter(d)).toList());
            assertThat(knownThen.vested(d)).as("vested on %s from what was known then", d).isEqualTo(vested);
        }
    }

    @Property(tries = 400)
    void accelerationsAddToTheScheduleButNeverBeyondTheQuantity(@ForAll("histories") History h) {
        VestingTerms terms = sample(h.termsId());
        Quantity quantity = Quantity.of(4800);
        VestingSchedule without = VestingSchedule.compute(terms, quantity, h.start(), h.events(), List.of());
        VestingSchedule with = VestingSchedule.compute(terms, quantity, h.start(), h.events(), h.accelerations());

        for (LocalDate d : h.probes()) {
            BigDecimal accelerated = h.accelerations().stream().filter(a -> !a.date().isAfter(d))
                    .map(a -> a.quantity().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(with.vested(d).value())
                    .isEqualByComparingTo(without.vested(d).value().add(accelerated).min(quantity.value()));
        }
    }

    @Property(tries = 100)
    void theVestingStartDayRuleAgreesWithTheFixedRuleForTheStartsOwnDay(
            @ForAll("plans") Plan plan) {
        // START_DAY and the fixed rule for the start's own day agree whenever that day exists in every month.
        Assume.that(plan.start().getDayOfMonth() <= 28);
        VestingDayOfMonth fixed = VestingDayOfMonth.ofOcf(String.format("%02d", plan.start().getDayOfMonth()));
        Plan withStartDay = new Plan(plan.allocation(), plan.occurrences(), plan.cliff(), plan.length(), START_DAY,
                plan.cliffAsCondition(), plan.quantity(), plan.start());
        Plan withFixedDay = new Plan(plan.allocation(), plan.occurrences(), plan.cliff(), plan.length(), fixed,
                plan.cliffAsCondition(), plan.quantity(), plan.start());

        assertThat(VestingSchedule.compute(withStartDay.terms(), plan.quantity(), plan.start(), List.of(), List.of())
                .tranches()).isEqualTo(VestingSchedule.compute(withFixedDay.terms(), plan.quantity(), plan.start(),
                List.of(), List.of()).tranches());
    }
}
