package org.capledger.ledger;

import java.time.LocalDate;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/**
 * A stock class's terms as the ledger knows them; {@code createdOn} is the effective date of its creation and
 * {@code securitiesIssued} counts the labels handed out so far (the next label is number securitiesIssued + 1).
 */
public record StockClassRecord(StockClassId stockClassId,
                               String name,
                               StockClassType classType,
                               String certificatePrefix,
                               Money parValue,
                               Quantity votesPerShare,
                               int seniority,
                               boolean fractionalSharesAllowed,
                               LocalDate createdOn,
                               long securitiesIssued) {

    StockClassRecord withSecuritiesIssued(long count) {
        return new StockClassRecord(stockClassId, name, classType, certificatePrefix, parValue, votesPerShare,
                seniority, fractionalSharesAllowed, createdOn, count);
    }

    String nextLabel() {
        return certificatePrefix + (securitiesIssued + 1);
    }
}
