package org.capledger.command.http;

import static org.capledger.command.http.IssuerCommandController.issuer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.equity.AccelerateVesting;
import org.capledger.api.equity.AcceptEquityCompensation;
import org.capledger.api.equity.CancelEquityCompensation;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.RecordVestingEvent;
import org.capledger.api.equity.ReleaseEquityCompensation;
import org.capledger.api.equity.RepriceEquityCompensation;
import org.capledger.api.equity.RetractEquityCompensation;
import org.capledger.api.equity.StartVesting;
import org.capledger.api.equity.TransferEquityCompensation;
import org.capledger.api.plan.AdjustStockPlanPool;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.plan.ReturnToPool;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockPlanId;
import org.capledger.command.http.GrantRequests.AccelerationRequest;
import org.capledger.command.http.GrantRequests.CreateStockPlanRequest;
import org.capledger.command.http.GrantRequests.ExerciseRequest;
import org.capledger.command.http.GrantRequests.GrantAcceptanceRequest;
import org.capledger.command.http.GrantRequests.GrantCancellationRequest;
import org.capledger.command.http.GrantRequests.GrantRequest;
import org.capledger.command.http.GrantRequests.GrantRetractionRequest;
import org.capledger.command.http.GrantRequests.PoolAdjustmentRequest;
import org.capledger.command.http.GrantRequests.ReleaseRequest;
import org.capledger.command.http.GrantRequests.RepricingRequest;
import org.capledger.command.http.GrantRequests.ReturnToPoolRequest;
import org.capledger.command.http.GrantRequests.VestingConditionRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock plans and equity compensation: adopting plans and sizing their pools, granting options, RSUs and SARs,
 * and the transactions on grants (OCF 1.2). Exercises, releases and partial cancellations answer the ids they
 * created in {@code securityIds}: the stock issued first, then the balance grant. Refusals are 422 with a code:
 * {@code PLAN_POOL_EXCEEDED}, {@code PLAN_POOL_BELOW_GRANTED}, {@code SHARES_NOT_VESTED} (see {@code vested}),
 * {@code SECURITY_EXPIRED}, {@code SECURITY_NOT_OUTSTANDING}, {@code CONFLICTS_WITH_LATER_TRANSACTION}.
 */
@RestController
@RequestMapping(path = "/api/issuers/{issuerId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Stock plans and grants", description = "Plans, pools, options, RSUs, SARs and their vesting")
@ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field or invalid value",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "Refused by a ledger rule (see code)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class GrantController extends CommandEndpoints {

    public GrantController(CommandExecutor executor) {
        super(executor);
    }

    @PostMapping("/stock-plans")
    @Operation(summary = "Adopt a stock plan", description = "Its pool of reserved shares and the classes it grants.")
    @ApiResponse(responseCode = "201", description = "Plan created; Location names it")
    public ResponseEntity<CommandResult> createStockPlan(@PathVariable String issuerId,
                                                         @Valid @RequestBody CreateStockPlanRequest body,
                                                         @RequestHeader(name = KEY, required = false) String key,
                                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                         HttpServletRequest request) {
        IssuerId issuer = issuer(issuerId);
        StockPlanId planId = StockPlanId.random();
        return submit(request, body, key, ifMatch, new CreateStockPlan(issuer, planId, body.date(), body.planName(),
                        body.boardApprovalDate(), body.stockholderApprovalDate(), body.initialSharesReserved(),
                        body.defaultCancellationBehavior(), body.stockClassIds()), planId.value(),
                "/api/issuers/" + issuer + "/stock-plans/" + planId);
    }

    @PostMapping("/stock-plans/{stockPlanId}/pool-adjustments")
    @Operation(summary = "Set a plan's pool", description = "Refused (PLAN_POOL_BELOW_GRANTED) below what was "
            + "granted or exercised from it at the date or later.")
    @ApiResponse(responseCode = "200", description = "Adjustment recorded")
    public ResponseEntity<CommandResult> adjustPool(@PathVariable String issuerId, @PathVariable String stockPlanId,
                                                    @Valid @RequestBody PoolAdjustmentRequest body,
                                                    @RequestHeader(name = KEY, required = false) String key,
                                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                    HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new AdjustStockPlanPool(issuer(issuerId), plan(stockPlanId),
                body.date(), body.sharesReserved(), body.boardApprovalDate(), body.stockholderApprovalDate(),
                body.comments()), null, null);
    }

    @PostMapping("/equity-compensation-issuances")
    @Operation(summary = "Grant options, RSUs or SARs", description = "From a plan's pool (PLAN_POOL_EXCEEDED when "
            + "it would not hold the grant at its date or later), with OCF vesting terms.")
    @ApiResponse(responseCode = "201", description = "Grant recorded; Location names it")
    public ResponseEntity<CommandResult> grant(@PathVariable String issuerId, @Valid @RequestBody GrantRequest body,
                                               @RequestHeader(name = KEY, required = false) String key,
                                               @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                               HttpServletRequest request) {
        IssuerId issuer = issuer(issuerId);
        SecurityId securityId = orRandom(body.securityId());
        return submit(request, body, key, ifMatch, new IssueEquityCompensation(issuer, securityId, body.date(),
                        body.stakeholderId(), body.stockPlanId(), body.stockClassId(), body.compensationType(),
                        body.quantity(), body.exercisePrice(), body.basePrice(), Boolean.TRUE.equals(body.earlyExercisable()),
                        body.vestingTerms(), body.vestingStartDate(), body.expirationDate(),
                        body.terminationExerciseWindows(), body.boardApprovalDate(), body.consideration()),
                securityId.value(), "/api/issuers/" + issuer + "/grants/" + securityId);
    }

    @PostMapping("/grants/{securityId}/exercises")
    @Operation(summary = "Exercise an option", description = "Vested shares only unless early exercisable; issues "
            + "stock of the grant's class and leaves the rest as a balance grant.")
    @ApiResponse(responseCode = "200", description = "Exercise recorded; securityIds names the stock and balance")
    public ResponseEntity<CommandResult> exercise(@PathVariable String issuerId, @PathVariable String securityId,
                                                  @Valid @RequestBody ExerciseRequest body,
                                                  @RequestHeader(name = KEY, required = false) String key,
                                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                  HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ExerciseEquityCompensation(issuer(issuerId),
                security(securityId), body.date(), body.quantity(), body.consideration(),
                orRandom(body.resultingSecurityId()), orRandom(body.balanceSecurityId())), null, null);
    }

    @PostMapping("/grants/{securityId}/releases")
    @Operation(summary = "Release RSUs", description = "Vested units only; issues stock of the grant's class.")
    @ApiResponse(responseCode = "200", description = "Release recorded")
    public ResponseEntity<CommandResult> release(@PathVariable String issuerId, @PathVariable String securityId,
                                                 @Valid @RequestBody ReleaseRequest body,
                                                 @RequestHeader(name = KEY, required = false) String key,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ReleaseEquityCompensation(issuer(issuerId),
                security(securityId), body.date(), body.quantity(), body.settlementDate(), body.releasePrice(),
                orRandom(body.resultingSecurityId()), orRandom(body.balanceSecurityId())), null, null);
    }

    @PostMapping("/grants/{securityId}/cancellations")
    @Operation(summary = "Cancel a grant", description = "Unvested shares first; the plan's cancellation behaviour "
            + "decides whether they go back to the pool.")
    @ApiResponse(responseCode = "200", description = "Cancellation recorded")
    public ResponseEntity<CommandResult> cancel(@PathVariable String issuerId, @PathVariable String securityId,
                                                @Valid @RequestBody GrantCancellationRequest body,
                                                @RequestHeader(name = KEY, required = false) String key,
                                                @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new CancelEquityCompensation(issuer(issuerId),
                security(securityId), body.date(), body.quantity(), body.reason(),
                orRandom(body.balanceSecurityId())), null, null);
    }

    @PostMapping("/grants/{securityId}/transfers")
    @Operation(summary = "Transfer a whole grant", description = "To another stakeholder, keeping its terms and "
            + "vesting, where the plan allows it (to an estate, a family trust).")
    @ApiResponse(responseCode = "200", description = "Transfer recorded; securityIds names the transferee's grant")
    public ResponseEntity<CommandResult> transfer(@PathVariable String issuerId, @PathVariable String securityId,
                                                  @Valid @RequestBody InstrumentRequests.InstrumentTransferRequest body,
                                                  @RequestHeader(name = KEY, required = false) String key,
                                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                  HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new TransferEquityCompensation(issuer(issuerId),
                security(securityId), body.date(), body.toStakeholderId(), body.consideration(),
                orRandom(body.newSecurityId())), null, null);
    }

    @PostMapping("/grants/{securityId}/retractions")
    @Operation(summary = "Retract a grant", description = "Void from its grant date; only an untouched grant.")
    @ApiResponse(responseCode = "200", description = "Retraction recorded")
    public ResponseEntity<CommandResult> retract(@PathVariable String issuerId, @PathVariable String securityId,
                                                 @Valid @RequestBody GrantRetractionRequest body,
                                                 @RequestHeader(name = KEY, required = false) String key,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new RetractEquityCompensation(issuer(issuerId),
                security(securityId), body.date(), body.reason()), null, null);
    }

    @PostMapping("/grants/{securityId}/acceptances")
    @Operation(summary = "Record the holder's acceptance of a grant")
    @ApiResponse(responseCode = "200", description = "Acceptance recorded (or already was)")
    public ResponseEntity<CommandResult> accept(@PathVariable String issuerId, @PathVariable String securityId,
                                                @Valid @RequestBody GrantAcceptanceRequest body,
                                                @RequestHeader(name = KEY, required = false) String key,
                                                @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new AcceptEquityCompensation(issuer(issuerId),
                security(securityId), body.date()), null, null);
    }

    @PostMapping("/grants/{securityId}/repricings")
    @Operation(summary = "Reprice an option")
    @ApiResponse(responseCode = "200", description = "Repricing recorded (or the price already was)")
    public ResponseEntity<CommandResult> reprice(@PathVariable String issuerId, @PathVariable String securityId,
                                                 @Valid @RequestBody RepricingRequest body,
                                                 @RequestHeader(name = KEY, required = false) String key,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new RepriceEquityCompensation(issuer(issuerId),
                security(securityId), body.date(), body.newExercisePrice()), null, null);
    }

    @PostMapping("/grants/{securityId}/vesting-starts")
    @Operation(summary = "Start vesting", description = "Meets the terms' vesting-start condition on the date.")
    @ApiResponse(responseCode = "200", description = "Vesting start recorded")
    public ResponseEntity<CommandResult> startVesting(@PathVariable String issuerId, @PathVariable String securityId,
                                                      @Valid @RequestBody VestingConditionRequest body,
                                                      @RequestHeader(name = KEY, required = false) String key,
                                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                      HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new StartVesting(issuer(issuerId), security(securityId),
                body.date(), body.vestingConditionId()), null, null);
    }

    @PostMapping("/grants/{securityId}/vesting-events")
    @Operation(summary = "Record a vesting event", description = "Meets an event-driven vesting condition.")
    @ApiResponse(responseCode = "200", description = "Vesting event recorded")
    public ResponseEntity<CommandResult> vestingEvent(@PathVariable String issuerId, @PathVariable String securityId,
                                                      @Valid @RequestBody VestingConditionRequest body,
                                                      @RequestHeader(name = KEY, required = false) String key,
                                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                      HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new RecordVestingEvent(issuer(issuerId), security(securityId),
                body.date(), body.vestingConditionId()), null, null);
    }

    @PostMapping("/grants/{securityId}/vesting-accelerations")
    @Operation(summary = "Accelerate vesting")
    @ApiResponse(responseCode = "200", description = "Acceleration recorded")
    public ResponseEntity<CommandResult> accelerate(@PathVariable String issuerId, @PathVariable String securityId,
                                                    @Valid @RequestBody AccelerationRequest body,
                                                    @RequestHeader(name = KEY, required = false) String key,
                                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                    HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new AccelerateVesting(issuer(issuerId), security(securityId),
                body.date(), body.quantity(), body.reason()), null, null);
    }

    @PostMapping("/grants/{securityId}/returns-to-pool")
    @Operation(summary = "Return cancelled shares to the pool", description = "For plans that hold cancelled shares.")
    @ApiResponse(responseCode = "200", description = "Return recorded")
    public ResponseEntity<CommandResult> returnToPool(@PathVariable String issuerId, @PathVariable String securityId,
                                                      @Valid @RequestBody ReturnToPoolRequest body,
                                                      @RequestHeader(name = KEY, required = false) String key,
                                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                      HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ReturnToPool(issuer(issuerId), security(securityId),
                body.date(), body.quantity(), body.reason()), null, null);
    }




    private static StockPlanId plan(String value) {
        try {
            return StockPlanId.of(value);
        } catch (CapledgerException e) {
            throw new CapledgerException(ErrorCode.UNKNOWN_STOCK_PLAN, "No such stock plan in this issuer");
        }
    }
}
