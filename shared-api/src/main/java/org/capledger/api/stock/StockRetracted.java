package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/**
 * Issuance {@code securityId} was retracted; see {@link RetractStock}. {@code voidFrom} is the retracted
 * security's issue date: an as-of view of any date from then on no longer counts it.
 */
@Revision("1")
public record StockRetracted(IssuerId issuerId,
                             SecurityId securityId,
                             LocalDate date,
                             String reason,
                             LocalDate voidFrom) implements StockTransaction {

    @Override
    public String kind() {
        return "RETRACTION";
    }

    @Override
    public LocalDate appliesFrom() {
        return voidFrom;
    }

    @Override
    public List<SecurityId> sourceSecurityIds() {
        return List.of(securityId);
    }

    @Override
    public List<ResultingSecurity> newSecurities() {
        return List.of();
    }
}
