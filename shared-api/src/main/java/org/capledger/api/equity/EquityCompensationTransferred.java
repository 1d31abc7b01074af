package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;

/** A grant went whole to {@code toStakeholderId} as {@code transferred}; see {@link TransferEquityCompensation}. */
@Revision("1")
public record EquityCompensationTransferred(IssuerId issuerId,
                                            SecurityId securityId,
                                            LocalDate date,
                                            StakeholderId toStakeholderId,
                                            String consideration,
                                            ResultingGrant transferred) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "TRANSFER";
    }

    @Override
    public boolean terminal() {
        return true;
    }

    @Override
    public ResultingGrant balance() {
        return transferred;
    }
}
