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
