package org.capledger.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/**
 * A stock class's terms as the ledger knows them; {@code createdOn} is the effective date of its creation,
 * {@code securitiesIssued} counts the securities of the class so far (a label the ledger allots itself is the
 * certificate prefix and the first number above that count that no security of the issuer carries yet), and
 * {@code lastSplitOn} is the effective date of its latest split, or {@code null}.
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
                               long securitiesIssued,
                               List<ConversionRight> conversionRights,
                               LocalDate lastSplitOn) {

    public StockClassRecord {
        conversionRights = conversionRights == null ? List.of() : List.copyOf(conversionRights);
    }

    StockClassRecord withSecuritiesIssued(long count) {
        return new StockClassRecord(stockClassId, name, classType, certificatePrefix, parValue, votesPerShare,
                seniority, fractionalSharesAllowed, createdOn, count, conversionRights, lastSplitOn);
    }

    StockClassRecord withConversionRights(List<ConversionRight> rights) {
        return new StockClassRecord(stockClassId, name, classType, certificatePrefix, parValue, votesPerShare,
                seniority, fractionalSharesAllowed, createdOn, securitiesIssued, rights, lastSplitOn);
    }

    StockClassRecord withLastSplitOn(LocalDate date) {
        return new StockClassRecord(stockClassId, name, classType, certificatePrefix, parValue, votesPerShare,
                seniority, fractionalSharesAllowed, createdOn, securitiesIssued, conversionRights, date);
    }

    /** @return this class's conversion right into {@code target}, if it has one */
    public Optional<ConversionRight> conversionRightInto(StockClassId target) {
        return conversionRights.stream().filter(r -> r.convertsToStockClassId().equals(target)).findFirst();
    }
}
