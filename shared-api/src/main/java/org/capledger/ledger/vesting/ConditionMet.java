package org.capledger.ledger.vesting;

import java.time.LocalDate;

/**
 * A vesting condition on the route a security's vesting took.
 *
 * @param conditionId the condition's id in the vesting terms
 * @param firstDate   when it was met (its first occurrence, for a repeating condition)
 * @param lastDate    when its last occurrence was met; the same as {@code firstDate} unless it repeats. Conditions
 *                    after it, and conditions relative to it, count from this date
 */
public record ConditionMet(String conditionId, LocalDate firstDate, LocalDate lastDate) {
}
