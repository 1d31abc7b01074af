package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** Vesting of the grant was accelerated; see {@link AccelerateVesting}. */
@Revision("1")
public record VestingAccelerated(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Quantity quantity,
                     String reason) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "VESTING_ACCELERATION";
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
