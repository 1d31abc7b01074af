package org.capledger.command.http;

import static org.capledger.command.http.IssuerCommandController.issuer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.capledger.api.convertible.AcceptConvertible;
import org.capledger.api.convertible.CancelConvertible;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.convertible.RetractConvertible;
import org.capledger.api.convertible.TransferConvertible;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.AcceptWarrant;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.RetractWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.capledger.command.http.InstrumentRequests.ConversionIntoStockRequest;
import org.capledger.command.http.InstrumentRequests.ConvertibleRequest;
import org.capledger.command.http.InstrumentRequests.InstrumentAcceptanceRequest;
import org.capledger.command.http.InstrumentRequests.InstrumentTransferRequest;
import org.capledger.command.http.InstrumentRequests.ReasonRequest;
import org.capledger.command.http.InstrumentRequests.WarrantCancellationRequest;
import org.capledger.command.http.InstrumentRequests.WarrantExerciseRequest;
import org.capledger.command.http.InstrumentRequests.WarrantRequest;
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
 * Warrants and convertibles (OCF 1.2): issuing them and the transactions on them. Exercises, conversions,
 * partial cancellations and transfers answer the ids they created in {@code securityIds}. Refusals are 422 with a
 * code: {@code SECURITY_EXPIRED}, {@code SECURITY_NOT_OUTSTANDING}, {@code QUANTITY_EXCEEDS_SECURITY},
 * {@code AUTHORIZED_SHARES_EXCEEDED}, {@code CONFLICTS_WITH_LATER_TRANSACTION}.
 */
@RestController
@RequestMapping(path = "/api/issuers/{issuerId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Warrants and convertibles", description = "Warrants, SAFEs, convertible notes")
@ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field or invalid value",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "Refused by a ledger rule (see code)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class InstrumentController extends CommandEndpoints {

    public InstrumentController(CommandExecutor executor) {
        super(executor);
    }

    @PostMapping("/warrant-issuances")
    @Operation(summary = "Issue a warrant")
    @ApiResponse(responseCode = "201", description = "Warrant issued; Location names it")
    public ResponseEntity<CommandResult> issueWarrant(@PathVariable String issuerId,
                                                      @Valid @RequestBody WarrantRequest body,
                                                      @RequestHeader(name = KEY, required = false) String key,
                                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                      HttpServletRequest request) {
        IssuerId issuer = issuer(issuerId);
        SecurityId id = orRandom(body.securityId());
        return submit(request, body, key, ifMatch, new IssueWarrant(issuer, id, body.date(), body.stakeholderId(),
                        body.stockClassId(), body.quantity(), body.exercisePrice(), body.purchasePrice(),
                        body.expirationDate(), body.consideration()), id.value(),
                "/api/issuers/" + issuer + "/warrants/" + id);
    }

    @PostMapping("/warrants/{securityId}/exercises")
    @Operation(summary = "Exercise a warrant", description = "Issues stock of its class; never after it expires.")
    @ApiResponse(responseCode = "200", description = "Exercise recorded")
    public ResponseEntity<CommandResult> exerciseWarrant(@PathVariable String issuerId, @PathVariable String securityId,
                                                         @Valid @RequestBody WarrantExerciseRequest body,
                                                         @RequestHeader(name = KEY, required = false) String key,
                                                         @RequestHeader(name = IF_MATCH, required = false)
                                                         String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ExerciseWarrant(issuer(issuerId), security(securityId),
                body.date(), body.quantity(), body.consideration(), orRandom(body.resultingSecurityId()),
                orRandom(body.balanceSecurityId())), null, null);
    }

    @PostMapping("/warrants/{securityId}/cancellations")
    @Operation(summary = "Cancel a warrant")
    @ApiResponse(responseCode = "200", description = "Cancellation recorded")
    public ResponseEntity<CommandResult> cancelWarrant(@PathVariable String issuerId, @PathVariable String securityId,
                                                       @Valid @RequestBody WarrantCancellationRequest body,
                                                       @RequestHeader(name = KEY, required = false) String key,
                                                       @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                       HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new CancelWarrant(issuer(issuerId), security(securityId),
                body.date(), body.quantity(), body.reason(), orRandom(body.balanceSecurityId())), null, null);
    }

    @PostMapping("/warrants/{securityId}/retractions")
    @Operation(summary = "Retract a warrant", description = "Void from its issue date; only an untouched one.")
    @ApiResponse(responseCode = "200", description = "Retraction recorded")
    public ResponseEntity<CommandResult> retractWarrant(@PathVariable String issuerId, @PathVariable String securityId,
                                                        @Valid @RequestBody ReasonRequest body,
                                                        @RequestHeader(name = KEY, required = false) String key,
                                                        @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                        HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new RetractWarrant(issuer(issuerId), security(securityId),
                body.date(), body.reason()), null, null);
    }

    @PostMapping("/warrants/{securityId}/transfers")
    @Operation(summary = "Transfer a whole warrant")
    @ApiResponse(responseCode = "200", description = "Transfer recorded")
    public ResponseEntity<CommandResult> transferWarrant(@PathVariable String issuerId, @PathVariable String securityId,
                                                         @Valid @RequestBody InstrumentTransferRequest body,
                                                         @RequestHeader(name = KEY, required = false) String key,
                                                         @RequestHeader(name = IF_MATCH, required = false)
                                                         String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new TransferWarrant(issuer(issuerId), security(securityId),
                body.date(), body.toStakeholderId(), body.consideration(), orRandom(body.newSecurityId())), null, null);
    }

    @PostMapping("/warrants/{securityId}/acceptances")
    @Operation(summary = "Record the holder's acceptance of a warrant")
    @ApiResponse(responseCode = "200", description = "Acceptance recorded (or already was)")
    public ResponseEntity<CommandResult> acceptWarrant(@PathVariable String issuerId, @PathVariable String securityId,
                                                       @Valid @RequestBody InstrumentAcceptanceRequest body,
                                                       @RequestHeader(name = KEY, required = false) String key,
                                                       @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                       HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new AcceptWarrant(issuer(issuerId), security(securityId),
                body.date()), null, null);
    }

    @PostMapping("/convertible-issuances")
    @Operation(summary = "Issue a SAFE, note or other convertible")
    @ApiResponse(responseCode = "201", description = "Convertible issued; Location names it")
    public ResponseEntity<CommandResult> issueConvertible(@PathVariable String issuerId,
                                                          @Valid @RequestBody ConvertibleRequest body,
                                                          @RequestHeader(name = KEY, required = false) String key,
                                                          @RequestHeader(name = IF_MATCH, required = false)
                                                          String ifMatch, HttpServletRequest request) {
        IssuerId issuer = issuer(issuerId);
        SecurityId id = orRandom(body.securityId());
        return submit(request, body, key, ifMatch, new IssueConvertible(issuer, id, body.date(), body.stakeholderId(),
                        body.convertibleType(), body.investmentAmount(), body.terms(),
                        body.seniority() == null ? 1 : body.seniority(), Boolean.TRUE.equals(body.proRata()),
                        body.consideration()), id.value(), "/api/issuers/" + issuer + "/convertibles/" + id);
    }

    @PostMapping("/convertibles/{securityId}/conversions")
    @Operation(summary = "Convert a convertible into stock", description = "The whole convertible, into the shares "
            + "the triggering financing worked out.")
    @ApiResponse(responseCode = "200", description = "Conversion recorded")
    public ResponseEntity<CommandResult> convert(@PathVariable String issuerId, @PathVariable String securityId,
                                                 @Valid @RequestBody ConversionIntoStockRequest body,
                                                 @RequestHeader(name = KEY, required = false) String key,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ConvertConvertible(issuer(issuerId), security(securityId),
                body.date(), body.stockClassId(), body.quantity(), body.reason(),
                orRandom(body.resultingSecurityId())), null, null);
    }

    @PostMapping("/convertibles/{securityId}/cancellations")
    @Operation(summary = "Cancel a convertible", description = "E.g. repaid; the whole convertible.")
    @ApiResponse(responseCode = "200", description = "Cancellation recorded")
    public ResponseEntity<CommandResult> cancelConvertible(@PathVariable String issuerId,
                                                           @PathVariable String securityId,
                                                           @Valid @RequestBody ReasonRequest body,
                                                           @RequestHeader(name = KEY, required = false) String key,
                                                           @RequestHeader(name = IF_MATCH, required = false)
                                                           String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new CancelConvertible(issuer(issuerId), security(securityId),
                body.date(), body.reason()), null, null);
    }

    @PostMapping("/convertibles/{securityId}/retractions")
    @Operation(summary = "Retract a convertible", description = "Void from its issue date; only an untouched one.")
    @ApiResponse(responseCode = "200", description = "Retraction recorded")
    public ResponseEntity<CommandResult> retractConvertible(@PathVariable String issuerId,
                                                            @PathVariable String securityId,
                                                            @Valid @RequestBody ReasonRequest body,
                                                            @RequestHeader(name = KEY, required = false) String key,
                                                            @RequestHeader(name = IF_MATCH, required = false)
                                                            String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new RetractConvertible(issuer(issuerId), security(securityId),
                body.date(), body.reason()), null, null);
    }

    @PostMapping("/convertibles/{securityId}/transfers")
    @Operation(summary = "Transfer a whole convertible")
    @ApiResponse(responseCode = "200", description = "Transfer recorded")
    public ResponseEntity<CommandResult> transferConvertible(@PathVariable String issuerId,
                                                             @PathVariable String securityId,
                                                             @Valid @RequestBody InstrumentTransferRequest body,
                                                             @RequestHeader(name = KEY, required = false) String key,
                                                             @RequestHeader(name = IF_MATCH, required = false)
                                                             String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new TransferConvertible(issuer(issuerId), security(securityId),
                body.date(), body.toStakeholderId(), body.consideration(), orRandom(body.newSecurityId())), null, null);
    }

    @PostMapping("/convertibles/{securityId}/acceptances")
    @Operation(summary = "Record the holder's acceptance of a convertible")
    @ApiResponse(responseCode = "200", description = "Acceptance recorded (or already was)")
    public ResponseEntity<CommandResult> acceptConvertible(@PathVariable String issuerId,
                                                           @PathVariable String securityId,
                                                           @Valid @RequestBody InstrumentAcceptanceRequest body,
                                                           @RequestHeader(name = KEY, required = false) String key,
                                                           @RequestHeader(name = IF_MATCH, required = false)
                                                           String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new AcceptConvertible(issuer(issuerId), security(securityId),
                body.date()), null, null);
    }



}
