package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;

import org.capledger.api.value.Ratio;

/**
 * {@code quantity} shares of {@code securityId} were converted at {@code ratio} into {@code resultingSecurities};
 * see {@link ConvertStock}.
 */
@Revision("1")
public record StockConverted(IssuerId issuerId,
                             SecurityId securityId,
                             LocalDate date,
                             Quantity quantity,
                             StockClassId toStockClassId,
                             Ratio ratio,
                             List<ResultingSecurity> resultingSecurities,
                             ResultingSecurity balance) implements StockTransaction {

    @Override
    public String kind() {
        return "CONVERSION";
    }

    @Override
    public List<SecurityId> sourceSecurityIds() {
        return List.of(securityId);
    }

    @Override
    public List<ResultingSecurity> newSecurities() {
        return StockTransferred.withBalance(resultingSecurities, balance);
    }
}
