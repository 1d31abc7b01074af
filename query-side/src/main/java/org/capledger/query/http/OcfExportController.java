package org.capledger.query.http;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.capledger.api.value.IssuerId;
import org.capledger.query.ocf.OcfExporter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An issuer's history as an Open Cap Table Format 1.2 package: {@code GET /api/issuers/{issuerId}/ocf-export?asOf=}
 * answers a zip (manifest with MD5 checksums, stakeholders, stock classes, stock plans, vesting terms, transactions).
 * Only for callers who may read the whole issuer (not shareholders).
 */
@RestController
@Tag(name = "Open Cap Table Format", description = "Export an issuer's history as an OCF package")
public class OcfExportController {

    private final OcfExporter exporter;
    private final Clock clock = Clock.systemUTC();
    private final ReadableIssuers readableIssuers;

    public OcfExportController(OcfExporter exporter, ReadableIssuers readableIssuers) {
        this.readableIssuers = readableIssuers;
        this.exporter = exporter;
    }

    @GetMapping(path = "/api/issuers/{issuerId}/ocf-export", produces = {"application/zip",
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Export the issuer as an OCF package", description = "OCF 1.2 files of everything effective "
            + "on or before asOf (default: today in UTC): stock, plans, grants with their vesting terms, warrants and "
            + "convertibles. 422 OCF_EXPORT_UNSUPPORTED when the history has a split that adjusted grants or warrants, "
            + "which OCF 1.2 cannot express.")
    @ApiResponse(responseCode = "200", description = "The package", content = @Content(mediaType = "application/zip"))
    @ApiResponse(responseCode = "422", description = "Not expressible in OCF 1.2 (see code)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public void export(@PathVariable String issuerId,
                       @Parameter(description = "Effective date, ISO 8601") @RequestParam(required = false)
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                       HttpServletResponse response) throws IOException {
        IssuerId issuer = readableIssuers.fullRead(issuerId);
        LocalDate date = asOf == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : asOf;
        // Built before the response starts, so that a refusal is still a problem document, not a broken zip.
        var files = exporter.files(issuer, date, clock.instant());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + issuer + "-" + date
                + ".ocf.zip\"");
        OcfExporter.zip(files, response.getOutputStream());
    }
}
