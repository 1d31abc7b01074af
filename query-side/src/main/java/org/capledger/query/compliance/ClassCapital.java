package org.capledger.query.compliance;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;

/**
 * One stock class's line of the assumed par value capital method, for one period of the tax year.
 *
 * @param stockClassId     the class
 * @param name             the class's name
 * @param authorizedShares the class's authorized shares in the period
 * @param parValue         its par value in USD, or {@code null} for no par
 * @param valuePerShare    what each share counts for: the greater of par and assumed par for a par class, $100
 *                         for a no-par class (8 Del. C. §503(a)(2))
 * @param basis            {@code "par value"}, {@code "assumed par"} or {@code "no par: $100 per share"}
 * @param capital          authorized shares × value per share: the class's assumed par value capital, or its
 *                         assumed no-par capital for a no-par class
 */
public record ClassCapital(StockClassId stockClassId,
                           String name,
                           Quantity authorizedShares,
                           Money parValue,
                           Money valuePerShare,
                           String basis,
                           Money capital) {
}
