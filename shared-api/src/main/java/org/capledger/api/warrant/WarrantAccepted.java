package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** The holder accepted the warrant. */
@Revision("1")
public record WarrantAccepted(IssuerId issuerId,
                               SecurityId securityId,
                               LocalDate date) implements WarrantTransaction {

    @Override
    public String kind() {
        return "ACCEPTANCE";
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
