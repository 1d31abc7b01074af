package org.capledger.api.convertible;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.capledger.api.value.Money;
import org.capledger.api.value.StockClassId;

/**
 * How a convertible converts (the common parts of OCF 1.2's SAFE and note conversion mechanisms).
 *
 * @param stockClassId    the class it is expected to convert into, if known
 * @param valuationCap    the cap on the valuation used for conversion, if any
 * @param discount        the conversion discount as a fraction (0.2 is 20%), if any; 0 to 1
 * @param timing          PRE_MONEY or POST_MONEY cap (SAFEs)
 * @param conversionPrice a fixed price per share, when known: the convertible then counts as converted in the
 *                        fully diluted cap table (investment, plus interest for notes, divided by it, rounded down)
 * @param interestRate    yearly simple interest as a fraction (notes), if any
 * @param maturityDate    when a note falls due, if any
 */
public record ConversionTerms(StockClassId stockClassId, Money valuationCap, BigDecimal discount,
                              ConversionTiming timing, Money conversionPrice, BigDecimal interestRate,
                              LocalDate maturityDate) {
}
