package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** A grant was retracted, void from {@code voidFrom} (its grant date). */
@Revision("1")
public record EquityCompensationRetracted(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     String reason,
                     LocalDate voidFrom) implements EquityCompensationTransaction {

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
