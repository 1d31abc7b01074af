package org.capledger.query.http;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.capledger.api.value.IssuerId;
import org.capledger.query.issuers.IssuerViewRepository;
import org.capledger.query.registers.RegisterCsv;
import org.capledger.query.registers.RegisterOfMembersView;
import org.capledger.query.registers.RegisterPdf;
import org.capledger.query.registers.Registers;
import org.capledger.query.registers.StockLedgerEntry;
import org.capledger.query.registers.StockLedgerView;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statutory registers, computed from the issuer's events as of a date (default: today in UTC): the stock ledger
 * and the register of members (docs/registers.md). Each is JSON at its path, CSV at the same path with the
 * suffix {@code .csv} and PDF with the suffix {@code .pdf}; the suffix names the representation, as {@code /certificates/{label}.pdf} does, so a link
 * downloads the file whatever the client's {@code Accept} (the suffixed routes declare no {@code produces} and set
 * their content type themselves), and the path without a suffix is JSON only (406 when {@code Accept} excludes
 * it). Errors are problem documents on every route. JSON pages the lines ({@code page}, {@code size} as
 * everywhere); CSV and PDF are the whole register, and the PDF is dated the as-of date, so the same request
 * gives the same bytes. Only callers who may read the whole issuer get them: OWNER, ADMIN, VIEWER
 * and platform administrators; a SHAREHOLDER gets the 404 of an issuer it cannot see, as for the audit trail, since
 * both registers list every holder.
 */
@RestController
@RequestMapping("/api/issuers/{issuerId}")
@Tag(name = "Registers", description = "The stock ledger and the register of members, as of any date")
@ApiResponse(responseCode = "400", description = "Invalid parameter",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer, or one the caller may not read whole",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "DATE_BEFORE_FORMATION: asOf precedes the issuer's formation",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Read models behind the Capledger-Position sent",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@Transactional(readOnly = true)
public class RegisterController {

    private static final String CSV = "text/csv";
    private static final String AS_OF = "Effective date the register is drawn up to, inclusive, ISO 8601; default "
            + "today in UTC";

    private final Registers registers;
    private final RegisterPdf pdf;
    private final IssuerViewRepository issuers;
    private final ReadableIssuers readableIssuers;

    public RegisterController(Registers registers, RegisterPdf pdf, IssuerViewRepository issuers, ReadableIssuers readableIssuers) {
        this.readableIssuers = readableIssuers;
        this.registers = registers;
        this.pdf = pdf;
        this.issuers = issuers;
    }

    @GetMapping(path = "/stock-ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get the stock ledger",
            description = "Every stock transaction effective on or before asOf, by certificate (8 Del. C. s.219, "
                    + "s.224): issuances (also from exercises, releases and conversions of convertibles), transfers, "
                    + "cancellations, repurchases, reissuances, retractions, conversions, splits and consolidations. "
                    + "One line per holder and class a transaction touched, with its shares signed (in positive, out "
                    + "negative) and the certificates it issued and extinguished; ordered by effective date, then "
                    + "recording order. Lines are paged.")
    @ApiResponse(responseCode = "200", description = "One page of the stock ledger")
    public StockLedgerResponse stockLedger(@PathVariable String issuerId,
                                           @Parameter(description = AS_OF, example = "2023-12-31")
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        Pageable pageable = Paging.of(page, size, null, Map.of(), Sort.unsorted());
        StockLedgerView ledger = registers.stockLedger(readableIssuers.fullRead(issuerId), date(asOf));
        return new StockLedgerResponse(ledger.issuerId(), ledger.issuerLegalName(), ledger.asOf(),
                PageResponse.of(page(ledger.entries(), pageable), e -> e));
    }

    @GetMapping("/stock-ledger.csv")
    @Operation(summary = "Download the stock ledger as CSV",
            description = "The whole stock ledger as of asOf, one row per line (columns in docs/registers.md); "
                    + "text cells that a spreadsheet would read as a formula start with an apostrophe.")
    @ApiResponse(responseCode = "200", description = "The stock ledger",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    public ResponseEntity<byte[]> stockLedgerCsv(@PathVariable String issuerId,
                                                 @Parameter(description = AS_OF) @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        StockLedgerView ledger = registers.stockLedger(readableIssuers.fullRead(issuerId), date(asOf));
        return csv(RegisterCsv.stockLedger(ledger), ledger.issuerId() + "-stock-ledger-" + ledger.asOf() + ".csv");
    }

    @GetMapping("/stock-ledger.pdf")
    @Operation(summary = "Download the stock ledger as PDF",
            description = "The whole stock ledger as of asOf as a PDF/A-2u document, landscape (US Letter for an "
                    + "issuer formed in the United States, A4 otherwise): the issuer, the date and the statute "
                    + "(8 Del. C. s.219, s.224) on top, one row per line (columns in docs/registers.md), page numbers "
                    + "in the footer. Dated asOf: the same request gives the same bytes.")
    @ApiResponse(responseCode = "200", description = "The stock ledger",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string",
                    format = "binary")))
    public ResponseEntity<byte[]> stockLedgerPdf(@PathVariable String issuerId,
                                                 @Parameter(description = AS_OF) @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        IssuerId id = readableIssuers.fullRead(issuerId);
        StockLedgerView ledger = registers.stockLedger(id, date(asOf));
        boolean usLetter = issuers.findById(id.value()).map(i -> "US".equals(i.countryOfFormation())).orElse(true);
        return file(pdf.stockLedger(ledger, usLetter), MediaType.APPLICATION_PDF,
                ledger.issuerId() + "-stock-ledger-" + ledger.asOf() + ".pdf");
    }

    @GetMapping(path = "/register-of-members", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get the register of members",
            description = "For an issuer formed in Great Britain (Companies Act 2006 s.113): each member's name and "
                    + "address, the date it was entered as a member and the date it ceased to be one, and on asOf its "
                    + "shares by class with their certificates and the amount paid up on them (paidUpBasis says how "
                    + "that is computed). One entry per period of membership, former members included; entries are "
                    + "paged. Any other issuer: 422 REGISTER_NOT_APPLICABLE.")
    @ApiResponse(responseCode = "200", description = "One page of the register of members")
    @ApiResponse(responseCode = "422", description = "REGISTER_NOT_APPLICABLE: the issuer was not formed in Great "
            + "Britain; DATE_BEFORE_FORMATION",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public RegisterOfMembersResponse registerOfMembers(@PathVariable String issuerId,
                                                       @Parameter(description = AS_OF, example = "2023-12-31")
                                                       @RequestParam(required = false)
                                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        Pageable pageable = Paging.of(page, size, null, Map.of(), Sort.unsorted());
        RegisterOfMembersView register = registers.registerOfMembers(readableIssuers.fullRead(issuerId), date(asOf));
        return new RegisterOfMembersResponse(register.issuerId(), register.issuerLegalName(), register.asOf(),
                RegisterOfMembersView.PAID_UP_BASIS, PageResponse.of(page(register.members(), pageable), m -> m));
    }

    @GetMapping("/register-of-members.csv")
    @Operation(summary = "Download the register of members as CSV",
            description = "The whole register as of asOf, one row per member and class held (one row for a former "
                    + "member); columns in docs/registers.md. 422 REGISTER_NOT_APPLICABLE for an issuer not formed in "
                    + "Great Britain.")
    @ApiResponse(responseCode = "200", description = "The register of members",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "REGISTER_NOT_APPLICABLE, DATE_BEFORE_FORMATION",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<byte[]> registerOfMembersCsv(@PathVariable String issuerId,
                                                       @Parameter(description = AS_OF) @RequestParam(required = false)
                                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        RegisterOfMembersView register = registers.registerOfMembers(readableIssuers.fullRead(issuerId), date(asOf));
        return csv(RegisterCsv.registerOfMembers(register),
                register.issuerId() + "-register-of-members-" + register.asOf() + ".csv");
    }

    @GetMapping("/register-of-members.pdf")
    @Operation(summary = "Download the register of members as PDF",
            description = "The whole register as of asOf as a PDF/A-2u document, A4 landscape: the issuer, the date "
                    + "and the statute (Companies Act 2006 s.113) on top, one row per member and class held "
                    + "(columns in docs/registers.md), the paid-up basis below, page numbers in the footer. Dated "
                    + "asOf: the same request gives the same bytes. 422 REGISTER_NOT_APPLICABLE for an issuer not "
                    + "formed in Great Britain.")
    @ApiResponse(responseCode = "200", description = "The register of members",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string",
                    format = "binary")))
    @ApiResponse(responseCode = "422", description = "REGISTER_NOT_APPLICABLE, DATE_BEFORE_FORMATION",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<byte[]> registerOfMembersPdf(@PathVariable String issuerId,
                                                       @Parameter(description = AS_OF) @RequestParam(required = false)
                                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        RegisterOfMembersView register = registers.registerOfMembers(readableIssuers.fullRead(issuerId), date(asOf));
        return file(pdf.registerOfMembers(register), MediaType.APPLICATION_PDF,
                register.issuerId() + "-register-of-members-" + register.asOf() + ".pdf");
    }

    /**
     * The stock ledger with one page of its lines.
     *
     * @param entries the page of lines, in ledger order
     */
    public record StockLedgerResponse(String issuerId, String issuerLegalName, LocalDate asOf,
                                      PageResponse<StockLedgerEntry> entries) {
    }

    /**
     * The register of members with one page of its entries.
     *
     * @param paidUpBasis how the amounts paid up are computed
     * @param members     the page of entries, by name
     */
    public record RegisterOfMembersResponse(String issuerId, String issuerLegalName, LocalDate asOf,
                                            String paidUpBasis, PageResponse<RegisterOfMembersView.Member> members) {
    }

    private static LocalDate date(LocalDate asOf) {
        return asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
    }

    private static <T> PageImpl<T> page(List<T> all, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = (int) Math.min((long) from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }

    private static ResponseEntity<byte[]> csv(String body, String filename) {
        return file(body.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType(RegisterCsv.MEDIA_TYPE), filename);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
