package org.capledger.query.http;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.criteria.Predicate;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.ledger.CapTableView;
import org.capledger.ledger.InstrumentRecord;
import org.capledger.ledger.Ledger;
import org.capledger.query.audit.AuditEntry;
import org.capledger.query.audit.AuditEntryRepository;
import org.capledger.query.captable.CapTableQueries;
import org.capledger.query.grants.GrantView;
import org.capledger.query.grants.GrantViewRepository;
import org.capledger.query.grants.StockPlanViewRepository;
import org.capledger.query.http.QueryResponses.AuditEntryResponse;
import org.capledger.query.http.QueryResponses.GrantResponse;
import org.capledger.query.http.QueryResponses.InstrumentResponse;
import org.capledger.query.http.QueryResponses.IssuerResponse;
import org.capledger.query.http.QueryResponses.MemberResponse;
import org.capledger.query.http.QueryResponses.SecurityChainResponse;
import org.capledger.query.http.QueryResponses.SecurityResponse;
import org.capledger.query.http.QueryResponses.StakeholderResponse;
import org.capledger.query.http.QueryResponses.StockClassResponse;
import org.capledger.query.http.QueryResponses.StockPlanResponse;
import org.capledger.query.instruments.InstrumentView;
import org.capledger.query.instruments.InstrumentViewRepository;
import org.capledger.query.issuers.IssuerViewRepository;
import org.capledger.query.members.IssuerMemberRepository;
import org.capledger.query.members.ReadAccess;
import org.capledger.query.securities.SecurityChains;
import org.capledger.query.securities.SecurityView;
import org.capledger.query.securities.SecurityViewRepository;
import org.capledger.query.stakeholders.StakeholderView;
import org.capledger.query.stakeholders.StakeholderViewRepository;
import org.capledger.query.stockclasses.ConversionRightView;
import org.capledger.query.stockclasses.ConversionRightViewRepository;
import org.capledger.query.stockclasses.StockClassView;
import org.capledger.query.stockclasses.StockClassViewRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Read endpoints. Lists are paged ({@code page} from 0, {@code size} 1 to 200, default 50) and carry the total
 * count. Unknown issuers and ids answer 404. Send {@code Capledger-Position} from a command response to wait until
 * that command is visible.
 */
@RestController
@RequestMapping(path = "/api/issuers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Queries", description = "Read cap tables, holdings and history")
@ApiResponse(responseCode = "400", description = "Invalid parameter",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Unknown issuer or id",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Read models behind the Capledger-Position sent",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@Transactional(readOnly = true)
public class IssuerQueryController {

    private final IssuerViewRepository issuers;
    private final StakeholderViewRepository stakeholders;
    private final StockClassViewRepository classes;
    private final SecurityViewRepository securities;
    private final AuditEntryRepository audit;
    private final CapTableQueries capTables;
    private final ReadAccess access;
    private final IssuerMemberRepository members;
    private final SecurityChains chains;
    private final ConversionRightViewRepository conversionRights;
    private final StockPlanViewRepository plans;
    private final GrantViewRepository grants;
    private final InstrumentViewRepository instrumentViews;
    private final ReadableIssuers readableIssuers;

    public IssuerQueryController(IssuerViewRepository issuers, StakeholderViewRepository stakeholders,
                                 StockClassViewRepository classes, SecurityViewRepository securities,
                                 AuditEntryRepository audit, CapTableQueries capTables, ReadAccess access,
                                 IssuerMemberRepository members, SecurityChains chains,
                                 ConversionRightViewRepository conversionRights, StockPlanViewRepository plans,
                                 GrantViewRepository grants, InstrumentViewRepository instrumentViews, ReadableIssuers readableIssuers) {
        this.readableIssuers = readableIssuers;
        this.instrumentViews = instrumentViews;
        this.plans = plans;
        this.grants = grants;
        this.chains = chains;
        this.conversionRights = conversionRights;
        this.access = access;
        this.members = members;
        this.issuers = issuers;
        this.stakeholders = stakeholders;
        this.classes = classes;
        this.securities = securities;
        this.audit = audit;
        this.capTables = capTables;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "One page of issuers")
    @Operation(summary = "List issuers", description = "Sortable by legalName, formationDate, createdAt.")
    public PageResponse<IssuerResponse> issuers(@RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size,
                                                @RequestParam(required = false) String sort) {
        Pageable pageable = Paging.of(page, size, sort,
                Map.of("legalName", "legalName", "formationDate", "formationDate", "createdAt", "createdAt"),
                Sort.by("legalName", "issuerId"));
        List<String> visible = access.visibleIssuers();
        return PageResponse.of(visible == null ? issuers.findAll(pageable)
                : issuers.findByIssuerIdIn(visible, pageable), IssuerResponse::of);
    }

    @GetMapping("/{issuerId}")
    @ApiResponse(responseCode = "200", description = "The issuer")
    @Operation(summary = "Get an issuer",
            description = "Includes its version, also sent as ETag: send it as If-Match on a command to refuse it "
                    + "when the issuer has changed since (412).")
    public ResponseEntity<IssuerResponse> issuer(@PathVariable String issuerId) {
        access.scope(ReadableIssuers.known(issuerId).value());
        IssuerResponse issuer = issuers.findById(ReadableIssuers.known(issuerId).value()).map(IssuerResponse::of)
                .orElseThrow(ReadAccess::notFound);
        return ResponseEntity.ok().eTag("\"" + issuer.version() + "\"").body(issuer);
    }

    @GetMapping("/{issuerId}/stakeholders")
    @ApiResponse(responseCode = "200", description = "One page of stakeholders")
    @Operation(summary = "List an issuer's stakeholders", description = "Sortable by name, registeredOn.")
    public PageResponse<StakeholderResponse> stakeholders(@PathVariable String issuerId,
                                                          @RequestParam(required = false) Integer page,
                                                          @RequestParam(required = false) Integer size,
                                                          @RequestParam(required = false) String sort) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        Pageable pageable = Paging.of(page, size, sort, Map.of("name", "legalName", "registeredOn", "registeredOn"),
                Sort.by("legalName", "stakeholderId"));
        return PageResponse.of(scope.full() ? stakeholders.findByIssuerId(issuer.value(), pageable)
                : stakeholders.findByIssuerIdAndStakeholderId(issuer.value(), scope.stakeholderId(), pageable),
                StakeholderResponse::of);
    }

    @GetMapping("/{issuerId}/stakeholders/{stakeholderId}")
    @ApiResponse(responseCode = "200", description = "The stakeholder")
    @Operation(summary = "Get a stakeholder")
    public StakeholderResponse stakeholder(@PathVariable String issuerId, @PathVariable String stakeholderId) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        return stakeholders.findByIssuerIdAndStakeholderId(issuer.value(), stakeholderId)
                .filter(s -> scope.covers(s.stakeholderId()))
                .map(StakeholderResponse::of)
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such stakeholder"));
    }

    @GetMapping("/{issuerId}/stakeholders/{stakeholderId}/holdings")
    @ApiResponse(responseCode = "200", description = "The stakeholder's holdings")
    @Operation(summary = "Get everything a stakeholder holds", description = "Stock certificates, grants with vested "
            + "and unvested shares, warrants and convertibles, each with its status, as of asOf (default: today in "
            + "UTC), replayed from the event stream. A shareholder sees only its own.")
    public HoldingsResponse holdings(@PathVariable String issuerId, @PathVariable String stakeholderId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate asOf) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        StakeholderView holder = stakeholders.findByIssuerIdAndStakeholderId(issuer.value(), stakeholderId)
                .filter(s -> scope.covers(s.stakeholderId()))
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such stakeholder"));
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        return HoldingsResponse.of(capTables.replay(issuer, date), StakeholderId.of(holder.stakeholderId()),
                holder.legalName(), date);
    }

    @GetMapping("/{issuerId}/stock-classes")
    @ApiResponse(responseCode = "200", description = "One page of stock classes")
    @Operation(summary = "List an issuer's stock classes", description = "With authorized and outstanding shares. "
            + "Sortable by name, createdOn, seniority.")
    public PageResponse<StockClassResponse> stockClasses(@PathVariable String issuerId,
                                                         @RequestParam(required = false) Integer page,
                                                         @RequestParam(required = false) Integer size,
                                                         @RequestParam(required = false) String sort) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        readableIssuers.scope(issuer);
        Page<StockClassView> found = classes.findByIssuerId(issuer.value(), Paging.of(page, size, sort,
                Map.of("name", "name", "createdOn", "createdOn", "seniority", "seniority"),
                Sort.by("name", "stockClassId")));
        Map<String, List<ConversionRightView>> rights = conversionRights.findByIssuerIdAndStockClassIdIn(
                issuer.value(), found.map(StockClassView::stockClassId).toList()).stream()
                .collect(Collectors.groupingBy(ConversionRightView::stockClassId));
        return PageResponse.of(found, v -> StockClassResponse.of(v, rights.getOrDefault(v.stockClassId(), List.of())));
    }

    @GetMapping("/{issuerId}/stock-classes/{stockClassId}")
    @ApiResponse(responseCode = "200", description = "The stock class")
    @Operation(summary = "Get a stock class")
    public StockClassResponse stockClass(@PathVariable String issuerId, @PathVariable String stockClassId) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        readableIssuers.scope(issuer);
        return classes.findByIssuerIdAndStockClassId(issuer.value(), stockClassId)
                .map(v -> StockClassResponse.of(v, conversionRights.findByIssuerIdAndStockClassIdIn(issuer.value(),
                        List.of(v.stockClassId()))))
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such stock class"));
    }

    @GetMapping("/{issuerId}/securities")
    @ApiResponse(responseCode = "200", description = "One page of securities")
    @Operation(summary = "List an issuer's securities",
            description = "Filter by stakeholderId, stockClassId, status. Sortable by label, issueDate, quantity.")
    public PageResponse<SecurityResponse> securities(@PathVariable String issuerId,
                                                     @RequestParam(required = false) String stakeholderId,
                                                     @RequestParam(required = false) String stockClassId,
                                                     @RequestParam(required = false) String status,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size,
                                                     @RequestParam(required = false) String sort) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        Specification<SecurityView> filter = (root, query, cb) -> {
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
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<SecurityView> found = securities.findAll(filter, Paging.of(page, size, sort,
                Map.of("label", "stockClassId,labelNumber", "issueDate", "issueDate", "quantity", "quantity"),
                Sort.by("stockClassId", "labelNumber")));
        SecurityChains.Neighbours neighbours = chains.neighbours(issuer.value(),
                found.map(SecurityView::securityId).toList());
        return PageResponse.of(found, v -> SecurityResponse.of(v, neighbours));
    }

    @GetMapping("/{issuerId}/securities/{securityId}")
    @ApiResponse(responseCode = "200", description = "The security")
    @Operation(summary = "Get a security")
    public SecurityResponse security(@PathVariable String issuerId, @PathVariable String securityId) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        return securities.findByIssuerIdAndSecurityId(issuer.value(), securityId)
                .filter(security -> scope.covers(security.stakeholderId()))
                .map(v -> SecurityResponse.of(v, chains.neighbours(issuer.value(), List.of(v.securityId()))))
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such security"));
    }

    @GetMapping("/{issuerId}/securities/{securityId}/chain")
    @ApiResponse(responseCode = "200", description = "The security's chain")
    @Operation(summary = "Trace a security", description = "Every security connected to this one by transactions: "
            + "back to the issuances it came from and forward to what it became, with those transactions in date "
            + "order. A shareholder sees only the securities of their own stakeholder in it.")
    public SecurityChainResponse securityChain(@PathVariable String issuerId, @PathVariable String securityId) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        SecurityView start = securities.findByIssuerIdAndSecurityId(issuer.value(), securityId)
                .filter(security -> scope.covers(security.stakeholderId()))
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such security"));
        SecurityChains.Chain chain = chains.chain(issuer.value(), start.securityId());
        List<SecurityView> visible = chain.securities().stream()
                .filter(v -> v.issuerId().equals(issuer.value()) && scope.covers(v.stakeholderId())).toList();
        Set<String> visibleIds = visible.stream().map(SecurityView::securityId).collect(Collectors.toSet());
        SecurityChains.Neighbours neighbours = chains.neighbours(issuer.value(), visibleIds);
        return new SecurityChainResponse(start.securityId(),
                visible.stream().map(v -> SecurityResponse.of(v, neighbours.visibleTo(visibleIds))).toList(),
                chain.transactions().stream().map(step -> step.visibleTo(visibleIds))
                        .filter(step -> !step.fromSecurityIds().isEmpty() || !step.toSecurityIds().isEmpty())
                        .toList());
    }

    @GetMapping("/{issuerId}/cap-table")
    @ApiResponse(responseCode = "200", description = "The cap table")
    @Operation(summary = "Get the cap table, today or as of a date",
            description = "Without asOf: from the read models (everything recorded). With asOf: replays the issuer's "
                    + "events effective on or before that date through the ledger. Same shape either way. "
                    + "422 DATE_BEFORE_FORMATION when asOf precedes the issuer's formation.")
    public CapTableView capTable(@PathVariable String issuerId,
                                 @Parameter(description = "Effective date, ISO 8601", example = "2023-06-30")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate asOf) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = access.scope(issuer.value());
        CapTableView table = asOf == null ? capTables.current(issuer) : capTables.asOf(issuer, asOf);
        return scope.full() ? table : table.onlyHolder(scope.stakeholderId());
    }

    @GetMapping("/{issuerId}/audit-trail")
    @ApiResponse(responseCode = "200", description = "One page of the audit trail")
    @Operation(summary = "Get an issuer's audit trail",
            description = "Every event in recording order with effective date, recorded time, actor and summary. "
                    + "Filter by effective date range (from, to, inclusive) and eventType.")
    public PageResponse<AuditEntryResponse> auditTrail(@PathVariable String issuerId,
                                                       @RequestParam(required = false)
                                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                       @RequestParam(required = false)
                                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                       @RequestParam(required = false) String eventType,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        IssuerId issuer = readableIssuers.fullRead(issuerId);
        Specification<AuditEntry> filter = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("issuerId"), issuer.value()));
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("effectiveDate"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(root.get("effectiveDate"), to));
            }
            if (eventType != null) {
                where.add(cb.equal(root.get("eventType"), eventType));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return PageResponse.of(audit.findAll(filter, Paging.of(page, size, null, Map.of(),
                Sort.by("globalPosition"))), AuditEntryResponse::of);
    }

    @GetMapping("/{issuerId}/stock-plans")
    @ApiResponse(responseCode = "200", description = "The issuer's stock plans")
    @Operation(summary = "List stock plans", description = "Each with its pool in force, shares under outstanding "
            + "grants, shares used (exercised, released, retired or held) and shares available for grant.")
    public List<StockPlanResponse> stockPlans(@PathVariable String issuerId) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        readableIssuers.scope(issuer);
        return plans.findByIssuerIdOrderByPlanName(issuer.value()).stream().map(StockPlanResponse::of).toList();
    }

    @GetMapping("/{issuerId}/stock-plans/{stockPlanId}")
    @ApiResponse(responseCode = "200", description = "The stock plan")
    @Operation(summary = "Get a stock plan")
    public StockPlanResponse stockPlan(@PathVariable String issuerId, @PathVariable String stockPlanId) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        readableIssuers.scope(issuer);
        return plans.findByIssuerIdAndStockPlanId(issuer.value(), stockPlanId).map(StockPlanResponse::of)
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such stock plan"));
    }

    @GetMapping("/{issuerId}/grants")
    @ApiResponse(responseCode = "200", description = "One page of grants")
    @Operation(summary = "List options, RSUs and SARs", description = "Filter by stakeholderId and status. Vested and "
            + "unvested shares are as of asOf (default: today in UTC), computed from the event stream with the "
            + "grants' OCF vesting terms. A shareholder sees only their own grants.")
    public PageResponse<GrantResponse> grants(@PathVariable String issuerId,
                                              @RequestParam(required = false) String stakeholderId,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false)
                                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size,
                                              @RequestParam(required = false) String sort) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        Specification<GrantView> filter = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("issuerId"), issuer.value()));
            if (!scope.full()) {
                where.add(cb.equal(root.get("stakeholderId"), scope.stakeholderId()));
            }
            if (stakeholderId != null) {
                where.add(cb.equal(root.get("stakeholderId"), stakeholderId));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<GrantView> found = grants.findAll(filter, Paging.of(page, size, sort,
                Map.of("label", "labelNumber", "issueDate", "issueDate", "quantity", "quantity"),
                Sort.by("issueDate", "labelNumber")));
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        Ledger ledger = found.isEmpty() ? null : capTables.replay(issuer, date);
        return PageResponse.of(found, v -> GrantResponse.of(v, date,
                ledger == null ? null : ledger.findGrant(SecurityId.of(v.securityId())).orElse(null), false));
    }

    @GetMapping("/{issuerId}/grants/{securityId}")
    @ApiResponse(responseCode = "200", description = "The grant with its vesting schedule")
    @Operation(summary = "Get a grant", description = "With vested and unvested shares as of asOf (default: today "
            + "in UTC) and its vesting schedule: the tranches of the original grant's terms, accelerations included.")
    public GrantResponse grant(@PathVariable String issuerId, @PathVariable String securityId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate asOf) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        GrantView view = grants.findByIssuerIdAndSecurityId(issuer.value(), securityId)
                .filter(g -> scope.covers(g.stakeholderId()))
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such grant"));
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        Ledger ledger = capTables.replay(issuer, date);
        return GrantResponse.of(view, date, ledger.findGrant(SecurityId.of(securityId)).orElse(null), true);
    }

    @GetMapping("/{issuerId}/warrants")
    @ApiResponse(responseCode = "200", description = "The issuer's warrants")
    @Operation(summary = "List warrants", description = "Filter by status. A shareholder sees only its own.")
    public List<InstrumentResponse> warrants(@PathVariable String issuerId,
                                             @RequestParam(required = false) String status) {
        return instruments(issuerId, InstrumentRecord.WARRANT, status);
    }

    @GetMapping("/{issuerId}/warrants/{securityId}")
    @ApiResponse(responseCode = "200", description = "The warrant")
    @Operation(summary = "Get a warrant")
    public InstrumentResponse warrant(@PathVariable String issuerId, @PathVariable String securityId) {
        return instrument(issuerId, securityId, InstrumentRecord.WARRANT);
    }

    @GetMapping("/{issuerId}/convertibles")
    @ApiResponse(responseCode = "200", description = "The issuer's convertibles")
    @Operation(summary = "List SAFEs, notes and other convertibles", description = "Filter by status. A shareholder "
            + "sees only its own.")
    public List<InstrumentResponse> convertibles(@PathVariable String issuerId,
                                                 @RequestParam(required = false) String status) {
        return instruments(issuerId, InstrumentRecord.CONVERTIBLE, status);
    }

    @GetMapping("/{issuerId}/convertibles/{securityId}")
    @ApiResponse(responseCode = "200", description = "The convertible")
    @Operation(summary = "Get a convertible", description = "With the shares it counts for as converted today, when "
            + "its terms fix a conversion price.")
    public InstrumentResponse convertible(@PathVariable String issuerId, @PathVariable String securityId) {
        return instrument(issuerId, securityId, InstrumentRecord.CONVERTIBLE);
    }

    private List<InstrumentResponse> instruments(String issuerId, String kind, String status) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Specification<InstrumentView> filter = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("issuerId"), issuer.value()));
            where.add(cb.equal(root.get("kind"), kind));
            if (!scope.full()) {
                where.add(cb.equal(root.get("stakeholderId"), scope.stakeholderId()));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return instrumentViews.findAll(filter, Sort.by("issueDate", "labelNumber")).stream()
                .map(v -> InstrumentResponse.of(v, today)).toList();
    }

    private InstrumentResponse instrument(String issuerId, String securityId, String kind) {
        IssuerId issuer = ReadableIssuers.known(issuerId);
        ReadAccess.Scope scope = readableIssuers.scope(issuer);
        return instrumentViews.findByIssuerIdAndSecurityIdAndKind(issuer.value(), securityId, kind)
                .filter(v -> scope.covers(v.stakeholderId()))
                .map(v -> InstrumentResponse.of(v, LocalDate.now(ZoneOffset.UTC)))
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND,
                        "No such " + kind.toLowerCase(java.util.Locale.ROOT)));
    }

    @ApiResponse(responseCode = "200", description = "The accounts with a role on the issuer")
    @GetMapping("/{issuerId}/members")
    @Operation(summary = "List the accounts with a role on the issuer")
    public List<MemberResponse> members(@PathVariable String issuerId) {
        return members.findByIssuerIdOrderByAccountId(readableIssuers.fullRead(issuerId).value()).stream()
                .map(MemberResponse::of).toList();
    }


}
