package org.capledger.query.compliance;

import java.util.List;

import org.capledger.api.value.Money;
import org.capledger.api.value.StockClassId;

/**
 * A stock class as the Delaware franchise tax sees it: its par value and the history of its authorized shares.
 *
 * @param stockClassId     the class
 * @param name             the class's name, for the report
 * @param parValue         par value per share in USD, or {@code null} for shares without par value
 * @param authorizedShares the class's authorized share counts with the dates they took effect, in any order; the
 *                         count in force on a day is the latest one effective on or before it, and a class has none
 *                         before its first. Changes before the tax year give the count on 1 January; changes after
 *                         it are ignored. At least one entry.
 */
public record FranchiseTaxStockClass(StockClassId stockClassId,
                                     String name,
                                     Money parValue,
                                     List<AuthorizedSharesChange> authorizedShares) {

    public FranchiseTaxStockClass {
        authorizedShares = authorizedShares == null ? List.of() : List.copyOf(authorizedShares);
    }
}
