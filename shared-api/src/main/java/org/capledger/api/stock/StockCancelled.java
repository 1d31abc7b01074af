package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** Shares of {@code securityId} were cancelled; see {@link CancelStock}. */
@Revision("1")
public record StockCancelled(IssuerId issuerId,
                             SecurityId securityId,
                             LocalDate date,
                             Quantity quantity,
                             String reason,
                             ResultingSecurity balance) implements StockTransaction {

    @Override
    public String kind() {
        return "CANCELLATION";
    }

    @Override
    public List<SecurityId> sourceSecurityIds() {
        return List.of(securityId);
    }

    @Override
    public List<ResultingSecurity> newSecurities() {
        return StockTransferred.withBalance(List.of(), balance);
    }
}
