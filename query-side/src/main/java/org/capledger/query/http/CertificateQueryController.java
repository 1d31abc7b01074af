package org.capledger.query.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.criteria.Predicate;
import jakarta.servlet.http.HttpServletRequest;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.certificate.LegendTemplate;
import org.capledger.api.value.IssuerId;
import org.capledger.platform.security.RateLimitProperties;
import org.capledger.platform.security.RateLimits;
import org.capledger.query.certificates.CertificateQueries;
import org.capledger.query.certificates.CertificateStatus;
import org.capledger.query.certificates.CertificateView;
import org.capledger.query.certificates.CertificateViewRepository;
import org.capledger.query.members.ReadAccess;
import org.capledger.query.stakeholders.StakeholderView;
import org.capledger.query.stakeholders.StakeholderViewRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Share certificates: the list, one as JSON or as PDF/A (a shareholder only their own, like every holding), the
 * standard legend templates, and the public verification of a certificate's code, which answers only whether it is
 * valid, cancelled or unknown, with its label and issuer, never its holder.
 */
@RestController
@Tag(name = "Certificates", description = "Share certificates: lost-certificate replacement, signing officers, "
        + "class legends, PDFs and public verification")
@ApiResponse(responseCode = "400", description = "Invalid parameter",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer or certificate",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@Transactional(readOnly = true)
public class CertificateQueryController {

    private final CertificateViewRepository certificates;
    private final CertificateQueries queries;
    private final StakeholderViewRepository stakeholders;
    private final RateLimits limits;
    private final RateLimitProperties limitSettings;
    private final ReadableIssuers readableIssuers;

    public CertificateQueryController(CertificateViewRepository certificates, CertificateQueries queries,
                                      StakeholderViewRepository stakeholders,
                                      RateLimits limits, RateLimitProperties limitSettings, ReadableIssuers readableIssuers) {
        this.readableIssuers = readableIssuers;
        this.certificates = certificates;
        this.queries = queries;
        this.stakeholders = stakeholders;
        this.limits = limits;
        this.limitSettings = limitSettings;
    }

    /** A certificate linked to another one: its label, or null when the caller may not see it. */
    @Schema(description = "Another certificate this one is linked to")
    public record CertificateLink(String securityId, String label, String stakeholderId) {
    }

    @Schema(description = "A share certificate: one stock security")
    public record CertificateResponse(
            String issuerId, String securityId,
            @Schema(example = "CS-1") String label,
            String stakeholderId, String holderName, String stockClassId,
            @Schema(type = "string", example = "1000") BigDecimal quantity,
            LocalDate issueDate,
            @Schema(description = "ISSUANCE, or the transaction that issued it: TRANSFER, REISSUANCE, SPLIT, "
                    + "EXERCISE, ...") String origin,
            @Schema(description = "ACTIVE, CANCELLED, VOID or REPLACED") String status,
            @Schema(description = "The transaction that ended it, while not active") String endedBy,
            LocalDate endedOn,
            @Schema(description = "The certificate (or grant, warrant, convertible) it came from") CertificateLink source,
            @Schema(description = "The balance certificate after a partial transfer, cancellation, repurchase or "
                    + "conversion") CertificateLink balance,
            @Schema(description = "The certificate that replaced it (reissuance, split, lost certificate)")
            CertificateLink replacement,
            @Schema(description = "Certificates that came from it, that the caller may see") List<CertificateLink> resulting,
            @Schema(description = "Date of the affidavit of loss, when replaced as lost") LocalDate affidavitDate,
            @Schema(example = "7KQ2-M9XA-PL3D-W8RT") String verificationCode,
            @Schema(description = "Demo data: printed with a SPECIMEN watermark") boolean specimen,
            @Schema(example = "/api/issuers/acme/certificates/CS-1.pdf") String pdf) {
    }

    @Schema(description = "A standard legend")
    public record LegendTemplateResponse(String template, String title, String text) {
    }

    @GetMapping(path = "/api/issuers/{issuerId}/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "One page of certificates")
    @Operation(summary = "List share certificates", description = "Filter by stakeholderId, stockClassId, status "
            + "(ACTIVE, CANCELLED, VOID, REPLACED). Sortable by label, issueDate, quantity. A shareholder sees only "
            + "their own.")
    public PageResponse<CertificateResponse> list(@PathVariable String issuerId,
                                                  @RequestParam(required = false) String stakeholderId,
                                                  @RequestParam(required = false) String stockClassId,
                                                  @RequestParam(required = false) String status,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size,
                                                  @RequestParam(required = false) String sort) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        CertificateStatus wanted = status == null ? null : status(status);
        Specification<CertificateView> filter = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("issuerId"), issuer.value()));
            if (!scope.full()) {
                where.add(cb.equal(root.get("stakeholderId"), scope.stakeholderId()));
            }
            if (stakeholderId != null) {
                where.add(cb.equal(root.get("stakeholderId"), stakeholderId));
            }
            if (stockClassId != null) {
                where.add(cb.equal(root.get("stockClassId"), stockClassId));
            }
            if (wanted != null) {
                where.add(cb.equal(root.get("status"), wanted));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<CertificateView> found = certificates.findAll(filter, Paging.of(page, size, sort,
                Map.of("label", "stockClassId,labelNumber", "issueDate", "issueDate", "quantity", "quantity"),
                Sort.by("stockClassId", "labelNumber")));
        Links links = links(issuer.value(), found.getContent(), scope);
        return PageResponse.of(found, c -> response(c, links));
    }

    @GetMapping(path = "/api/issuers/{issuerId}/certificates/{label}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "The certificate")
    @Operation(summary = "Get a share certificate", description = "By label, ignoring case.")
    public CertificateResponse certificate(@PathVariable String issuerId, @PathVariable String label) {
        ReadAccess.Scope scope = readableIssuers.scope(ReadableIssuers.known(issuerId));
        CertificateView c = visible(issuerId, label, scope);
        return response(c, links(c.issuerId(), List.of(c), scope));
    }

    @GetMapping(path = "/api/issuers/{issuerId}/certificates/{label}.pdf",
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @ApiResponse(responseCode = "200", description = "The certificate as PDF/A",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @Operation(summary = "Download a share certificate as PDF", description = "PDF/A with embedded fonts. The same "
            + "certificate gives the same bytes. An ended certificate carries a CANCELLED or VOID watermark, the demo "
            + "company's a SPECIMEN one.")
    public ResponseEntity<byte[]> pdf(@PathVariable String issuerId, @PathVariable String label) {
        CertificateView c = visible(issuerId, label, readableIssuers.scope(ReadableIssuers.known(issuerId)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.label() + ".pdf").build().toString())
                .body(queries.pdf(c));
    }

    @GetMapping(path = "/api/certificate-legend-templates", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "The standard legends")
    @Operation(summary = "List standard certificate legends",
            description = "Name one as a template in PUT .../stock-classes/{id}/legends; the text is recorded then.")
    public List<LegendTemplateResponse> legendTemplates() {
        return Arrays.stream(LegendTemplate.values())
                .map(t -> new LegendTemplateResponse(t.name(), t.title(), t.text())).toList();
    }

    @GetMapping(path = "/api/verify/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "VALID, CANCELLED, VOID, REPLACED or UNKNOWN")
    @ApiResponse(responseCode = "429", description = "Too many verifications from this address",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @Operation(summary = "Verify a certificate (public)", description = "Anyone holding a certificate can check its "
            + "code: the answer says whether it is valid (active), cancelled, void or replaced, or unknown, with its "
            + "label and issuer, and nothing about its holder. Case and I/L/O misreadings are forgiven.")
    public CertificateQueries.Verification verify(@PathVariable String code, HttpServletRequest request) {
        limits.consume(limitSettings.verify(), request.getRemoteAddr());
        return queries.verify(code);
    }

    // ---------------------------------------------------------------- helpers

    /** The certificate, when the caller's scope on the issuer covers its holder: 404 NOT_FOUND otherwise. */
    private CertificateView visible(String issuerId, String label, ReadAccess.Scope scope) {
        CertificateView c = queries.byLabel(ReadableIssuers.known(issuerId).value(), label);
        if (!scope.covers(c.stakeholderId())) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "No such certificate");
        }
        return c;
    }

    /** Everything the page's certificates link to, loaded at once, and the holders' names. */
    private record Links(Map<String, CertificateView> byId, Map<String, List<CertificateView>> bySource,
                         Map<String, String> holderNames, ReadAccess.Scope scope) {

        CertificateLink link(String securityId) {
            if (securityId == null) {
                return null;
            }
            CertificateView c = byId.get(securityId);
            if (c == null) {
                return new CertificateLink(securityId, null, null);
            }
            return scope.covers(c.stakeholderId()) ? new CertificateLink(c.securityId(), c.label(), c.stakeholderId())
                    : null;
        }
    }

    private Links links(String issuerId, List<CertificateView> page, ReadAccess.Scope scope) {
        Set<String> ids = new HashSet<>();
        for (CertificateView c : page) {
            addIfPresent(ids, c.sourceSecurityId());
            addIfPresent(ids, c.balanceSecurityId());
            addIfPresent(ids, c.replacementSecurityId());
        }
        Collection<String> pageIds = page.stream().map(CertificateView::securityId).toList();
        Map<String, CertificateView> byId = ids.isEmpty() ? Map.of()
                : certificates.findByIssuerIdAndSecurityIdIn(issuerId, ids).stream()
                .collect(Collectors.toMap(CertificateView::securityId, Function.identity()));
        Map<String, List<CertificateView>> bySource = pageIds.isEmpty() ? Map.of()
                : certificates.findByIssuerIdAndSourceSecurityIdIn(issuerId, pageIds).stream()
                .collect(Collectors.groupingBy(CertificateView::sourceSecurityId));
        Set<String> holders = page.stream().map(CertificateView::stakeholderId).collect(Collectors.toSet());
        Map<String, String> names = stakeholders.findAllById(holders.stream()
                        .map(h -> new StakeholderView.Key(issuerId, h)).toList()).stream()
                .collect(Collectors.toMap(StakeholderView::stakeholderId, StakeholderView::legalName));
        return new Links(byId, bySource, names, scope);
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static CertificateResponse response(CertificateView c, Links links) {
        List<CertificateLink> resulting = links.bySource().getOrDefault(c.securityId(), List.of()).stream()
                .filter(r -> links.scope().covers(r.stakeholderId()))
                .sorted(java.util.Comparator.comparing(CertificateView::label))
                .map(r -> new CertificateLink(r.securityId(), r.label(), r.stakeholderId())).toList();
        return new CertificateResponse(c.issuerId(), c.securityId(), c.label(), c.stakeholderId(),
                links.holderNames().get(c.stakeholderId()), c.stockClassId(), c.quantity(), c.issueDate(),
                c.origin(), c.status().name(), c.endedBy(), c.endedOn(), links.link(c.sourceSecurityId()),
                links.link(c.balanceSecurityId()), links.link(c.replacementSecurityId()), resulting,
                c.affidavitDate(), c.verificationCode(), c.specimen(),
                "/api/issuers/" + c.issuerId() + "/certificates/" + c.label() + ".pdf");
    }

    private static CertificateStatus status(String value) {
        try {
            return CertificateStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new CapledgerException(ErrorCode.INVALID_PARAMETER,
                    "status must be one of ACTIVE, CANCELLED, VOID, REPLACED");
        }
    }


}
