package org.capledger.api.vesting;

/**
 * The unit of a {@link VestingPeriod}: the two values of OCF 1.2 {@code enums/PeriodType} that vesting periods
 * allow ({@code types/vesting/VestingPeriodInDays} and {@code VestingPeriodInMonths}; OCF has no vesting period in
 * {@code YEARS}: calendar years are 12 months, "ideal" years 365 days).
 */
public enum VestingPeriodType {
    /** Days. */
    DAYS,
    /** Calendar months; the day within the month is set by {@link VestingDayOfMonth}. */
    MONTHS
}
