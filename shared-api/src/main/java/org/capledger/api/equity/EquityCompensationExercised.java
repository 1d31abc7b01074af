package org.capledger.api.equity;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** An option was exercised; see {@link ExerciseEquityCompensation}. */
@Revision("1")
public record EquityCompensationExercised(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Quantity quantity,
                     String consideration,
                     List<ResultingSecurity> resultingStock,
                     ResultingGrant balance) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "EXERCISE";
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
