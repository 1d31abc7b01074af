package org.capledger.api.convertible;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableCommand;
import org.capledger.api.CapTableEvent;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/** Cancels a whole convertible, e.g. repaid (OCF ConvertibleCancellation). */
public record CancelConvertible(@TargetAggregateIdentifier IssuerId issuerId,
                                 SecurityId securityId,
                                 LocalDate date,
                                 String reason) implements CapTableCommand {
}
