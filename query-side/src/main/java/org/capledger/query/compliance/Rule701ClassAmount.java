package org.capledger.query.compliance;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;

/**
 * One class's sales in a window against the (d)(3)(iii) limit.
 *
 * @param stockClassId       the class
 * @param name               its name
 * @param amountSold         securities of the class sold in the window (options and units as the securities they
 *                           deliver)
 * @param salesPrice         their aggregate sales price in USD
 * @param outstanding        the class's outstanding amount at the balance sheet date
 * @param limit              15% of it, in securities
 * @param utilizationPercent amount sold ÷ limit × 100, to two decimal places (half up), for reading only; the
 *                           comparison itself is exact; {@code null} when the limit is zero and securities were sold
 * @param withinLimit        amount sold does not exceed the limit
 */
public record Rule701ClassAmount(StockClassId stockClassId,
                                 String name,
                                 Quantity amountSold,
                                 Money salesPrice,
                                 Quantity outstanding,
                                 Quantity limit,
                                 @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal utilizationPercent,
                                 boolean withinLimit) {
}
