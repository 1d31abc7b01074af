package org.capledger.command.http;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/** Request bodies for warrants and convertibles (OCF 1.2). New ids are optional; the server allots random ones. */
public final class InstrumentRequests {

    private InstrumentRequests() {
    }

    @Schema(description = "A warrant (OCF WarrantIssuance)")
    public record WarrantRequest(
            @Schema(example = "2022-05-01") @NotNull LocalDate date,
            @Schema(type = "string") @NotNull StakeholderId stakeholderId,
            @Schema(type = "string", description = "The class it buys") @NotNull StockClassId stockClassId,
            @Schema(type = "string", example = "5000", description = "Omit when a formula decides it")
            Quantity quantity,
            Money exercisePrice,
            @NotNull Money purchasePrice,
            @Schema(example = "2032-05-01") LocalDate expirationDate,
            @Size(max = 2000) String consideration,
            @Schema(type = "string") SecurityId securityId) {
    }

    @Schema(description = "A warrant exercise (OCF WarrantExercise)")
    public record WarrantExerciseRequest(@NotNull LocalDate date,
                                         @Schema(type = "string", example = "5000") @NotNull Quantity quantity,
                                         @Size(max = 2000) String consideration,
                                         @Schema(type = "string") SecurityId resultingSecurityId,
                                         @Schema(type = "string") SecurityId balanceSecurityId) {
    }

    @Schema(description = "A warrant cancellation (OCF WarrantCancellation)")
    public record WarrantCancellationRequest(@NotNull LocalDate date,
                                             @Schema(type = "string", description = "Omit for the whole warrant")
                                             Quantity quantity,
                                             @NotBlank @Size(max = 2000) String reason,
                                             @Schema(type = "string") SecurityId balanceSecurityId) {
    }

    @Schema(description = "A whole warrant or convertible transferred to another stakeholder")
    public record InstrumentTransferRequest(@NotNull LocalDate date,
                                            @Schema(type = "string") @NotNull StakeholderId toStakeholderId,
                                            @Size(max = 2000) String consideration,
                                            @Schema(type = "string") SecurityId newSecurityId) {
    }

    @Schema(description = "A retraction or cancellation of a whole security, with its reason")
    public record ReasonRequest(@NotNull LocalDate date, @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "The holder accepted the security")
    public record InstrumentAcceptanceRequest(@NotNull LocalDate date) {
    }

    @Schema(description = "A convertible: SAFE, note or other (OCF ConvertibleIssuance)")
    public record ConvertibleRequest(
            @Schema(example = "2022-05-01") @NotNull LocalDate date,
            @Schema(type = "string") @NotNull StakeholderId stakeholderId,
            @Schema(example = "SAFE") @NotNull ConvertibleType convertibleType,
            @NotNull Money investmentAmount,
            @Schema(description = "stockClassId, valuationCap, discount (0.2 = 20%), timing (PRE_MONEY, POST_MONEY), "
                    + "conversionPrice (fixed price per share, counts it as converted), interestRate, maturityDate")
            ConversionTerms terms,
            @Schema(example = "1", description = "Default 1") @Min(1) @Max(1000) Integer seniority,
            Boolean proRata,
            @Size(max = 2000) String consideration,
            @Schema(type = "string") SecurityId securityId) {
    }

    @Schema(description = "A convertible's conversion into stock (OCF ConvertibleConversion)")
    public record ConversionIntoStockRequest(
            @NotNull LocalDate date,
            @Schema(type = "string") @NotNull StockClassId stockClassId,
            @Schema(type = "string", example = "125000", description = "Shares issued, as the financing computed them")
            @NotNull Quantity quantity,
            @Schema(example = "Series A financing") @NotBlank @Size(max = 2000) String reason,
            @Schema(type = "string") SecurityId resultingSecurityId) {
    }
}
