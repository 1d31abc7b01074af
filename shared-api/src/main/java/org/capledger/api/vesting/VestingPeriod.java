package org.capledger.api.vesting;

import static org.capledger.api.vesting.VestingTermsValidation.invalid;

/**
 * How long after another condition a {@link VestingTrigger.Relative} trigger fires, and how often (OCF 1.2
 * {@code types/vesting/VestingPeriodInDays} and {@code VestingPeriodInMonths}, primitive
 * {@code types/vesting/VestingPeriod}).
 *
 * <p>Occurrence {@code k} (1-based) falls {@code k * length} units after the reference condition was met. In
 * months, the month is found by adding calendar months and the day by {@code dayOfMonth}; in days, by adding days.
 * Every occurrence vests the condition's portion or quantity again (OCF {@code docs/VestingTerms.md}, "Vesting
 * Schedule Relative {@code occurrences}").
 *
 * @param length           units per occurrence, 0 or more
 * @param type             {@link VestingPeriodType#DAYS} or {@link VestingPeriodType#MONTHS}
 * @param occurrences      how many times the condition fires, 1 to {@value #MAX_OCCURRENCES}
 * @param dayOfMonth       required for months, absent ({@code null}) for days
 * @param cliffInstallment optional 1-based occurrence at which a cliff falls: the occurrences before it vest
 *                         nothing on their own dates and are paid out together with it. {@code null}, 0 and 1 mean
 *                         no cliff (OCF: "less than 2 ... no cliff"); at most {@code occurrences}
 */
public record VestingPeriod(int length, VestingPeriodType type, int occurrences, VestingDayOfMonth dayOfMonth,
                            Integer cliffInstallment) {

    /** The most occurrences one condition may have (daily vesting over 27 years). */
    public static final int MAX_OCCURRENCES = 10_000;
    /** The longest span ({@code length * occurrences}) a period may cover: 100 years. */
    public static final int MAX_SPAN_MONTHS = 1_200;
    public static final int MAX_SPAN_DAYS = 36_525;

    /** @throws org.capledger.api.CapledgerException INVALID_VESTING_TERMS when a rule above is broken */
    public VestingPeriod {
        if (type == null) {
            throw invalid("period type is required: DAYS or MONTHS");
        }
        if (length < 0) {
            throw invalid("period length must not be negative, was " + length);
        }
        if (occurrences < 1 || occurrences > MAX_OCCURRENCES) {
            throw invalid("period occurrences must be 1 to " + MAX_OCCURRENCES + ", was " + occurrences);
        }
        long span = (long) length * occurrences;
        if (type == VestingPeriodType.MONTHS) {
            if (dayOfMonth == null) {
                throw invalid("a period in MONTHS needs dayOfMonth");
            }
            if (span > MAX_SPAN_MONTHS) {
                throw invalid("a period may span at most " + MAX_SPAN_MONTHS + " months, was " + span);
            }
        } else {
            if (dayOfMonth != null) {
                throw invalid("a period in DAYS has no dayOfMonth");
            }
            if (span > MAX_SPAN_DAYS) {
                throw invalid("a period may span at most " + MAX_SPAN_DAYS + " days, was " + span);
            }
        }
        if (cliffInstallment != null && (cliffInstallment < 0 || cliffInstallment > occurrences)) {
            throw invalid("cliffInstallment must be 0 to occurrences (" + occurrences + "), was " + cliffInstallment);
        }
    }

    /** {@code occurrences} periods of {@code length} months each, vesting on {@code dayOfMonth}; no cliff. */
    public static VestingPeriod months(int length, int occurrences, VestingDayOfMonth dayOfMonth) {
        return new VestingPeriod(length, VestingPeriodType.MONTHS, occurrences, dayOfMonth, null);
    }

    /** {@code occurrences} periods of {@code length} days each; no cliff. */
    public static VestingPeriod days(int length, int occurrences) {
        return new VestingPeriod(length, VestingPeriodType.DAYS, occurrences, null, null);
    }

    /** @return this period with its cliff at the given 1-based occurrence */
    public VestingPeriod withCliffInstallment(int installment) {
        return new VestingPeriod(length, type, occurrences, dayOfMonth, installment);
    }

    /** @return the 1-based occurrence that pays out the cliff, or 1 when there is no cliff */
    public int cliffOccurrence() {
        return cliffInstallment == null || cliffInstallment < 2 ? 1 : cliffInstallment;
    }
}
