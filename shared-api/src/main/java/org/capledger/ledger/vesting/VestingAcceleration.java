package org.capledger.ledger.vesting;

import java.time.LocalDate;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Quantity;

/**
 * Shares of a security that vest ahead of its schedule (OCF 1.2
 * {@code objects/transactions/vesting/VestingAcceleration}, {@code TX_VESTING_ACCELERATION}).
 *
 * @param date     the effective date on which they vest, required
 * @param quantity how many shares, more than 0
 */
public record VestingAcceleration(LocalDate date, Quantity quantity) {

    /** @throws CapledgerException INVALID_VALUE without a date, INVALID_QUANTITY unless the quantity is positive */
    public VestingAcceleration {
        if (date == null) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "an acceleration needs a date");
        }
        if (quantity == null || !quantity.isPositive()) {
            throw new CapledgerException(ErrorCode.INVALID_QUANTITY, "an acceleration vests more than 0 shares");
        }
    }
}
