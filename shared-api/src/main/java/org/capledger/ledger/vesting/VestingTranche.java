package org.capledger.ledger.vesting;

import java.time.LocalDate;

import org.capledger.api.value.Quantity;

/**
 * Shares that vest on one date.
 *
 * @param date        the date on which they vest
 * @param quantity    how many; always more than 0
 * @param conditionId the vesting condition that vests them, or {@code null} for an acceleration
 */
public record VestingTranche(LocalDate date, Quantity quantity, String conditionId) {

    /** @return whether these shares vest by acceleration rather than by the vesting terms */
    public boolean accelerated() {
        return conditionId == null;
    }
}
