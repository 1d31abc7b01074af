package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** A vesting condition's event happened; see {@link RecordVestingEvent}. */
@Revision("1")
public record VestingEventRecorded(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     String vestingConditionId) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "VESTING_EVENT";
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
