package org.capledger.api.issuer;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;

/**
 * Sets the issuer-wide number of authorized shares from {@code date} on (OCF 1.2
 * {@code IssuerAuthorizedSharesAdjustment}). Refused when outstanding shares across all classes would exceed it
 * at that date or any later one.
 *
 * @param newSharesAuthorized     the new total, replacing the previous one
 * @param boardApprovalDate       date the board approved, optional
 * @param stockholderApprovalDate date the stockholders approved, optional
 * @param comments                free text, optional
 */
public record AdjustIssuerAuthorizedShares(@TargetAggregateIdentifier IssuerId issuerId,
                                           LocalDate date,
                                           Quantity newSharesAuthorized,
                                           LocalDate boardApprovalDate,
                                           LocalDate stockholderApprovalDate,
                                           String comments) implements CapTableCommand {
}
