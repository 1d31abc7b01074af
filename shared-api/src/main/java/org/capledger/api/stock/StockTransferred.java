package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/** Shares of {@code securityId} were transferred; see {@link TransferStock}. */
@Revision("1")
public record StockTransferred(IssuerId issuerId,
                               SecurityId securityId,
                               LocalDate date,
                               Quantity quantity,
                               String consideration,
                               List<ResultingSecurity> resultingSecurities,
                               ResultingSecurity balance) implements StockTransaction {

    @Override
    public String kind() {
        return "TRANSFER";
    }

    @Override
    public List<SecurityId> sourceSecurityIds() {
        return List.of(securityId);
    }

    @Override
    public List<ResultingSecurity> newSecurities() {
        return withBalance(resultingSecurities, balance);
    }

    static List<ResultingSecurity> withBalance(List<ResultingSecurity> resulting, ResultingSecurity balance) {
        List<ResultingSecurity> all = new ArrayList<>(resulting);
        if (balance != null) {
            all.add(balance);
        }
        return List.copyOf(all);
    }
}
