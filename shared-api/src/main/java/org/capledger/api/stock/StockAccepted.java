package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** The holder accepted {@code securityId}; see {@link AcceptStock}. Not terminal: the security stays as it is. */
@Revision("1")
public record StockAccepted(IssuerId issuerId,
                            SecurityId securityId,
                            LocalDate date) implements StockTransaction {

    @Override
    public String kind() {
        return "ACCEPTANCE";
    }

    @Override
    public List<SecurityId> sourceSecurityIds() {
        return List.of();
    }

    @Override
    public List<ResultingSecurity> newSecurities() {
        return List.of();
    }
}
