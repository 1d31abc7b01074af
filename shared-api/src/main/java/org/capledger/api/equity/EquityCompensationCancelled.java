package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * A grant was cancelled in whole or part; see {@link CancelEquityCompensation}.
 *
 * @param returnedToPool shares that went back to the plan's pool at once (RETURN_TO_POOL), else zero
 */
@Revision("1")
public record EquityCompensationCancelled(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Quantity quantity,
                     String reason,
                     Quantity returnedToPool,
                     ResultingGrant balance) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "CANCELLATION";
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
