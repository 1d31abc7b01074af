package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** A warrant was cancelled; see {@link CancelWarrant}. */
@Revision("1")
public record WarrantCancelled(IssuerId issuerId,
                                SecurityId securityId,
                                LocalDate date,
                                Quantity quantity,
                                String reason,
                                ResultingGrant balance) implements WarrantTransaction {

    @Override
    public String kind() {
        return "CANCELLATION";
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
