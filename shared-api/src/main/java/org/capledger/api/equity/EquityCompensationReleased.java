package org.capledger.api.equity;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** RSUs were released as stock; see {@link ReleaseEquityCompensation}. */
@Revision("1")
public record EquityCompensationReleased(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     Quantity quantity,
                     LocalDate settlementDate,
                     Money releasePrice,
                     List<ResultingSecurity> resultingStock,
                     ResultingGrant balance) implements EquityCompensationTransaction {

    @Override
    public String kind() {
        return "RELEASE";
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
