package org.capledger.api.stockclass;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.StockClassId;

/**
 * Changes the ratio at which a stock class converts into another, from {@code date} on (OCF
 * StockClassConversionRatioAdjustment), e.g. after an anti-dilution adjustment.
 *
 * @param stockClassId           the class whose conversion right changes
 * @param convertsToStockClassId the target class of that right
 * @param newRatio               target shares per source share from {@code date}
 * @param comments               optional
 */
public record AdjustConversionRatio(@TargetAggregateIdentifier IssuerId issuerId,
                                    StockClassId stockClassId,
                                    LocalDate date,
                                    StockClassId convertsToStockClassId,
                                    Ratio newRatio,
                                    String comments) implements CapTableCommand {
}
