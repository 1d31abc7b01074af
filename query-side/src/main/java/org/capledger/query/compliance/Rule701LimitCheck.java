package org.capledger.query.compliance;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.capledger.api.value.Money;

/**
 * One of the three limits applied to a window.
 *
 * @param limit              which limit
 * @param amount             the limit in USD for (i) and (ii); {@code null} for (iii), which is in securities and
 *                           per class (see {@link Rule701Window#classes()})
 * @param utilizationPercent the window's use of the limit × 100, to two decimal places (half up), for reading only:
 *                           aggregate sales price ÷ limit for (i) and (ii), the highest class's amount sold ÷ its
 *                           limit for (iii); {@code null} when the limit is zero and something was sold
 * @param satisfied          the window's sales do not exceed this limit (for (iii): in every class sold)
 */
public record Rule701LimitCheck(Rule701Limit limit,
                                Money amount,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal utilizationPercent,
                                boolean satisfied) {
}
