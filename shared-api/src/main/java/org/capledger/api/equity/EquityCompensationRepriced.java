package org.capledger.api.equity;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.SecurityId;

/** A grant's exercise price changed; see {@link RepriceEquityCompensation}. */
@Revision("1")
public record EquityCompensationRepriced(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Money newExercisePrice) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "REPRICING";
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
