package org.capledger.command.ocf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.platform.ocf.OcfReport.Severity;
import org.capledger.platform.security.CapledgerPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * OCF package imports over REST: upload a {@code *.ocf.zip}, get 202 and an import to poll for its progress and its
 * report. Platform administrators import (an import creates an issuer, as {@code POST /api/issuers} does); each sees
 * only their own imports. The upload's size limit is {@code capledger.ocf.import.max-size} (default 100 MB); above it
 * the answer is 413 and nothing is queued.
 */
@RestController
@Tag(name = "OCF", description = "Open Cap Table Format packages in and out")
public class OcfImportController {

    private final OcfImports imports;

    OcfImportController(OcfImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/ocf/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an OCF package (multipart upload)",
            description = "The part named `package` is the package as a zip (`*.ocf.zip`). Answers 202 with the "
                    + "import, whose `Location` to poll; see the zip-body variant for the options.")
    @ApiResponse(responseCode = "202", description = "Queued; poll Location for status, progress and report")
    public ResponseEntity<OcfImports.Status> upload(@RequestPart("package") MultipartFile file,
                                                    @RequestParam(defaultValue = "false") boolean dryRun,
                                                    @RequestParam(defaultValue = "ERROR") Severity checksumMismatch,
                                                    @RequestParam(defaultValue = "NEW_ISSUER")
                                                    OcfImportOptions.ExistingIssuer existingIssuer) {
        try {
            return submit(file.getInputStream(), file.getOriginalFilename(), dryRun, checksumMismatch,
                    existingIssuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(path = "/api/ocf/imports", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import an OCF package (zip body)",
            description = "The body is the package as a zip (`*.ocf.zip`). The import runs in the background, all "
                    + "or nothing: the package is validated against the OCF schemas of its version, then every object "
                    + "and transaction is recorded through the ledger's rules, in effective-date order, in one "
                    + "database transaction. A package with any error records nothing; the report lists every "
                    + "problem (file, item id, JSON path, rule, message). docs/ocf.md has the mappings and quirks.")
    @ApiResponse(responseCode = "202", description = "Queued; poll Location for status, progress and report")
    public ResponseEntity<OcfImports.Status> zip(HttpServletRequest request,
                                                 @Parameter(description = "Check everything, record nothing")
                                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                                 @Parameter(description = "ERROR, or WARNING for packages edited "
                                                         + "after export (OCF's samples)")
                                                 @RequestParam(defaultValue = "ERROR") Severity checksumMismatch,
                                                 @Parameter(description = "When the manifest's issuer id is an "
                                                         + "issuer already: NEW_ISSUER (a new id) or REFUSE")
                                                 @RequestParam(defaultValue = "NEW_ISSUER")
                                                 OcfImportOptions.ExistingIssuer existingIssuer,
                                                 @RequestParam(required = false) String fileName) {
        try {
            return submit(request.getInputStream(), fileName, dryRun, checksumMismatch, existingIssuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<OcfImports.Status> submit(InputStream body, String fileName, boolean dryRun,
                                                     Severity checksumMismatch,
                                                     OcfImportOptions.ExistingIssuer existingIssuer) {
        CapledgerPrincipal principal = CapledgerPrincipal.current();
        if (!principal.platformAdmin()) {
            throw new CapledgerException(ErrorCode.FORBIDDEN,
                    "Only platform administrators import packages (an import creates an issuer)");
        }
        Path upload = OcfImports.spool(body);
        String name = fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 255));
        String importId = imports.submit(upload, name, new OcfImportOptions(dryRun, checksumMismatch,
                existingIssuer), new OcfImporter.Actor(principal.accountId(), true));
        OcfImports.Status status = imports.find(importId, principal.accountId()).orElseThrow();
        return ResponseEntity.accepted().location(java.net.URI.create("/api/ocf/imports/" + importId))
                .header("Retry-After", "1").body(status);
    }

    @GetMapping("/api/ocf/imports/{importId}")
    @Operation(summary = "An import's status, progress and report",
            description = "`status`: QUEUED, RUNNING, then IMPORTED (the issuer is `issuerId`), VALID (a dry run "
                    + "found no error) or FAILED (nothing recorded; `report` lists every error). `itemsDone` of "
                    + "`itemsTotal` objects and transactions while RUNNING. Once IMPORTED, `position` (also the "
                    + "`Capledger-Position` header) is what a query sends to read the imported cap table at once. "
                    + "404 for another account's import.")
    public ResponseEntity<OcfImports.Status> status(@PathVariable String importId) {
        OcfImports.Status status = imports.find(importId, CapledgerPrincipal.current().accountId())
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such import"));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (status.position() != null) {
            response.header("Capledger-Position", String.valueOf(status.position()));
        } else if (status.status().equals("QUEUED") || status.status().equals("RUNNING")) {
            response.header("Retry-After", "1");
        }
        return response.body(status);
    }
}
