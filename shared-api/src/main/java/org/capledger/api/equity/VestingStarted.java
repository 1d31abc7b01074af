package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** Vesting of the grant started; see {@link StartVesting}. */
@Revision("1")
public record VestingStarted(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     String vestingConditionId) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "VESTING_START";
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
