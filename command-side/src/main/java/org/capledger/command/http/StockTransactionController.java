package org.capledger.command.http;

import static org.capledger.command.http.IssuerCommandController.issuer;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.stock.AcceptStock;
import org.capledger.api.stock.CancelStock;
import org.capledger.api.stock.ConsolidateStock;
import org.capledger.api.stock.ConvertStock;
import org.capledger.api.stock.ReissueStock;
import org.capledger.api.stock.RepurchaseStock;
import org.capledger.api.stock.RetractStock;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stock.Transferee;
import org.capledger.api.stockclass.AdjustConversionRatio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;
import org.capledger.command.http.TransactionRequests.AcceptanceRequest;
import org.capledger.command.http.TransactionRequests.CancellationRequest;
import org.capledger.command.http.TransactionRequests.ConsolidationRequest;
import org.capledger.command.http.TransactionRequests.ConversionRatioAdjustmentRequest;
import org.capledger.command.http.TransactionRequests.ConversionRequest;
import org.capledger.command.http.TransactionRequests.ReissuanceRequest;
import org.capledger.command.http.TransactionRequests.RepurchaseRequest;
import org.capledger.command.http.TransactionRequests.RetractionRequest;
import org.capledger.command.http.TransactionRequests.SplitRequest;
import org.capledger.command.http.TransactionRequests.TransferRequest;
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
 * Transactions on existing stock securities and stock classes, with OCF 1.2 semantics: every one but an
 * acceptance extinguishes its source security and answers the ids of the securities it created in
 * {@code securityIds} (resulting securities first, then the balance). Errors are RFC 9457 problems; the ledger's
 * refusals are 422 with a code: {@code UNKNOWN_SECURITY}, {@code SECURITY_NOT_OUTSTANDING} (already transferred,
 * cancelled, ...), {@code QUANTITY_EXCEEDS_SECURITY}, {@code CONFLICTS_WITH_LATER_TRANSACTION} (a back-dated entry
 * that a later one depends on), {@code AUTHORIZED_SHARES_EXCEEDED}, {@code NO_CONVERSION_RIGHT}.
 */
@RestController
@RequestMapping(path = "/api/issuers/{issuerId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Stock transactions", description = "Transfer, cancel, repurchase, reissue, retract, convert, "
        + "consolidate and accept stock; split classes")
@ApiResponse(responseCode = "200", description = "Recorded; securityIds names the securities it created")
@ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field or invalid value",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "Refused by a ledger rule (see code)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class StockTransactionController extends CommandEndpoints {

    public StockTransactionController(CommandExecutor executor) {
        super(executor);
    }

    @PostMapping("/securities/{securityId}/transfers")
    @Operation(summary = "Transfer stock", description = "To one or more stakeholders; the untransferred part "
            + "stays with the holder as a balance security.")
    public ResponseEntity<CommandResult> transfer(@PathVariable String issuerId, @PathVariable String securityId,
                                                  @Valid @RequestBody TransferRequest body,
                                                  @RequestHeader(name = KEY, required = false) String key,
                                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                  HttpServletRequest request) {
        TransferStock command = new TransferStock(issuer(issuerId), security(securityId), body.date(),
                body.transferees().stream().map(t -> new Transferee(t.stakeholderId(), t.quantity(),
                        orRandom(t.securityId()))).toList(),
                body.consideration(), orRandom(body.balanceSecurityId()));
        return submit(request, body, key, ifMatch, command, null, null);
    }

    @PostMapping("/securities/{securityId}/cancellations")
    @Operation(summary = "Cancel stock", description = "The cancelled shares stop being outstanding from the date.")
    public ResponseEntity<CommandResult> cancel(@PathVariable String issuerId, @PathVariable String securityId,
                                                @Valid @RequestBody CancellationRequest body,
                                                @RequestHeader(name = KEY, required = false) String key,
                                                @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new CancelStock(issuer(issuerId), security(securityId),
                body.date(), body.quantity(), body.reason(), orRandom(body.balanceSecurityId())), null, null);
    }

    @PostMapping("/securities/{securityId}/repurchases")
    @Operation(summary = "Repurchase stock", description = "The issuer buys shares back at a price per share.")
    public ResponseEntity<CommandResult> repurchase(@PathVariable String issuerId, @PathVariable String securityId,
                                                    @Valid @RequestBody RepurchaseRequest body,
                                                    @RequestHeader(name = KEY, required = false) String key,
                                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                    HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new RepurchaseStock(issuer(issuerId), security(securityId),
                body.date(), body.quantity(), body.price(), body.consideration(), orRandom(body.balanceSecurityId())),
                null, null);
    }

    @PostMapping("/securities/{securityId}/reissuances")
    @Operation(summary = "Reissue stock", description = "The whole security as one or more new ones to the same "
            + "holder; quantities must add up to the security's.")
    public ResponseEntity<CommandResult> reissue(@PathVariable String issuerId, @PathVariable String securityId,
                                                 @Valid @RequestBody ReissuanceRequest body,
                                                 @RequestHeader(name = KEY, required = false) String key,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ReissueStock(issuer(issuerId), security(securityId),
                body.date(), body.newSecurities().stream()
                .map(n -> new ReissueStock.NewSecurity(orRandom(n.securityId()), n.quantity())).toList(),
                body.reason()), null, null);
    }

    @PostMapping("/securities/{securityId}/retractions")
    @Operation(summary = "Retract a stock issuance", description = "Voids an issuance no transaction has acted on "
            + "and the holder has not accepted; as-of views from its issue date no longer count it.")
    public ResponseEntity<CommandResult> retract(@PathVariable String issuerId, @PathVariable String securityId,
                                                 @Valid @RequestBody RetractionRequest body,
                                                 @RequestHeader(name = KEY, required = false) String key,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new RetractStock(issuer(issuerId), security(securityId),
                body.date(), body.reason()), null, null);
    }

    @PostMapping("/securities/{securityId}/conversions")
    @Operation(summary = "Convert stock into another class", description = "At the ratio of the source class's "
            + "conversion right in force on the date, rounded by its rounding type, into one new security or into "
            + "resultingSecurities whose quantities add up to the result.")
    public ResponseEntity<CommandResult> convert(@PathVariable String issuerId, @PathVariable String securityId,
                                                 @Valid @RequestBody ConversionRequest body,
                                                 @RequestHeader(name = KEY, required = false) String key,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 HttpServletRequest request) {
        List<ConvertStock.NewSecurity> resulting = body.resultingSecurities() == null ? null
                : body.resultingSecurities().stream()
                .map(r -> new ConvertStock.NewSecurity(orRandom(r.securityId()), r.quantity())).toList();
        SecurityId newSecurityId = resulting == null || resulting.isEmpty() ? orRandom(body.newSecurityId())
                : body.newSecurityId();
        return submit(request, body, key, ifMatch, new ConvertStock(issuer(issuerId), security(securityId),
                body.date(), body.quantity(), body.toStockClassId(), newSecurityId,
                orRandom(body.balanceSecurityId()), resulting), null, null);
    }

    @PostMapping("/securities/{securityId}/acceptances")
    @Operation(summary = "Record the holder's acceptance", description = "Changes no quantity; recording it twice "
            + "records nothing the second time.")
    public ResponseEntity<CommandResult> accept(@PathVariable String issuerId, @PathVariable String securityId,
                                                @Valid @RequestBody AcceptanceRequest body,
                                                @RequestHeader(name = KEY, required = false) String key,
                                                @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new AcceptStock(issuer(issuerId), security(securityId),
                body.date()), null, null);
    }

    @PostMapping("/stock-consolidations")
    @Operation(summary = "Consolidate stock", description = "Two or more securities of one holder in one class "
            + "become one.")
    public ResponseEntity<CommandResult> consolidate(@PathVariable String issuerId,
                                                     @Valid @RequestBody ConsolidationRequest body,
                                                     @RequestHeader(name = KEY, required = false) String key,
                                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                     HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ConsolidateStock(issuer(issuerId), body.securityIds(),
                body.date(), orRandom(body.newSecurityId()), body.reason()), null, null);
    }

    @PostMapping("/stock-classes/{stockClassId}/splits")
    @Operation(summary = "Split a stock class", description = "Every security of the class outstanding on the date "
            + "is replaced by one with its quantity times the ratio; authorized shares follow. Refused when a "
            + "security would get a fraction the class does not allow, or when a security outstanding on the date "
            + "was acted on later.")
    public ResponseEntity<CommandResult> split(@PathVariable String issuerId, @PathVariable String stockClassId,
                                               @Valid @RequestBody SplitRequest body,
                                               @RequestHeader(name = KEY, required = false) String key,
                                               @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                               HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new SplitStockClass(issuer(issuerId), stockClass(stockClassId),
                body.date(), body.ratio(), body.newSharesAuthorized(), body.comments(),
                body.adjustGrantsAndWarrants()), null, null);
    }

    @PostMapping("/stock-classes/{stockClassId}/conversion-ratio-adjustments")
    @Operation(summary = "Adjust a conversion ratio", description = "From the date on; refused when a conversion "
            + "at the old ratio was recorded on or after it.")
    public ResponseEntity<CommandResult> adjustConversionRatio(
            @PathVariable String issuerId, @PathVariable String stockClassId,
            @Valid @RequestBody ConversionRatioAdjustmentRequest body,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new AdjustConversionRatio(issuer(issuerId),
                stockClass(stockClassId), body.date(), body.convertsToStockClassId(), body.newRatio(),
                body.comments()), null, null);
    }

}
