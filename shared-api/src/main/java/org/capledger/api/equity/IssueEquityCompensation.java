package org.capledger.api.equity;

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
import org.capledger.api.value.StockPlanId;
import org.capledger.api.vesting.VestingTerms;

/**
 * Grants equity compensation (OCF EquityCompensationIssuance): an option, RSU or SAR over shares of
 * {@code stockClassId}, usually from a plan's pool.
 *
 * @param stockPlanId                the plan granted from; its pool must hold {@code quantity}; null for a grant
 *                                   outside any plan
 * @param stockClassId               the class the grant settles in; one of the plan's classes
 * @param quantity                   shares under the grant, positive
 * @param exercisePrice              per share; required for options, absent for RSUs
 * @param basePrice                  per share; SARs only
 * @param earlyExercisable           whether unvested shares may be exercised
 * @param vestingTerms               OCF vesting terms; null when the grant is vested in full when made
 * @param vestingStartDate           when its vesting starts (OCF VestingStart); may be recorded later instead
 * @param expirationDate             last day it can be exercised; on or after {@code date}
 * @param terminationExerciseWindows post-termination exercise windows, may be empty
 */
public record IssueEquityCompensation(@TargetAggregateIdentifier IssuerId issuerId,
                     SecurityId securityId,
                     LocalDate date,
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
                     String consideration) implements CapTableCommand {
}
