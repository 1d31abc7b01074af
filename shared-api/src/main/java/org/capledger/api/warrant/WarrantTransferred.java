package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;

/** A warrant went to {@code toStakeholderId} as {@code transferred}; see {@link TransferWarrant}. */
@Revision("1")
public record WarrantTransferred(IssuerId issuerId,
                                  SecurityId securityId,
                                  LocalDate date,
                                  StakeholderId toStakeholderId,
                                  String consideration,
                                  ResultingGrant transferred) implements WarrantTransaction {

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
