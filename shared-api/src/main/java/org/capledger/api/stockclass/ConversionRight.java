package org.capledger.api.stockclass;

import org.capledger.api.value.Ratio;
import org.capledger.api.value.StockClassId;

/**
 * A stock class's right to convert into another class at a ratio (OCF 1.2 {@code types/conversion_rights/
 * StockClassConversionRight} with a {@code RatioConversionMechanism}).
 *
 * @param convertsToStockClassId the class converted into; it must exist when the right is granted
 * @param ratio                  target shares per source share, e.g. {@code 1:1}
 * @param roundingType           how a fractional result is rounded when the target class has no fractional
 *                               shares; default NORMAL
 */
public record ConversionRight(StockClassId convertsToStockClassId, Ratio ratio, Ratio.RoundingType roundingType) {

    public ConversionRight {
        if (roundingType == null) {
            roundingType = Ratio.RoundingType.NORMAL;
        }
    }
}
