package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** The holder accepted the convertible. */
@Revision("1")
public record ConvertibleAccepted(IssuerId issuerId,
                                   SecurityId securityId,
                                   LocalDate date) implements ConvertibleTransaction {

    @Override
    public String kind() {
        return "ACCEPTANCE";
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
