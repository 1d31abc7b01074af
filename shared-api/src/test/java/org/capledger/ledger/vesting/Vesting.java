package org.capledger.ledger.vesting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.VestingTermsId;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.VestingCondition;
import org.capledger.api.vesting.VestingDayOfMonth;
import org.capledger.api.vesting.VestingPeriod;
import org.capledger.api.vesting.VestingPortion;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;

/** Terms and helpers shared by the vesting tests. */
final class Vesting {

    static final VestingDayOfMonth START_DAY = VestingDayOfMonth.VESTING_START_DAY_OR_LAST_DAY_OF_MONTH;

    private Vesting() {
    }

    static VestingTerms terms(AllocationType allocation, VestingCondition... conditions) {
        return new VestingTerms(VestingTermsId.of("test-terms"), "Test terms", null, allocation,
                Arrays.asList(conditions));
    }

    static VestingCondition start(String... next) {
        return VestingCondition.of("start", Quantity.ZERO, VestingTrigger.vestingStart(), next);
    }

    /** The shape of OCF's Example 3: 12/48 at a one-year cliff, then 1/48 monthly for 36 months. */
    static VestingTerms fourYearsMonthlyOneYearCliff(AllocationType allocation) {
        return terms(allocation,
                start("cliff"),
                VestingCondition.of("cliff", VestingPortion.of(12, 48),
                        VestingTrigger.after(VestingPeriod.months(12, 1, START_DAY), "start"), "monthly"),
                VestingCondition.of("monthly", VestingPortion.of(1, 48),
                        VestingTrigger.after(VestingPeriod.months(1, 36, START_DAY), "cliff")));
    }

    /** {@code occurrences} equal tranches of {@code period}, starting at the vesting start. */
    static VestingTerms equalTranches(AllocationType allocation, VestingPeriod period) {
        return terms(allocation,
                start("tranches"),
                VestingCondition.of("tranches", VestingPortion.of(1, period.occurrences()),
                        VestingTrigger.after(period, "start")));
    }

    static VestingSchedule schedule(VestingTerms terms, long quantity, String start) {
        return VestingSchedule.compute(terms, Quantity.of(quantity), date(start), List.of(), List.of());
    }

    static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    static VestingEventOccurrence event(String conditionId, String date) {
        return new VestingEventOccurrence(conditionId, date(date));
    }

    static VestingAcceleration acceleration(String date, long quantity) {
        return new VestingAcceleration(date(date), Quantity.of(quantity));
    }

    /** @return each tranche as {@code "date quantity condition"}, acceleration as condition {@code "ACCELERATION"} */
    static List<String> lines(VestingSchedule schedule) {
        return schedule.tranches().stream()
                .map(t -> t.date() + " " + t.quantity() + " " + (t.accelerated() ? "ACCELERATION" : t.conditionId()))
                .toList();
    }

    /** @return the tranche quantities in order, as plain decimal strings */
    static List<String> amounts(VestingSchedule schedule) {
        return schedule.tranches().stream().map(t -> t.quantity().toString()).toList();
    }
}
