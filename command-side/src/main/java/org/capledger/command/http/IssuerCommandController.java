package org.capledger.command.http;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.access.GrantRole;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.access.RevokeRole;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.stakeholder.ChangeStakeholderRelationship;
import org.capledger.api.stakeholder.ChangeStakeholderStatus;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.command.http.CommandRequests.AdjustAuthorizedSharesRequest;
import org.capledger.command.http.CommandRequests.CreateIssuerRequest;
import org.capledger.command.http.CommandRequests.CreateStockClassRequest;
import org.capledger.command.http.CommandRequests.IssueStockRequest;
import org.capledger.command.http.CommandRequests.MemberRequest;
import org.capledger.command.http.CommandRequests.RegisterStakeholderRequest;
import org.capledger.command.http.CommandRequests.RelationshipChangeRequest;
import org.capledger.command.http.CommandRequests.StatusChangeRequest;
import org.capledger.command.http.CommandRequests.UpdateStakeholderRequest;
import org.capledger.platform.security.AccountDirectory;
import org.capledger.platform.security.CapledgerPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands on issuers' cap tables. Every endpoint answers with a {@link CommandResult}, the issuer's version as
 * {@code ETag} and the event-stream position as {@code Capledger-Position}; errors are RFC 9457 problems:
 * 400 malformed or invalid body, 404 unknown issuer, 412 stale {@code If-Match}, 415 not JSON, 422 refused by
 * the ledger's rules or a reused {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(path = "/api/issuers", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands", description = "Record transactions on an issuer's cap table")
@ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field or invalid value",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "412", description = "If-Match does not match the issuer's version",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "415", description = "Body is not application/json",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "Refused by a ledger rule (see code)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class IssuerCommandController extends CommandEndpoints {

    private final AccountDirectory accounts;

    public IssuerCommandController(CommandExecutor executor, AccountDirectory accounts) {
        super(executor);
        this.accounts = accounts;
    }

    @PostMapping
    @Operation(summary = "Create an issuer (platform administrators)",
            description = "Creates the issuer's cap table, effective on its formation date, and makes ownerAccountId "
                    + "(default: the caller) its first OWNER. 403 for accounts that are not platform administrators.")
    @ApiResponse(responseCode = "201", description = "Issuer created; Location names it")
    public ResponseEntity<CommandResult> createIssuer(@Valid @RequestBody CreateIssuerRequest body,
                                                      @RequestHeader(name = KEY, required = false) String key,
                                                      HttpServletRequest request) {
        CapledgerPrincipal principal = CapledgerPrincipal.current();
        String caller = principal.accountId();
        if (!principal.platformAdmin()) {
            throw new CapledgerException(ErrorCode.FORBIDDEN, "Only platform administrators create issuers");
        }
        String owner = body.ownerAccountId() == null ? caller : knownAccount(body.ownerAccountId());
        IssuerId issuerId = IssuerId.random();
        CreateIssuer command = new CreateIssuer(issuerId, body.legalName(), body.formationDate(),
                body.countryOfFormation(), body.subdivisionOfFormation(), body.taxId(), body.initialSharesAuthorized());
        return execute(new CommandExecutor.Submission(request.getMethod(), request.getRequestURI(), body, key,
                null, request.getHeader(CommandExecutor.CORRELATION_HEADER),
                List.of(command, new GrantRole(issuerId, owner, IssuerRole.OWNER, null)), issuerId.value(),
                "/api/issuers/" + issuerId));
    }

    @PutMapping("/{issuerId}/members/{accountId}")
    @Operation(summary = "Give an account a role on the issuer (owners)",
            description = "OWNER, ADMIN, VIEWER, or SHAREHOLDER with the stakeholder it sees. Replaces any role the "
                    + "account had; recorded as an event in the audit trail.")
    @ApiResponse(responseCode = "200", description = "Role granted (or already held)")
    public ResponseEntity<CommandResult> grantRole(@PathVariable String issuerId, @PathVariable String accountId,
                                                   @Valid @RequestBody MemberRequest body,
                                                   @RequestHeader(name = KEY, required = false) String key,
                                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                   HttpServletRequest request) {
        GrantRole command = new GrantRole(issuer(issuerId), knownAccount(accountId), body.role(), body.stakeholderId());
        return submit(request, body, key, ifMatch, command, accountId, null);
    }

    @DeleteMapping(path = "/{issuerId}/members/{accountId}", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Take an account's role on the issuer away (owners)",
            description = "The last owner cannot be removed (422 LAST_OWNER).")
    @ApiResponse(responseCode = "200", description = "Role revoked")
    public ResponseEntity<CommandResult> revokeRole(@PathVariable String issuerId, @PathVariable String accountId,
                                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                    HttpServletRequest request) {
        return submit(request, Map.of(), null, ifMatch, new RevokeRole(issuer(issuerId), accountId), accountId, null);
    }

    private String knownAccount(String accountId) {
        if (accountId == null || accountId.length() > 128 || !accounts.exists(accountId)) {
            throw new CapledgerException(ErrorCode.UNKNOWN_ACCOUNT, "No such account");
        }
        return accountId;
    }

    @PostMapping("/{issuerId}/authorized-shares-adjustments")
    @Operation(summary = "Adjust the issuer-wide authorized shares",
            description = "Sets issuer-wide authorized shares from the effective date; refused (AUTHORIZED_BELOW_OUTSTANDING) "
                    + "when outstanding shares would exceed it then or later.")
    @ApiResponse(responseCode = "200", description = "Adjustment recorded")
    public ResponseEntity<CommandResult> adjustIssuerAuthorizedShares(
            @PathVariable String issuerId, @Valid @RequestBody AdjustAuthorizedSharesRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        AdjustIssuerAuthorizedShares command = new AdjustIssuerAuthorizedShares(issuer(issuerId), body.date(),
                body.newSharesAuthorized(), body.boardApprovalDate(), body.stockholderApprovalDate(), body.comments());
        return submit(request, body, key, ifMatch, command, null, null);
    }

    @PostMapping("/{issuerId}/stakeholders")
    @Operation(summary = "Register a stakeholder", description = "Email, when given, must be unique within the issuer. "
            + "An address breaking OCF's Address rules (country not an ISO 3166-1 alpha-2 code, ...) is refused with "
            + "422 INVALID_VALUE.")
    @ApiResponse(responseCode = "201", description = "Stakeholder registered; Location names it")
    public ResponseEntity<CommandResult> registerStakeholder(
            @PathVariable String issuerId, @Valid @RequestBody RegisterStakeholderRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        IssuerId issuer = issuer(issuerId);
        StakeholderId stakeholderId = StakeholderId.random();
        RegisterStakeholder command = new RegisterStakeholder(issuer, stakeholderId, body.date(), body.type(),
                body.name(), body.email(), body.relationship(), body.address(), body.accreditedInvestor());
        return submit(request, body, key, ifMatch, command, stakeholderId.value(),
                "/api/issuers/" + issuer + "/stakeholders/" + stakeholderId);
    }

    @PatchMapping("/{issuerId}/stakeholders/{stakeholderId}")
    @Operation(summary = "Update a stakeholder's name, email, relationship, address or accreditation",
            description = "Omitted fields keep their value; clearEmail, clearAddress and clearAccreditedInvestor "
                    + "remove them. An address replaces the previous one whole. A request that changes nothing "
                    + "records nothing.")
    @ApiResponse(responseCode = "200", description = "Stakeholder updated (or already as requested)")
    public ResponseEntity<CommandResult> updateStakeholder(
            @PathVariable String issuerId, @PathVariable String stakeholderId,
            @Valid @RequestBody UpdateStakeholderRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        UpdateStakeholder command = new UpdateStakeholder(issuer(issuerId), stakeholder(stakeholderId), body.date(),
                body.name(), body.email(), Boolean.TRUE.equals(body.clearEmail()), body.relationship(), body.address(),
                Boolean.TRUE.equals(body.clearAddress()), body.accreditedInvestor(),
                Boolean.TRUE.equals(body.clearAccreditedInvestor()));
        return submit(request, body, key, ifMatch, command, stakeholderId, null);
    }

    @PostMapping("/{issuerId}/stakeholders/{stakeholderId}/status-changes")
    @Operation(summary = "Change a stakeholder's status", description = "E.g. the end of employment (OCF "
            + "StakeholderStatusChangeEvent). Changes no holding; a status already in force records nothing.")
    @ApiResponse(responseCode = "200", description = "Status change recorded")
    public ResponseEntity<CommandResult> changeStakeholderStatus(
            @PathVariable String issuerId, @PathVariable String stakeholderId,
            @Valid @RequestBody StatusChangeRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ChangeStakeholderStatus(issuer(issuerId),
                stakeholder(stakeholderId), body.date(), body.newStatus(), body.comments()), null, null);
    }

    @PostMapping("/{issuerId}/stakeholders/{stakeholderId}/relationship-changes")
    @Operation(summary = "Record a relationship starting or ending", description = "OCF "
            + "StakeholderRelationshipChangeEvent; the stakeholder's relationship becomes the one started.")
    @ApiResponse(responseCode = "200", description = "Relationship change recorded")
    public ResponseEntity<CommandResult> changeStakeholderRelationship(
            @PathVariable String issuerId, @PathVariable String stakeholderId,
            @Valid @RequestBody RelationshipChangeRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ChangeStakeholderRelationship(issuer(issuerId),
                stakeholder(stakeholderId), body.date(), body.relationshipStarted(), body.relationshipEnded()),
                null, null);
    }

    @PostMapping("/{issuerId}/stock-classes")
    @Operation(summary = "Create a stock class",
            description = "Name and certificate prefix must be unique within the issuer; labels are prefix + number.")
    @ApiResponse(responseCode = "201", description = "Stock class created; Location names it")
    public ResponseEntity<CommandResult> createStockClass(
            @PathVariable String issuerId, @Valid @RequestBody CreateStockClassRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        IssuerId issuer = issuer(issuerId);
        StockClassId stockClassId = StockClassId.random();
        CreateStockClass command = new CreateStockClass(issuer, stockClassId, body.date(), body.name(),
                body.classType(), body.certificatePrefix(), body.parValue(), body.votesPerShare(), body.seniority(),
                body.initialSharesAuthorized(), Boolean.TRUE.equals(body.fractionalSharesAllowed()),
                body.conversionRights());
        return submit(request, body, key, ifMatch, command, stockClassId.value(),
                "/api/issuers/" + issuer + "/stock-classes/" + stockClassId);
    }

    @PostMapping("/{issuerId}/stock-classes/{stockClassId}/authorized-shares-adjustments")
    @Operation(summary = "Adjust a stock class's authorized shares",
            description = "Refused (AUTHORIZED_BELOW_OUTSTANDING) when the class's outstanding shares would exceed "
                    + "the new figure at its date or later.")
    @ApiResponse(responseCode = "200", description = "Adjustment recorded")
    public ResponseEntity<CommandResult> adjustStockClassAuthorizedShares(
            @PathVariable String issuerId, @PathVariable String stockClassId,
            @Valid @RequestBody AdjustAuthorizedSharesRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        AdjustStockClassAuthorizedShares command = new AdjustStockClassAuthorizedShares(issuer(issuerId),
                stockClassInPath(stockClassId), body.date(), body.newSharesAuthorized(), body.boardApprovalDate(),
                body.stockholderApprovalDate(), body.comments());
        return submit(request, body, key, ifMatch, command, null, null);
    }

    @PostMapping("/{issuerId}/stock-issuances")
    @Operation(summary = "Issue stock",
            description = "Issues shares of a class to a stakeholder as a new security labelled from the class prefix. "
                    + "Refused (AUTHORIZED_SHARES_EXCEEDED) when outstanding would exceed authorized at the date or later.")
    @ApiResponse(responseCode = "201", description = "Security issued; Location names it")
    public ResponseEntity<CommandResult> issueStock(
            @PathVariable String issuerId, @Valid @RequestBody IssueStockRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        IssuerId issuer = issuer(issuerId);
        SecurityId securityId = body.securityId() != null ? body.securityId() : SecurityId.random();
        IssueStock command = new IssueStock(issuer, securityId, body.date(), body.stakeholderId(),
                body.stockClassId(), body.quantity(), body.pricePerShare(), body.consideration());
        return submit(request, body, key, ifMatch, command, securityId.value(),
                "/api/issuers/" + issuer + "/securities/" + securityId);
    }


    /** An issuer id from a path; a malformed one is simply an issuer that does not exist (404). */
    public static IssuerId issuer(String value) {
        try {
            return IssuerId.of(value);
        } catch (CapledgerException e) {
            throw new CapledgerException(ErrorCode.ISSUER_NOT_FOUND, "No such issuer");
        }
    }

    private static StakeholderId stakeholder(String value) {
        try {
            return StakeholderId.of(value);
        } catch (CapledgerException e) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "No such stakeholder");
        }
    }

    private static StockClassId stockClassInPath(String value) {
        try {
            return StockClassId.of(value);
        } catch (CapledgerException e) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "No such stock class");
        }
    }
}
