package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** {@code securityIds} were combined into {@code resultingSecurity}; see {@link ConsolidateStock}. */
@Revision("1")
public record StockConsolidated(IssuerId issuerId,
                                List<SecurityId> securityIds,
                                LocalDate date,
                                String reason,
                                ResultingSecurity resultingSecurity) implements StockTransaction {

    @Override
    public String kind() {
        return "CONSOLIDATION";
    }

    @Override
    public List<SecurityId> sourceSecurityIds() {
        return List.copyOf(securityIds);
    }

    @Override
    public List<ResultingSecurity> newSecurities() {
        return List.of(resultingSecurity);
    }
}
