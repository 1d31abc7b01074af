package org.capledger.command.http;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.TerminationExerciseWindow;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.vesting.VestingTerms;

/**
 * Request bodies for stock plans and equity compensation (OCF 1.2 StockPlan, EquityCompensationIssuance and the
 * transactions on it). Ids of new securities are optional; left out, the server allots random ones.
 */
public final class GrantRequests {

    private GrantRequests() {
    }

    @Schema(description = "A stock plan (OCF StockPlan)")
    public record CreateStockPlanRequest(
            @Schema(example = "2020-01-01", description = "Effective date of adoption") @NotNull LocalDate date,
            @Schema(example = "2020 Equity Incentive Plan") @NotBlank @Size(max = 200) String planName,
            LocalDate boardApprovalDate,
            LocalDate stockholderApprovalDate,
            @Schema(type = "string", example = "1000000") @NotNull Quantity initialSharesReserved,
            @Schema(description = "Default RETURN_TO_POOL") CancellationBehavior defaultCancellationBehavior,
            @NotEmpty @Size(max = 20) List<@NotNull StockClassId> stockClassIds) {
    }

    @Schema(description = "A new pool size from the date on (OCF StockPlanPoolAdjustment)")
    public record PoolAdjustmentRequest(
            @Schema(example = "2023-01-01") @NotNull LocalDate date,
            @Schema(type = "string", example = "1500000") @NotNull Quantity sharesReserved,
            LocalDate boardApprovalDate,
            LocalDate stockholderApprovalDate,
            @Size(max = 2000) String comments) {
    }

    @Schema(description = "A grant of options, RSUs or SARs (OCF EquityCompensationIssuance)")
    public record GrantRequest(
            @Schema(example = "2021-01-15", description = "Grant date") @NotNull LocalDate date,
            @Schema(type = "string") @NotNull StakeholderId stakeholderId,
            @Schema(type = "string", description = "The plan granted from; omit for a grant outside any plan")
            StockPlanId stockPlanId,
            @Schema(type = "string") @NotNull StockClassId stockClassId,
            @Schema(example = "OPTION_ISO") @NotNull CompensationType compensationType,
            @Schema(type = "string", example = "4800") @NotNull Quantity quantity,
            @Schema(description = "Per share; required for options") Money exercisePrice,
            @Schema(description = "Per share; SARs") Money basePrice,
            @Schema(description = "Whether unvested shares may be exercised; default false") Boolean earlyExercisable,
            @Schema(description = "OCF vesting terms; omit for a grant vested in full when made") @Valid
            VestingTerms vestingTerms,
            @Schema(example = "2021-01-15", description = "Vesting commencement (OCF VestingStart)")
            LocalDate vestingStartDate,
            @Schema(example = "2031-01-14") @NotNull LocalDate expirationDate,
            @Size(max = 20) List<@NotNull TerminationExerciseWindow> terminationExerciseWindows,
            LocalDate boardApprovalDate,
            @Size(max = 2000) String consideration,
            @Schema(type = "string", description = "Id for the grant; default: random") SecurityId securityId) {
    }

    @Schema(description = "An option exercise (OCF EquityCompensationExercise)")
    public record ExerciseRequest(
            @Schema(example = "2022-03-01") @NotNull LocalDate date,
            @Schema(type = "string", example = "1000") @NotNull Quantity quantity,
            @Schema(example = "USD 500 by wire") @Size(max = 2000) String consideration,
            @Schema(type = "string", description = "Id for the stock issued; default: random") SecurityId resultingSecurityId,
            @Schema(type = "string", description = "Id for the unexercised balance; default: random")
            SecurityId balanceSecurityId) {
    }

    @Schema(description = "An RSU release (OCF EquityCompensationRelease)")
    public record ReleaseRequest(
            @Schema(example = "2022-03-01") @NotNull LocalDate date,
            @Schema(type = "string", example = "100") @NotNull Quantity quantity,
            LocalDate settlementDate,
            Money releasePrice,
            @Schema(type = "string") SecurityId resultingSecurityId,
            @Schema(type = "string") SecurityId balanceSecurityId) {
    }

    @Schema(description = "A cancellation, e.g. forfeiture of unvested shares (OCF EquityCompensationCancellation)")
    public record GrantCancellationRequest(
            @Schema(example = "2022-06-15") @NotNull LocalDate date,
            @Schema(type = "string", example = "3100") @NotNull Quantity quantity,
            @Schema(example = "Left the company; unvested shares forfeited") @NotBlank @Size(max = 2000) String reason,
            @Schema(type = "string") SecurityId balanceSecurityId) {
    }

    @Schema(description = "A grant voided as if never made (OCF EquityCompensationRetraction)")
    public record GrantRetractionRequest(@NotNull LocalDate date, @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "The holder accepted the grant")
    public record GrantAcceptanceRequest(@NotNull LocalDate date) {
    }

    @Schema(description = "A new exercise price (OCF EquityCompensationRepricing)")
    public record RepricingRequest(@NotNull LocalDate date, @NotNull Money newExercisePrice) {
    }

    @Schema(description = "Vesting starts, or an event-driven condition is met (OCF VestingStart, VestingEvent)")
    public record VestingConditionRequest(@NotNull LocalDate date,
                                          @Schema(example = "start") @NotBlank @Size(max = 100) String vestingConditionId) {
    }

    @Schema(description = "More shares vest at once (OCF VestingAcceleration)")
    public record AccelerationRequest(@NotNull LocalDate date,
                                      @Schema(type = "string", example = "1200") @NotNull Quantity quantity,
                                      @Schema(example = "Single trigger on acquisition") @NotBlank @Size(max = 2000)
                                      String reason) {
    }

    @Schema(description = "Cancelled shares back to the plan's pool (OCF StockPlanReturnToPool)")
    public record ReturnToPoolRequest(@NotNull LocalDate date,
                                      @Schema(type = "string", example = "1000") @NotNull Quantity quantity,
                                      @Size(max = 2000) String reason) {
    }
}
