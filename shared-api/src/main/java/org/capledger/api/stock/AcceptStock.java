package org.capledger.api.stock;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** Records that the holder accepted a stock security (OCF StockAcceptance); it changes no quantity. */
public record AcceptStock(@TargetAggregateIdentifier IssuerId issuerId,
                          SecurityId securityId,
                          LocalDate date) implements CapTableCommand {
}
