package org.capledger.api.warrant;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** A warrant was exercised; see {@link ExerciseWarrant}. */
@Revision("1")
public record WarrantExercised(IssuerId issuerId,
                                SecurityId securityId,
                                LocalDate date,
                                Quantity quantity,
                                String consideration,
                                List<ResultingSecurity> resultingStock,
                                ResultingGrant balance) implements WarrantTransaction {

    @Override
    public String kind() {
        return "EXERCISE";
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
