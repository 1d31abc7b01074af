package org.capledger.command.http;

import static org.capledger.command.http.IssuerCommandController.issuer;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.capledger.api.certificate.CertificateOfficer;
import org.capledger.api.certificate.Legend;
import org.capledger.api.certificate.LegendTemplate;
import org.capledger.api.certificate.ReplaceLostCertificate;
import org.capledger.api.certificate.SetCertificateOfficers;
import org.capledger.api.certificate.SetStockClassLegends;
import org.capledger.api.value.SecurityId;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What share certificates need beyond the stock ledger: replacing a lost certificate (8 Del. C. §167), the officers
 * who sign certificates (§158), and the legends a stock class's certificates carry (§202(a), Securities Act 1933).
 * Owners and admins only. Errors are RFC 9457 problems; the certificates themselves are read on the query side
 * ({@code GET /api/issuers/{issuerId}/certificates}).
 */
@RestController
@RequestMapping(path = "/api/issuers/{issuerId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Certificates", description = "Share certificates: lost-certificate replacement, signing officers, "
        + "class legends, PDFs and public verification")
@ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field or invalid value",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "Refused by a ledger rule (see code)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class CertificateCommandController extends CommandEndpoints {

    public CertificateCommandController(CommandExecutor executor) {
        super(executor);
    }

    @Schema(description = "Replacement of a lost, stolen or destroyed certificate (8 Del. C. §167)")
    public record LostCertificateReplacementRequest(
            @Schema(example = "2024-02-01", description = "Effective date of the replacement") @NotNull LocalDate date,
            @Schema(example = "2024-01-20", description = "Date of the holder's affidavit of loss; on or before date")
            @NotNull LocalDate affidavitDate,
            @Schema(type = "string", description = "Id for the replacement security; default: random")
            SecurityId replacementSecurityId,
            @Schema(example = "Destroyed in a flood") @Size(max = 2000) String reason) {
    }

    @Schema(description = "An officer signing certificates")
    public record OfficerRequest(@Schema(example = "Ada Lovelace") @NotNull @Size(max = 200) String name,
                                 @Schema(example = "President") @NotNull @Size(max = 100) String title) {
    }

    @Schema(description = "The officers signing certificates issued from the date (at most two; none clears them)")
    public record OfficersRequest(
            @Schema(example = "2024-01-01", description = "From when they sign") @NotNull LocalDate date,
            @NotNull @Size(max = 2) List<@Valid @NotNull OfficerRequest> officers) {
    }

    @Schema(description = "A legend: a standard template or custom text, not both")
    public record LegendRequest(
            @Schema(example = "SECURITIES_ACT_1933") LegendTemplate template,
            @Schema(description = "Custom legend text") @Size(max = 4000) String text) {
    }

    @Schema(description = "The legends printed on the class's certificates issued from the date (at most ten)")
    public record LegendsRequest(
            @Schema(example = "2024-01-01", description = "From when") @NotNull LocalDate date,
            @NotNull @Size(max = 10) List<@Valid @NotNull LegendRequest> legends) {
    }

    @PostMapping("/securities/{securityId}/lost-certificate-replacements")
    @Operation(summary = "Replace a lost certificate", description = "The lost certificate becomes void and a new "
            + "security with a new label is issued to the same holder for the same shares (an OCF StockReissuance "
            + "carrying the affidavit date).")
    @ApiResponse(responseCode = "200", description = "Recorded; securityIds names the replacement")
    public ResponseEntity<CommandResult> replaceLost(@PathVariable String issuerId, @PathVariable String securityId,
                                                     @Valid @RequestBody LostCertificateReplacementRequest body,
                                                     @RequestHeader(name = KEY, required = false) String key,
                                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                     HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new ReplaceLostCertificate(issuer(issuerId), security(securityId),
                body.date(), body.affidavitDate(), orRandom(body.replacementSecurityId()), body.reason()), null, null);
    }

    @PutMapping("/certificate-officers")
    @Operation(summary = "Set the officers who sign certificates", description = "Certificates show the officers in "
            + "office on their issue date; those issued before the first setting show the first one.")
    @ApiResponse(responseCode = "200", description = "Recorded")
    public ResponseEntity<CommandResult> setOfficers(@PathVariable String issuerId,
                                                     @Valid @RequestBody OfficersRequest body,
                                                     @RequestHeader(name = KEY, required = false) String key,
                                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                     HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new SetCertificateOfficers(issuer(issuerId), body.date(),
                body.officers().stream().map(o -> new CertificateOfficer(o.name(), o.title())).toList()), null, null);
    }

    @PutMapping("/stock-classes/{stockClassId}/legends")
    @Operation(summary = "Set a stock class's certificate legends", description = "Each legend names a template (see "
            + "GET /api/certificate-legend-templates) or gives its own text. Certificates show the legends in force "
            + "on their issue date; those issued before the first setting show the first one.")
    @ApiResponse(responseCode = "200", description = "Recorded")
    public ResponseEntity<CommandResult> setLegends(@PathVariable String issuerId, @PathVariable String stockClassId,
                                                    @Valid @RequestBody LegendsRequest body,
                                                    @RequestHeader(name = KEY, required = false) String key,
                                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                    HttpServletRequest request) {
        return submit(request, body, key, ifMatch, new SetStockClassLegends(issuer(issuerId), stockClass(stockClassId),
                body.date(), body.legends().stream().map(l -> new Legend(l.template(), l.text())).toList()),
                null, null);
    }
}
