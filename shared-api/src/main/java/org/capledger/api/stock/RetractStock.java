package org.capledger.api.stock;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/**
 * Retracts a stock issuance: it is void, as if it had never been validly made (OCF StockRetraction). Only an
 * issuance no transaction has acted on can be retracted, and only in whole.
 *
 * @param date   when the retraction was decided; the issuance is void from its own issue date
 * @param reason why (OCF {@code reason_text}), required
 */
public record RetractStock(@TargetAggregateIdentifier IssuerId issuerId,
                           SecurityId securityId,
                           LocalDate date,
                           String reason) implements CapTableCommand {
}
