package org.capledger.api.equity;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.vesting.VestingTerms;

/** Equity compensation was granted as {@code securityLabel}; see {@link IssueEquityCompensation}. */
@Revision("1")
public record EquityCompensationIssued(IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
                     String securityLabel,
                     StakeholderId stakeholderId,
                     StockPlanId stockPlanId,
                     StockClassId stockClassId,
                     CompensationType compensationType,
                     Quantity quantity,
                     Money exercisePrice,
                     Money basePrice,
                     boolean earlyExercisable,
                     VestingTerms vestingTerms,
                     LocalDate vestingStartDate,
                     LocalDate expirationDate,
                     List<TerminationExerciseWindow> terminationExerciseWindows,
                     LocalDate boardApprovalDate,
                     String consideration) implements org.capledger.api.CapTableEvent {
}
