package org.capledger.api.stockclass;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/**
 * Creates a stock class from {@code date} on.
 *
 * @param name                    unique within the issuer, 1 to 200 characters
 * @param classType               COMMON or PREFERRED
 * @param certificatePrefix       prefix of security labels, unique within the issuer, e.g. {@code CS-} gives
 *                                {@code CS-1}, {@code CS-2}, ...; 1 to 16 letters, digits or {@code -}
 * @param parValue                par value per share; {@code null} for no-par stock
 * @param votesPerShare           votes each share carries (0 for non-voting)
 * @param seniority               liquidation seniority, higher is more senior; at least 1
 * @param initialSharesAuthorized authorized shares of the class from {@code date}
 * @param fractionalSharesAllowed whether quantities of this class may have decimal places
 * @param conversionRights        rights to convert into other classes; {@code null} or empty for none
 */
public record CreateStockClass(@TargetAggregateIdentifier IssuerId issuerId,
                               StockClassId stockClassId,
                               LocalDate date,
                               String name,
                               StockClassType classType,
                               String certificatePrefix,
                               Money parValue,
                               Quantity votesPerShare,
                               int seniority,
                               Quantity initialSharesAuthorized,
                               boolean fractionalSharesAllowed,
                               List<ConversionRight> conversionRights) implements CapTableCommand {
}
