package org.capledger.command.http;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.value.Address;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderStatus;
import org.capledger.api.value.StakeholderType;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/**
 * Request bodies of the command endpoints. Dates are ISO 8601 ({@code 2024-01-31}); quantities and amounts are
 * decimal strings ({@code "5000"}, {@code "0.0001"}) with at most ten decimal places; unknown fields are refused.
 */
public final class CommandRequests {

    private CommandRequests() {
    }

    private static final String ADDRESS = "Postal address (OCF Address): addressType LEGAL, CONTACT or OTHER and "
            + "country (ISO 3166-1 alpha-2) required; streetSuite (may span lines, at most 500 characters), city (200), "
            + "countrySubdivision (ISO 3166-2 code without the country, e.g. CA), postalCode (32). The register of "
            + "members shows it (Companies Act 2006 s.113); optional.";
    private static final String ACCREDITED = "Whether the stakeholder is an accredited investor (Regulation D Rule "
            + "501(a)), as the issuer has established it; omit when unknown. Counts for Exchange Act s.12(g) holders "
            + "of record.";

    @Schema(description = "A new issuer (OCF Issuer)")
    public record CreateIssuerRequest(
            @Schema(example = "Aperture Science, Inc.") @NotBlank @Size(max = 300) String legalName,
            @Schema(example = "1940-09-25") @NotNull LocalDate formationDate,
            @Schema(example = "US", description = "ISO 3166-1 alpha-2") @NotNull @Pattern(regexp = "[A-Z]{2}")
            String countryOfFormation,
            @Schema(example = "MI", description = "ISO 3166-2 subdivision code, optional")
            @Pattern(regexp = "[A-Z0-9]{1,3}") String subdivisionOfFormation,
            @Schema(example = "38-1234567") @Size(max = 64) String taxId,
            @Schema(type = "string", example = "10000000", description = "Issuer-wide authorized shares; omit for none")
            Quantity initialSharesAuthorized,
            @Schema(description = "Account that becomes the issuer's first OWNER; default: the caller")
            @Size(max = 128) String ownerAccountId) {
    }

    @Schema(description = "An account's role on the issuer")
    public record MemberRequest(
            @Schema(example = "VIEWER") @NotNull IssuerRole role,
            @Schema(type = "string", description = "The stakeholder a SHAREHOLDER sees; only with SHAREHOLDER")
            StakeholderId stakeholderId) {
    }

    @Schema(description = "A stakeholder to register (OCF Stakeholder)")
    public record RegisterStakeholderRequest(
            @Schema(example = "2022-01-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(example = "INDIVIDUAL") @NotNull StakeholderType type,
            @NotNull StakeholderName name,
            @Schema(example = "jim@aperture.example") @Email @Size(max = 254) String email,
            @Schema(example = "FOUNDER") @NotNull StakeholderRelationship relationship,
            @Schema(description = ADDRESS) Address address,
            @Schema(description = ACCREDITED) Boolean accreditedInvestor) {
    }

    @Schema(description = "Changes to a stakeholder; omitted fields keep their value")
    public record UpdateStakeholderRequest(
            @Schema(example = "2023-03-01", description = "Effective date") @NotNull LocalDate date,
            StakeholderName name,
            @Schema(example = "jim.jangles@aperture.example") @Email @Size(max = 254) String email,
            @Schema(description = "true removes the email") Boolean clearEmail,
            StakeholderRelationship relationship,
            @Schema(description = ADDRESS + " Replaces the previous address whole.") Address address,
            @Schema(description = "true removes the address") Boolean clearAddress,
            @Schema(description = ACCREDITED) Boolean accreditedInvestor,
            @Schema(description = "true sets the accreditation back to unknown") Boolean clearAccreditedInvestor) {
    }

    @Schema(description = "A new stock class (OCF StockClass)")
    public record CreateStockClassRequest(
            @Schema(example = "2022-01-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(example = "Preferred Shares") @NotBlank @Size(max = 200) String name,
            @Schema(example = "PREFERRED") @NotNull StockClassType classType,
            @Schema(example = "PS-") @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}") String certificatePrefix,
            @Schema(description = "Par value per share; omit for no-par stock") Money parValue,
            @Schema(type = "string", example = "1") @NotNull Quantity votesPerShare,
            @Schema(example = "1") @NotNull @Min(1) @Max(1000) Integer seniority,
            @Schema(type = "string", example = "100000") @NotNull Quantity initialSharesAuthorized,
            @Schema(description = "Whether quantities may have decimals; default false") Boolean fractionalSharesAllowed,
            @Schema(description = "Rights to convert into existing classes, e.g. preferred into common 1:1")
            @Size(max = 20) List<@NotNull ConversionRight> conversionRights) {
    }

    @Schema(description = "New authorized shares from the effective date on")
    public record AdjustAuthorizedSharesRequest(
            @Schema(example = "2023-06-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(type = "string", example = "150000") @NotNull Quantity newSharesAuthorized,
            @Schema(example = "2023-05-20") LocalDate boardApprovalDate,
            @Schema(example = "2023-05-30") LocalDate stockholderApprovalDate,
            @Schema(example = "Series A authorization") @Size(max = 2000) String comments) {
    }

    @Schema(description = "Shares to issue to a stakeholder (OCF StockIssuance)")
    public record IssueStockRequest(
            @Schema(example = "2022-01-01", description = "Effective date") @NotNull LocalDate date,
            @Schema(type = "string", example = "be7d1e2e-0c9c-485b-a27d-a5c982c4e659") @NotNull StakeholderId stakeholderId,
            @Schema(type = "string", example = "0c21a4fd-f758-4e8a-b0ec-3fab5a5dc452") @NotNull StockClassId stockClassId,
            @Schema(type = "string", example = "5000") @NotNull Quantity quantity,
            @NotNull Money pricePerShare,
            @Schema(example = "Cash") @Size(max = 2000) String consideration,
            @Schema(type = "string", description = "Id for the new security, e.g. an OCF security_id; default: random. "
                    + "An id already used in this issuer is refused (DUPLICATE_SECURITY).") SecurityId securityId) {
    }

    @Schema(description = "A stakeholder's new status (OCF StakeholderStatusChangeEvent)")
    public record StatusChangeRequest(
            @Schema(example = "2024-03-31") @NotNull LocalDate date,
            @Schema(example = "TERMINATION_VOLUNTARY_OTHER") @NotNull StakeholderStatus newStatus,
            @Size(max = 2000) String comments) {
    }

    @Schema(description = "A relationship starting and/or ending (OCF StakeholderRelationshipChangeEvent)")
    public record RelationshipChangeRequest(
            @Schema(example = "2024-03-31") @NotNull LocalDate date,
            @Schema(example = "EX_EMPLOYEE") StakeholderRelationship relationshipStarted,
            @Schema(example = "EMPLOYEE") StakeholderRelationship relationshipEnded) {
    }
}
