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
 * Stock class {@code stockClassId} was split at {@code ratio}; see {@link SplitStockClass}. Each entry of
 * {@code splits} names an extinguished security and the one that replaced it.
 */
@Revision("1")
public record StockClassSplit(IssuerId issuerId,
                              StockClassId stockClassId,
                              LocalDate date,
                              Ratio ratio,
                              Quantity newSharesAuthorized,
                              String comments,
                              List<Replacement> splits) implements StockTransaction {

    /** @param sourceSecurityId the security before the split; @param resultingSecurity its replacement */
    public record Replacement(SecurityId sourceSecurityId, ResultingSecurity resultingSecurity) {
    }

    @Override
    public String kind() {
        return "SPLIT";
    }

    @Override
    public List<SecurityId> sourceSecurityIds() {
        return splits.stream().map(Replacement::sourceSecurityId).toList();
    }

    @Override
    public List<SecurityId> resultsOf(SecurityId source) {
        return splits.stream().filter(r -> r.sourceSecurityId().equals(source))
                .map(r -> r.resultingSecurity().securityId()).toList();
    }

    @Override
    public List<ResultingSecurity> newSecurities() {
        return splits.stream().map(Replacement::resultingSecurity).toList();
    }
}
