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

/** Vesting of the grant started; see {@link StartVesting}. */
@Revision("1")
public record VestingStarted(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     String vestingConditionId) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "VESTING_START";
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
