package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** A convertible was retracted, void from {@code voidFrom}. */
@Revision("1")
public record ConvertibleRetracted(IssuerId issuerId,
                                    SecurityId securityId,
                                    LocalDate date,
                                    String reason,
                                    LocalDate voidFrom) implements ConvertibleTransaction {

    @Override
    public String kind() {
        return "RETRACTION";
    }

    @Override
    public boolean terminal() {
        return true;
    }

    @Override
    public LocalDate appliesFrom() {
        return voidFrom;
    }
}
