package org.capledger.api.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;

import org.capledger.api.value.Ratio;

/**
 * Stock class {@code stockClassId} was split at {@code ratio}; see {@link SplitStockClass}. Each entry of
 * {@code splits} names an extinguished security and the one that replaced it. The split also adjusts, in place,
 * what is outstanding over shares of the class: grants and warrants ({@code grantAdjustments},
 * {@code warrantAdjustments}: quantity times the ratio rounded down, price divided by it) and the pools of plans
 * granting the class ({@code poolAdjustments}). These three lists are empty (or null in events recorded before they
 * existed) when there was nothing to adjust.
 */
@Revision("1")
public record StockClassSplit(IssuerId issuerId,
                              StockClassId stockClassId,
                              LocalDate date,
                              Ratio ratio,
                              Quantity newSharesAuthorized,
                              String comments,
                              List<Replacement> splits,
                              List<Adjustment> grantAdjustments,
                              List<Adjustment> warrantAdjustments,
                              List<PoolAdjustment> poolAdjustments) implements StockTransaction {

    public StockClassSplit {
        grantAdjustments = grantAdjustments == null ? List.of() : List.copyOf(grantAdjustments);
        warrantAdjustments = warrantAdjustments == null ? List.of() : List.copyOf(warrantAdjustments);
        poolAdjustments = poolAdjustments == null ? List.of() : List.copyOf(poolAdjustments);
    }

    /**
     * A grant or warrant over the class, adjusted for the split.
     *
     * @param newQuantity null for a warrant without a set quantity
     * @param newPrice    the exercise price per share after the split, or null when it has none
     */
    public record Adjustment(SecurityId securityId, Quantity newQuantity, Money newPrice) {
    }

    /**
     * A plan's pool adjusted for the split: {@code newSharesReserved} in force from the split, and what the pool
     * has given out grows by {@code consumedChange}.
     */
    public record PoolAdjustment(StockPlanId stockPlanId, Quantity newSharesReserved, BigDecimal consumedChange) {
    }

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
