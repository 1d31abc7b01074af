package org.capledger.ledger.vesting;

import java.time.LocalDate;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * A vesting event that happened for a security (OCF 1.2 {@code objects/transactions/vesting/VestingEvent},
 * {@code TX_VESTING_EVENT}): it meets the condition {@code conditionId}, whose trigger must be
 * {@link org.capledger.api.vesting.VestingTrigger.Event}, on {@code date}.
 *
 * @param conditionId the condition's id in the security's vesting terms, required
 * @param date        the event's effective date, required
 */
public record VestingEventOccurrence(String conditionId, LocalDate date) {

    /** @throws CapledgerException INVALID_VALUE when a component is missing */
    public VestingEventOccurrence {
        if (conditionId == null || conditionId.isBlank()) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "a vesting event needs the condition it meets");
        }
        if (date == null) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "a vesting event needs a date");
        }
    }
}
