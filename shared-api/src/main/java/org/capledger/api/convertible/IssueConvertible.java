package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;

/**
 * Issues a convertible (OCF ConvertibleIssuance): a SAFE, a note or another convertible security.
 *
 * @param investmentAmount what the holder invested
 * @param terms            how it converts; may be null
 * @param seniority        rank among convertibles in a liquidation, higher is more senior; at least 1
 */
public record IssueConvertible(@TargetAggregateIdentifier IssuerId issuerId,
                                SecurityId securityId,
                                LocalDate date,
                                StakeholderId stakeholderId,
                                ConvertibleType convertibleType,
                                Money investmentAmount,
                                ConversionTerms terms,
                                int seniority,
                                boolean proRata,
                                String consideration) implements CapTableCommand {
}
