package org.capledger.api.vesting;

/** OCF 1.2 {@code enums/VestingTriggerType}: the kinds of {@link VestingTrigger}. */
public enum VestingTriggerType {
    /** {@link VestingTrigger.Start}: the security's vesting commencement ({@code TX_VESTING_START}). */
    VESTING_START_DATE,
    /** {@link VestingTrigger.Absolute}: a fixed calendar date. */
    VESTING_SCHEDULE_ABSOLUTE,
    /** {@link VestingTrigger.Relative}: a period after another condition was met, possibly repeating. */
    VESTING_SCHEDULE_RELATIVE,
    /** {@link VestingTrigger.Event}: an unscheduled event recorded for the security ({@code TX_VESTING_EVENT}). */
    VESTING_EVENT
}
