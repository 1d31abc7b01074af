package org.capledger.api.warrant;

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
 * Issues a warrant (OCF WarrantIssuance) over shares of {@code stockClassId}.
 *
 * @param quantity       shares it can buy; null when a formula decides it at exercise (then it is listed apart,
 *                       not counted, in the fully diluted cap table)
 * @param exercisePrice  per share; null when set by a formula
 * @param purchasePrice  what the holder paid for the warrant itself
 * @param expirationDate last day it can be exercised; null for none
 */
public record IssueWarrant(@TargetAggregateIdentifier IssuerId issuerId,
                            SecurityId securityId,
                            LocalDate date,
                            StakeholderId stakeholderId,
                            StockClassId stockClassId,
                            Quantity quantity,
                            Money exercisePrice,
                            Money purchasePrice,
                            LocalDate expirationDate,
                            String consideration) implements CapTableCommand {
}
