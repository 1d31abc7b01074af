package org.capledger.api.warrant;

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

/** Cancels all or part of a warrant (OCF WarrantCancellation). */
public record CancelWarrant(@TargetAggregateIdentifier IssuerId issuerId,
                             SecurityId securityId,
                             LocalDate date,
                             Quantity quantity,
                             String reason,
                             SecurityId balanceSecurityId) implements CapTableCommand {
}
