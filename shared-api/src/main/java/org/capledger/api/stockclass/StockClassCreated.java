package org.capledger.api.stockclass;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/** A stock class was created; see {@link CreateStockClass}. */
@Revision("1")
public record StockClassCreated(IssuerId issuerId,
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
                               List<ConversionRight> conversionRights) implements CapTableEvent {
}
