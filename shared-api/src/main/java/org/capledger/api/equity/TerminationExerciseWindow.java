package org.capledger.api.equity;

/**
 * How long after the holder's service ends, for a given reason, the grant can still be exercised (OCF 1.2
 * {@code types/TerminationWindow}).
 *
 * @param reason     e.g. VOLUNTARY_OTHER, INVOLUNTARY_DEATH
 * @param period     length, positive
 * @param periodType DAYS, MONTHS or YEARS
 */
public record TerminationExerciseWindow(Reason reason, int period, PeriodType periodType) {

    /** OCF {@code enums/TerminationWindowType}. */
    public enum Reason {
        VOLUNTARY_OTHER, VOLUNTARY_GOOD_CAUSE, VOLUNTARY_RETIREMENT, INVOLUNTARY_OTHER, INVOLUNTARY_DEATH,
        INVOLUNTARY_DISABILITY, INVOLUNTARY_WITH_CAUSE
    }

    /** OCF {@code enums/PeriodType}. */
    public enum PeriodType {
        DAYS, MONTHS, YEARS
    }
}
