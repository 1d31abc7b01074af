package org.capledger.api.issuance;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/**
 * Issues shares of a stock class to a stakeholder as a new security. The ledger assigns its label from the
 * class's certificate prefix, numbered without gaps per class in recording order ({@code CS-1}, {@code CS-2}).
 *
 * @param quantity      shares issued; positive, whole unless the class allows fractional shares
 * @param pricePerShare price paid per share (may be zero)
 * @param consideration free text describing non-cash consideration, optional
 */
public record IssueStock(@TargetAggregateIdentifier IssuerId issuerId,
                         SecurityId securityId,
                         LocalDate date,
                         StakeholderId stakeholderId,
                         StockClassId stockClassId,
                         Quantity quantity,
                         Money pricePerShare,
                         String consideration) implements CapTableCommand {
}
