package org.capledger.query.http;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.query.compliance.ComplianceCsv;
import org.capledger.query.compliance.CompliancePdf;
import org.capledger.query.compliance.ComplianceReports;
import org.capledger.query.compliance.FranchiseTaxStatement;
import org.capledger.query.compliance.HoldersOfRecordStatement;
import org.capledger.query.compliance.Rule701Statement;
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
 * Compliance reports computed from an issuer's ledger, under {@code /api/issuers/{issuerId}/reports}: the Delaware
 * franchise tax, Rule 701 and holders of record (Exchange Act §12(g)). They show every holder, so only callers who
 * may read the whole issuer get them (platform administrators, OWNER, ADMIN, VIEWER); anyone else gets the 404 of
 * an unknown issuer. Figures the ledger does not hold are query parameters; money is a plain decimal string in US
 * dollars ({@code 1000000}, {@code 1250000.50}). The rendering is chosen with {@code format=} or {@code Accept}
 * (see {@link ReportFormat}): JSON, CSV for the tabular parts, PDF with the working. See docs/compliance.md.
 */
@RestController
@RequestMapping("/api/issuers/{issuerId}/reports")
@Tag(name = "Compliance reports", description = "Delaware franchise tax, Rule 701 and holders of record, computed "
        + "from the event stream with the working shown")
@ApiResponse(responseCode = "400", description = "INVALID_PARAMETER: a parameter is missing or malformed (see errors)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer, or the caller may not read all of it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "406", description = "NOT_ACCEPTABLE: the format asked for is not offered",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "DATE_BEFORE_FORMATION, REPORT_NOT_APPLICABLE, INVALID_MONEY (see "
        + "detail)", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Read models behind the Capledger-Position sent",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ComplianceReportController {

    private static final Set<ReportFormat> JSON_PDF = EnumSet.of(ReportFormat.JSON, ReportFormat.PDF);
    private static final Set<ReportFormat> JSON_CSV_PDF = EnumSet.allOf(ReportFormat.class);
    private static final String FORMAT = "Rendering: json, csv (where offered) or pdf; overrides Accept";
    private static final String MONEY = "^\\d{1,18}(\\.\\d{1,10})?$";

    private final ComplianceReports reports;
    private final CompliancePdf pdf;
    private final Clock clock;
    private final ReadableIssuers readableIssuers;

    public ComplianceReportController(ComplianceReports reports, CompliancePdf pdf, ReadableIssuers readableIssuers) {
        this.readableIssuers = readableIssuers;
        this.reports = reports;
        this.pdf = pdf;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/delaware-franchise-tax")
    @ApiResponse(responseCode = "200", description = "The franchise tax by both methods, the lesser chosen, with the "
            + "working", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = FranchiseTaxStatement.class)),
            @Content(mediaType = "application/pdf")})
    @Operation(summary = "Delaware franchise tax for a tax year", description = "8 Del. C. §503 as the Division of "
            + "Corporations computes it: authorized shares method and assumed par value capital method, minimum and "
            + "maximum, proration by days when authorized shares changed during the year, the lesser method chosen, "
            + "plus the $50 annual report fee. Classes, par values and authorized shares over the year, and issued "
            + "shares at 31 December, come from the ledger. taxYear from 2018 to the current year (the current "
            + "year is provisional: read up to today). 422 REPORT_NOT_APPLICABLE unless the issuer was formed in "
            + "Delaware (US, DE). JSON or PDF; no CSV (406).")
    public ResponseEntity<?> delawareFranchiseTax(
            @PathVariable String issuerId,
            @Parameter(description = "Calendar year taxed", example = "2024") @RequestParam(required = false)
            Integer taxYear,
            @Parameter(description = "Total gross assets in USD (Form 1120, Schedule L), decimal string",
                    example = "1000000") @RequestParam(required = false) String grossAssets,
            @Parameter(description = "Identified as a Large Corporate Filer (maximum $250,000)")
            @RequestParam(required = false, defaultValue = "false") boolean largeCorporateFiler,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        IssuerId issuer = readableIssuers.fullRead(issuerId);
        ReportFormat rendering = ReportFormat.choose(format, accept, JSON_PDF);
        if (taxYear == null) {
            throw missing("taxYear", "the calendar year taxed, such as 2024");
        }
        FranchiseTaxStatement statement = reports.franchiseTax(issuer, taxYear, usd("grossAssets", grossAssets),
                largeCorporateFiler);
        return render(rendering, statement, null, () -> pdf.franchiseTax(statement),
                issuer + "-delaware-franchise-tax-" + taxYear);
    }

    @GetMapping("/rule-701")
    @ApiResponse(responseCode = "200", description = "Compensatory sales against the Rule 701 limits, with the "
            + "working", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Rule701Statement.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/pdf")})
    @Operation(summary = "Rule 701 as of a date", description = "17 CFR 230.701(d), (e): compensatory sales in the 12 "
            + "months ending on asOf, and the peak over every earlier window, against the greatest of $1,000,000, "
            + "15% of total assets and 15% of the outstanding class; the $10,000,000 disclosure threshold. Sales are "
            + "the ledger's grants (options at exercise price at grant) and stock issued to employees, consultants, "
            + "advisors and former employees (see docs/compliance.md). CSV: the sales of the as-of window.")
    public ResponseEntity<?> rule701(
            @PathVariable String issuerId,
            @Parameter(description = "Last day of the 12-month window, ISO 8601; default today in UTC",
                    example = "2024-12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "Total assets in USD at the balance sheet date, decimal string",
                    example = "5000000") @RequestParam(required = false) String totalAssets,
            @Parameter(description = "Most recent balance sheet date, on or before asOf; default asOf",
                    example = "2024-09-30") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate balanceSheetDate,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        IssuerId issuer = readableIssuers.fullRead(issuerId);
        ReportFormat rendering = ReportFormat.choose(format, accept, JSON_CSV_PDF);
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        Rule701Statement statement = reports.rule701(issuer, date, usd("totalAssets", totalAssets), balanceSheetDate);
        return render(rendering, statement, () -> ComplianceCsv.rule701Issuances(statement),
                () -> pdf.rule701(statement), issuer + "-rule-701-" + date);
    }

    @GetMapping("/holders-of-record")
    @ApiResponse(responseCode = "200", description = "Holders of record per class against the §12(g) thresholds, "
            + "with the working", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = HoldersOfRecordStatement.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/pdf")})
    @Operation(summary = "Holders of record as of a date", description = "Exchange Act §12(g)(1): holders of record "
            + "per class and in total, non-accredited holders counted separately (unknown counts as not "
            + "accredited), holders whose shares all came from exercises or releases of stock-plan grants left out "
            + "(§12(g)(5)), against 2,000 persons or 500 non-accredited persons and total assets above $10,000,000. "
            + "CSV: one row per class and holder.")
    public ResponseEntity<?> holdersOfRecord(
            @PathVariable String issuerId,
            @Parameter(description = "The fiscal year end examined, ISO 8601; default today in UTC",
                    example = "2024-12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "Total assets in USD on that day, decimal string", example = "12000000")
            @RequestParam(required = false) String totalAssets,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        IssuerId issuer = readableIssuers.fullRead(issuerId);
        ReportFormat rendering = ReportFormat.choose(format, accept, JSON_CSV_PDF);
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        HoldersOfRecordStatement statement = reports.holdersOfRecord(issuer, date, usd("totalAssets", totalAssets));
        return render(rendering, statement, () -> ComplianceCsv.holdersOfRecord(statement),
                () -> pdf.holdersOfRecord(statement), issuer + "-holders-of-record-" + date);
    }

    /** @param csv the CSV rendering, or {@code null} when the report offers none */
    private static ResponseEntity<?> render(ReportFormat rendering, Object statement, Supplier<String> csv,
                                            Supplier<byte[]> pdf, String fileName) {
        return switch (rendering) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statement);
            case CSV -> ResponseEntity.ok().contentType(MediaType.parseMediaType(ComplianceCsv.MEDIA_TYPE))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".csv"))
                    .body(csv.get().getBytes(StandardCharsets.UTF_8));
            case PDF -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".pdf"))
                    .body(pdf.get());
        };
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    /** A required amount in US dollars: a plain decimal string, no sign, exponent, grouping or currency. */
    private static Money usd(String name, String value) {
        if (value == null || value.isBlank()) {
            throw missing(name, "an amount in US dollars such as 1000000 or 1250000.50");
        }
        if (!value.strip().matches(MONEY)) {
            throw invalid(name, name + " must be an amount in US dollars written as a plain decimal such as 1000000 "
                    + "or 1250000.50 (no sign, exponent, grouping or currency; at most ten decimal places)");
        }
        return new Money(new BigDecimal(value.strip()), "USD");
    }

    private static CapledgerException missing(String name, String what) {
        return invalid(name, name + " is required: " + what);
    }

    private static CapledgerException invalid(String name, String message) {
        return new CapledgerException(ErrorCode.INVALID_PARAMETER, message,
                Map.of("errors", List.of(Map.of("field", name, "message", message))));
    }
}
