package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;

/**
 * Converts all or part of a stock security into shares of another class, by the conversion right the source
 * class has into that class (OCF StockConversion). The unconverted remainder goes to {@code balanceSecurityId}.
 *
 * @param quantity            source shares converted, positive, at most the security's
 * @param toStockClassId      the class converted into; the source class must have a conversion right into it
 * @param newSecurityId       id of the one resulting security in {@code toStockClassId}; {@code null} when
 *                            {@code resultingSecurities} is given
 * @param balanceSecurityId   id for the remainder; required exactly when shares remain
 * @param resultingSecurities optional: the converted shares divided among several new securities (OCF's
 *                            {@code resulting_security_ids}), whose quantities add up to exactly what the conversion
 *                            gives; {@code null} or empty for one security with {@code newSecurityId}
 */
public record ConvertStock(@TargetAggregateIdentifier IssuerId issuerId,
                           SecurityId securityId,
                           LocalDate date,
                           Quantity quantity,
                           StockClassId toStockClassId,
                           SecurityId newSecurityId,
                           SecurityId balanceSecurityId,
                           List<NewSecurity> resultingSecurities) implements CapTableCommand {

    /** A conversion into one new security, {@code newSecurityId}. */
    public ConvertStock(IssuerId issuerId, SecurityId securityId, LocalDate date, Quantity quantity,
                        StockClassId toStockClassId, SecurityId newSecurityId, SecurityId balanceSecurityId) {
        this(issuerId, securityId, date, quantity, toStockClassId, newSecurityId, balanceSecurityId, null);
    }

    /** @param securityId the new security's id; @param quantity its shares of the target class, positive */
    public record NewSecurity(SecurityId securityId, Quantity quantity) {
    }
}
