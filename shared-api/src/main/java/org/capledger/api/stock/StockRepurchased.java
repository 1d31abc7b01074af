package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** Shares of {@code securityId} were repurchased by the issuer; see {@link RepurchaseStock}. */
@Revision("1")
public record StockRepurchased(IssuerId issuerId,
                               SecurityId securityId,
                               LocalDate date,
                               Quantity quantity,
                               Money price,
                               String consideration,
                               ResultingSecurity balance) implements StockTransaction {

    @Override
    public String kind() {
        return "REPURCHASE";
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
