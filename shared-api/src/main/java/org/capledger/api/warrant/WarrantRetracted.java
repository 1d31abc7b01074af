package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** A warrant was retracted, void from {@code voidFrom} (its issue date). */
@Revision("1")
public record WarrantRetracted(IssuerId issuerId,
                                SecurityId securityId,
                                LocalDate date,
                                String reason,
                                LocalDate voidFrom) implements WarrantTransaction {

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
