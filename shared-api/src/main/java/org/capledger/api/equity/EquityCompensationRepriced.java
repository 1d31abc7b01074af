package org.capledger.api.equity;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.vesting.VestingTerms;

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
