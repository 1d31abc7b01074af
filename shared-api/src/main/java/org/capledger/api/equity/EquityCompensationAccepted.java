package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** The holder accepted the grant. */
@Revision("1")
public record EquityCompensationAccepted(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "ACCEPTANCE";
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
