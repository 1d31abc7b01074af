package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/**
 * Combines two or more securities of one holder in one class into a single new security (OCF
 * StockConsolidation).
 *
 * @param securityIds   the securities combined; at least two, all outstanding, one holder, one class
 * @param newSecurityId id of the combined security
 * @param reason        why, optional
 */
public record ConsolidateStock(@TargetAggregateIdentifier IssuerId issuerId,
                               List<SecurityId> securityIds,
                               LocalDate date,
                               SecurityId newSecurityId,
                               String reason) implements CapTableCommand {
}
