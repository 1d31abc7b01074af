package org.capledger.command.http;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/**
 * Request bodies of the stock transaction endpoints (OCF 1.2 {@code transactions/*}). Ids of new securities are
 * optional: the server allots random ones when they are left out, and an OCF import passes the package's own.
 * A balance id is used only when the transaction leaves shares over.
 */
public final class TransactionRequests {

    private TransactionRequests() {
    }

    @Schema(description = "One recipient of a transfer")
    public record TransfereeRequest(
            @Schema(type = "string", example = "be7d1e2e-0c9c-485b-a27d-a5c982c4e659") @NotNull StakeholderId stakeholderId,
            @Schema(type = "string", example = "400") @NotNull Quantity quantity,
            @Schema(type = "string", description = "Id for the transferee's new security; default: random")
            SecurityId securityId) {
    }

    @Schema(description = "A transfer of all or part of a security (OCF StockTransfer)")
    public record TransferRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull TransfereeRequest> transferees,
            @Schema(example = "USD 2.00 per share, paid to the transferor") @Size(max = 2000) String consideration,
            @Schema(type = "string", description = "Id for the untransferred remainder; default: random")
            SecurityId balanceSecurityId) {
    }

    @Schema(description = "A cancellation of all or part of a security (OCF StockCancellation)")
    public record CancellationRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(type = "string", example = "250") @NotNull Quantity quantity,
            @Schema(example = "Unvested shares forfeited on termination") @NotBlank @Size(max = 2000) String reason,
            @Schema(type = "string", description = "Id for the remainder; default: random") SecurityId balanceSecurityId) {
    }

    @Schema(description = "The issuer buys back all or part of a security (OCF StockRepurchase)")
    public record RepurchaseRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(type = "string", example = "250") @NotNull Quantity quantity,
            @Schema(description = "Price paid per share") @NotNull Money price,
            @Size(max = 2000) String consideration,
            @Schema(type = "string", description = "Id for the remainder; default: random") SecurityId balanceSecurityId) {
    }

    @Schema(description = "One new security of a reissuance")
    public record ReissuedSecurityRequest(
            @Schema(type = "string", example = "600") @NotNull Quantity quantity,
            @Schema(type = "string", description = "Id for the new security; default: random") SecurityId securityId) {
    }

    @Schema(description = "A whole security reissued as one or more new ones (OCF StockReissuance)")
    public record ReissuanceRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull ReissuedSecurityRequest> newSecurities,
            @Schema(example = "New restrictive legend") @Size(max = 2000) String reason) {
    }

    @Schema(description = "An issuance voided as if never validly made (OCF StockRetraction)")
    public record RetractionRequest(
            @Schema(example = "2024-02-01", description = "Date of the retraction") @NotNull LocalDate date,
            @Schema(example = "Issued without board approval") @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "A conversion into another stock class by the class's conversion right (OCF StockConversion)")
    public record ConversionRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(type = "string", example = "100", description = "Source shares converted") @NotNull Quantity quantity,
            @Schema(type = "string") @NotNull StockClassId toStockClassId,
            @Schema(type = "string", description = "Id for the resulting security; default: random") SecurityId newSecurityId,
            @Schema(type = "string", description = "Id for the remainder; default: random") SecurityId balanceSecurityId,
            @Schema(description = "Instead of newSecurityId: the converted shares divided among several new "
                    + "securities, adding up to what the conversion gives (OCF resulting_security_ids)")
            @Size(max = 100) List<@Valid @NotNull ResultingSecurityRequest> resultingSecurities) {
    }

    @Schema(description = "One new security a conversion creates")
    public record ResultingSecurityRequest(
            @Schema(type = "string", example = "300", description = "Shares of the target class") @NotNull
            Quantity quantity,
            @Schema(type = "string", description = "Id for the new security; default: random") SecurityId securityId) {
    }

    @Schema(description = "Securities of one holder in one class combined into one (OCF StockConsolidation)")
    public record ConsolidationRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date,
            @NotNull @Size(min = 2, max = 100) List<@NotNull SecurityId> securityIds,
            @Schema(type = "string", description = "Id for the combined security; default: random") SecurityId newSecurityId,
            @Size(max = 2000) String reason) {
    }

    @Schema(description = "The holder accepted the security (OCF StockAcceptance)")
    public record AcceptanceRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date) {
    }

    @Schema(description = "A stock class split or reverse split (OCF StockClassSplit)")
    public record SplitRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(description = "New shares per old share, e.g. {\"numerator\": \"2\", \"denominator\": \"1\"}")
            @NotNull Ratio ratio,
            @Schema(type = "string", description = "Authorized shares of the class after the split; default: those "
                    + "in force times the ratio, rounded down") Quantity newSharesAuthorized,
            @Schema(example = "Board resolution of 2024-01-15") @Size(max = 2000) String comments,
            @Schema(description = "Whether grants and warrants over the class and the pools of plans granting it are "
                    + "adjusted by the ratio too; default true. OCF imports pass false.")
            Boolean adjustGrantsAndWarrants) {
    }

    @Schema(description = "A new ratio for a class's conversion right (OCF StockClassConversionRatioAdjustment)")
    public record ConversionRatioAdjustmentRequest(
            @Schema(example = "2024-02-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(type = "string") @NotNull StockClassId convertsToStockClassId,
            @NotNull Ratio newRatio,
            @Size(max = 2000) String comments) {
    }
}
