package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/** Records that the holder accepted a stock security (OCF StockAcceptance); it changes no quantity. */
public record AcceptStock(@TargetAggregateIdentifier IssuerId issuerId,
                          SecurityId securityId,
                          LocalDate date) implements CapTableCommand {
}
