package org.capledger.query.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.capledger.api.value.IssuerId;
import org.capledger.query.reports.CapTableReportFormat;
import org.capledger.query.reports.CapTableReports;
import org.capledger.query.reports.IntegrityPdf;
import org.capledger.query.reports.IntegrityReport;
import org.capledger.query.reports.IntegrityReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports computed from an issuer's ledger, under {@code /api/issuers/{issuerId}/reports}: the ledger integrity
 * report and the cap table report. They show every holder, so only callers who may read the whole issuer get them
 * (platform administrators, OWNER, ADMIN, VIEWER); anyone else gets the 404 of an unknown issuer. Send
 * {@code Capledger-Position} from a command response to include that command. See docs/reports.md.
 */
@RestController
@RequestMapping("/api/issuers/{issuerId}/reports")
@Tag(name = "Reports", description = "Ledger integrity and cap table reports, computed from the event stream")
@ApiResponse(responseCode = "400", description = "Invalid parameter",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer, or the caller may not read all of it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "DATE_BEFORE_FORMATION: asOf precedes the issuer's formation",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Read models behind the Capledger-Position sent",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ReportController {

    private static final Set<ReportFormat> JSON_PDF = EnumSet.of(ReportFormat.JSON, ReportFormat.PDF);

    private final IntegrityReports integrity;
    private final IntegrityPdf integrityPdf;
    private final CapTableReports capTables;
    private final Clock clock;
    private final ReadableIssuers readableIssuers;

    public ReportController(IntegrityReports integrity, IntegrityPdf integrityPdf, CapTableReports capTables,
                            ReadableIssuers readableIssuers) {
        this.readableIssuers = readableIssuers;
        this.integrity = integrity;
        this.integrityPdf = integrityPdf;
        this.capTables = capTables;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/integrity")
    @ApiResponse(responseCode = "200", description = "The report; passed is false when any check found an offending "
            + "item (the answer is still 200: the report is what was asked for)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation =
                    IntegrityReport.class)),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string",
                    format = "binary"))})
    @ApiResponse(responseCode = "406", description = "NOT_ACCEPTABLE: format or Accept admits neither JSON nor PDF",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @Operation(summary = "Check the ledger's integrity", description = "Folds the issuer's events again, independently "
            + "of the ledger that recorded them, and checks: outstanding never above authorized for every class and "
            + "the issuer at the end of every effective date up to asOf; every stock security traced to an issuance "
            + "through its chain of sources; no negative position per holder and class, every quantity positive; "
            + "quantities conserved by every terminal transaction (splits and conversions at their ratios); the "
            + "certificate register consistent with the events. Each check lists its offending items (at most 100; "
            + "offendingCount has them all) and how many items it examined. JSON, or PDF with the working (each "
            + "check with pass or fail, what it examined and its offending items; PDF/A-2u dated asOf) with "
            + "format=pdf or Accept: application/pdf; format wins over Accept, and without either the answer is "
            + "JSON.")
    public ResponseEntity<?> integrity(@PathVariable String issuerId,
                                       @Parameter(description = "Last effective date checked, ISO 8601; default "
                                               + "today in UTC", example = "2023-06-30")
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                       LocalDate asOf,
                                       @Parameter(description = "json or pdf; wins over Accept")
                                       @RequestParam(required = false) String format,
                                       @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        IssuerId issuer = readableIssuers.fullRead(issuerId);
        ReportFormat rendering = ReportFormat.choose(format, accept, JSON_PDF);
        IntegrityReport report = integrity.report(issuer, asOf == null ? LocalDate.now(clock) : asOf);
        if (rendering == ReportFormat.PDF) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(report.issuerId() + "-integrity-" + report.asOf() + ".pdf",
                                    StandardCharsets.UTF_8).build().toString())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .body(integrityPdf.render(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(report);
    }

    @GetMapping("/cap-table")
    @ApiResponse(responseCode = "200", description = "The cap table report as a file (Content-Disposition: attachment "
            + "with a file name)", content = {
            @Content(mediaType = "text/csv"),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            @Content(mediaType = "application/pdf")})
    @ApiResponse(responseCode = "406", description = "NOT_ACCEPTABLE: the Accept header admits none of the formats",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @Operation(summary = "Download the cap table report", description = "The cap table, outstanding and fully diluted, "
            + "per holder and stock class with percentages: CSV (one table with a header row, totals last), XLSX "
            + "(the cap table sheet and a fully diluted breakdown) or PDF (PDF/A-2u with a chart of fully diluted "
            + "ownership). The format comes from the format parameter when given, otherwise from Accept (text/csv, "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/pdf); without either, "
            + "CSV. Without asOf: everything recorded, from the read models, dated today "
            + "(UTC); with asOf: replayed from the events effective on or before that date.")
    public ResponseEntity<byte[]> capTable(@PathVariable String issuerId,
                                           @Parameter(description = "Effective date, ISO 8601", example = "2023-06-30")
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                           @Parameter(description = "csv, xlsx or pdf; wins over Accept")
                                           @RequestParam(required = false) String format,
                                           @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                                           String accept) {
        IssuerId issuer = readableIssuers.fullRead(issuerId);
        CapTableReportFormat chosen = CapTableReportFormat.negotiate(format, accept);
        CapTableReports.Rendered report = capTables.render(issuer, asOf, LocalDate.now(clock), chosen);
        return ResponseEntity.ok()
                .contentType(report.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(report.content());
    }
}
