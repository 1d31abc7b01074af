package org.capledger.query.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.capledger.api.value.Address;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.StakeholderName;
import org.capledger.ledger.GrantRecord;
import org.capledger.ledger.vesting.VestingSchedule;
import org.capledger.query.audit.AuditEntry;
import org.capledger.query.grants.GrantView;
import org.capledger.query.grants.StockPlanView;
import org.capledger.query.instruments.InstrumentView;
import org.capledger.query.issuers.IssuerView;
import org.capledger.query.members.IssuerMember;
import org.capledger.query.securities.SecurityChains;
import org.capledger.query.securities.SecurityView;
import org.capledger.query.stakeholders.StakeholderView;
import org.capledger.query.stockclasses.ConversionRightView;
import org.capledger.query.stockclasses.StockClassView;

/** Response bodies of the query endpoints; quantities and amounts are decimal strings, dates ISO 8601. */
public final class QueryResponses {

    private QueryResponses() {
    }

    /** An issuer; {@code version} is its aggregate version (use as If-Match). */
    public record IssuerResponse(String issuerId, String legalName, LocalDate formationDate, String countryOfFormation,
                                 String subdivisionOfFormation, String taxId, Quantity sharesAuthorized, long version,
                                 Instant createdAt, Instant updatedAt) {
        static IssuerResponse of(IssuerView v) {
            return new IssuerResponse(v.issuerId(), v.legalName(), v.formationDate(), v.countryOfFormation(),
                    v.subdivisionOfFormation(), v.taxId(),
                    v.sharesAuthorized() == null ? null : new Quantity(v.sharesAuthorized()), v.version(),
                    v.createdAt(), v.updatedAt());
        }
    }

    /** A stakeholder (OCF Stakeholder). */
    public record StakeholderResponse(String stakeholderId, String issuerId, String type, StakeholderName name,
                                      String email, String relationship, String status, LocalDate registeredOn,
                                      LocalDate updatedOn,
                                      @Schema(description = "Postal address (OCF Address), or null when none is "
                                              + "recorded") Address address,
                                      @Schema(description = "Whether the stakeholder is an accredited investor "
                                              + "(Regulation D Rule 501(a)); null when unknown")
                                      Boolean accreditedInvestor) {
        static StakeholderResponse of(StakeholderView v) {
            return new StakeholderResponse(v.stakeholderId(), v.issuerId(), v.stakeholderType(),
                    new StakeholderName(v.legalName(), v.firstName(), v.lastName()), v.email(), v.relationship(),
                    v.status(), v.registeredOn(), v.updatedOn(), v.address(), v.accreditedInvestor());
        }
    }

    public record StockClassResponse(String stockClassId, String issuerId, String name, String classType,
                                     String certificatePrefix, Money parValue, Quantity votesPerShare, int seniority,
                                     boolean fractionalSharesAllowed, Quantity sharesAuthorized,
                                     Quantity sharesOutstanding, LocalDate createdOn, LocalDate lastSplitOn,
                                     List<ConversionRightResponse> conversionRights) {
        static StockClassResponse of(StockClassView v, List<ConversionRightView> rights) {
            return new StockClassResponse(v.stockClassId(), v.issuerId(), v.name(), v.classType(),
                    v.certificatePrefix(),
                    v.parValueAmount() == null ? null : new Money(v.parValueAmount(), v.parValueCurrency()),
                    new Quantity(v.votesPerShare()), v.seniority(), v.fractionalSharesAllowed(),
                    new Quantity(v.sharesAuthorized()), new Quantity(v.sharesOutstanding()), v.createdOn(),
                    v.lastSplitOn(), rights.stream().map(r -> new ConversionRightResponse(r.convertsToStockClassId(),
                            new Ratio(r.ratioNumerator(), r.ratioDenominator()), r.roundingType(), r.ratioDate()))
                    .toList());
        }
    }

    /** A right to convert into another class, at the ratio in force since {@code ratioSince}. */
    public record ConversionRightResponse(String convertsToStockClassId, Ratio ratio, String roundingType,
                                          LocalDate ratioSince) {
    }

    /**
     * A stock security. {@code origin} is ISSUANCE or the transaction that created it; {@code pricePerShare} only
     * for issuances; {@code sourceSecurityIds} the securities it came from, {@code resultingSecurityIds} those it
     * became when a transaction extinguished it ({@code extinguishedOn}, with {@code status} naming the kind).
     */
    public record SecurityResponse(String securityId, String issuerId, String label, String stakeholderId,
                                   String stockClassId, Quantity quantity, Money pricePerShare, String consideration,
                                   LocalDate issueDate, String status, String origin, LocalDate acceptedOn,
                                   LocalDate extinguishedOn, List<String> sourceSecurityIds,
                                   List<String> resultingSecurityIds, Instant recordedAt) {
        static SecurityResponse of(SecurityView v, SecurityChains.Neighbours chain) {
            return new SecurityResponse(v.securityId(), v.issuerId(), v.label(), v.stakeholderId(), v.stockClassId(),
                    new Quantity(v.quantity()),
                    v.priceAmount() == null ? null : new Money(v.priceAmount(), v.priceCurrency()), v.consideration(),
                    v.issueDate(), v.status(), v.origin(), v.acceptedOn(), v.extinguishedOn(),
                    chain.sourcesOf(v.securityId()), chain.resultingFrom(v.securityId()), v.recordedAt());
        }
    }

    /** A security's chain: every security connected to it by transactions, and those transactions by date. */
    public record SecurityChainResponse(String securityId, List<SecurityResponse> securities,
                                        List<SecurityChains.Step> transactions) {
    }

    /** An account's role on the issuer; {@code stakeholderId} only for SHAREHOLDER. */
    public record MemberResponse(String accountId, String role, String stakeholderId, LocalDate grantedOn) {
        static MemberResponse of(IssuerMember m) {
            return new MemberResponse(m.accountId(), m.role(), m.stakeholderId(), m.grantedOn());
        }
    }

    /**
     * One event of the issuer's history.
     *
     * @param position      global position in the event store (orders the whole trail)
     * @param effectiveDate when the transaction takes legal effect
     * @param recordedAt    when it was recorded
     * @param actor         who recorded it
     */
    public record AuditEntryResponse(long position, long sequenceNumber, String eventId, String eventType,
                                     LocalDate effectiveDate, Instant recordedAt, String actor, String correlationId,
                                     String summary) {
        static AuditEntryResponse of(AuditEntry e) {
            return new AuditEntryResponse(e.globalPosition(), e.sequenceNumber(), e.eventId(), e.eventType(),
                    e.effectiveDate(), e.recordedAt(), e.actor(), e.correlationId(), e.summary());
        }
    }

    /**
     * A stock plan: {@code sharesReserved} is the pool in force, {@code grantsOutstanding} the shares under its
     * outstanding grants, {@code sharesUsed} those exercised, released, retired or held since, and
     * {@code sharesAvailable} what can still be granted; {@code sharesGranted}, {@code sharesExercised} (exercised
     * or released) and {@code sharesReturned} (back to the pool) count the plan's activity so far.
     */
    public record StockPlanResponse(String stockPlanId, String issuerId, String planName, LocalDate createdOn,
                                    String cancellationBehavior, List<String> stockClassIds, Quantity sharesReserved,
                                    Quantity grantsOutstanding, Quantity sharesUsed, Quantity sharesAvailable,
                                    Quantity sharesGranted, Quantity sharesExercised, Quantity sharesReturned) {
        static StockPlanResponse of(StockPlanView v) {
            return new StockPlanResponse(v.stockPlanId(), v.issuerId(), v.planName(), v.createdOn(),
                    v.cancellationBehavior(), v.stockClassIds(), new Quantity(v.sharesReserved()),
                    new Quantity(v.grantsOutstanding()), new Quantity(v.sharesUsed().max(java.math.BigDecimal.ZERO)),
                    new Quantity(v.sharesAvailable()), new Quantity(v.sharesGranted()),
                    new Quantity(v.sharesExercised()), new Quantity(v.sharesReturned()));
        }
    }

    /**
     * An option, RSU or SAR. {@code vested} and {@code unvested} hold as of {@code asOf} (null when the grant did
     * not exist yet then); {@code vestingSchedule} (single grant only) lists the tranches of the original grant's
     * terms: date, quantity, and the condition met (null for an acceleration).
     */
    public record GrantResponse(String securityId, String issuerId, String label, String stakeholderId,
                                String stockPlanId, String stockClassId, String compensationType, Quantity quantity,
                                Money exercisePrice, LocalDate issueDate, LocalDate expirationDate, String status,
                                String origin, LocalDate acceptedOn, LocalDate extinguishedOn,
                                String sourceSecurityId, LocalDate asOf, Quantity vested, Quantity unvested,
                                org.capledger.api.vesting.VestingTerms vestingTerms, LocalDate vestingStart,
                                List<Tranche> vestingSchedule, Instant recordedAt) {

        /** One vesting tranche. */
        public record Tranche(LocalDate date, Quantity quantity, String conditionId) {
        }

        static GrantResponse of(GrantView v, LocalDate asOf, GrantRecord replayed, boolean withSchedule) {
            Quantity vested = replayed == null ? null : replayed.vested(asOf);
            Quantity unvested = replayed == null ? null : replayed.unvested(asOf);
            List<Tranche> schedule = null;
            if (withSchedule && replayed != null && replayed.vestingTerms() != null) {
                schedule = VestingSchedule.compute(replayed.vestingTerms(), replayed.vestingBase(),
                        replayed.vestingStart(), replayed.vestingEvents(), replayed.accelerations()).tranches().stream()
                        .map(t -> new Tranche(t.date(), t.quantity(), t.conditionId())).toList();
            }
            return new GrantResponse(v.securityId(), v.issuerId(), v.label(), v.stakeholderId(), v.stockPlanId(),
                    v.stockClassId(), v.compensationType(), new Quantity(v.quantity()),
                    v.exercisePriceAmount() == null ? null : new Money(v.exercisePriceAmount(), v.exercisePriceCurrency()),
                    v.issueDate(), v.expirationDate(), v.status(), v.origin(), v.acceptedOn(), v.extinguishedOn(),
                    v.sourceSecurityId(), asOf, vested, unvested,
                    replayed == null ? null : replayed.vestingTerms(), replayed == null ? null : replayed.vestingStart(),
                    schedule, v.recordedAt());
        }
    }

    /**
     * A warrant or convertible. {@code sharesAsConverted} is what it counts for in the fully diluted cap table today
     * (a warrant's quantity; a convertible's investment, plus interest for notes, over a fixed conversion price), or
     * null when not determinable.
     */
    public record InstrumentResponse(String securityId, String issuerId, String kind, String label,
                                     String stakeholderId, String stockClassId, Quantity quantity, Money exercisePrice,
                                     Money purchasePrice, LocalDate expirationDate, String convertibleType,
                                     Money investmentAmount, org.capledger.api.convertible.ConversionTerms terms,
                                     int seniority, LocalDate issueDate, String status, String origin,
                                     LocalDate acceptedOn, LocalDate extinguishedOn, String sourceSecurityId,
                                     Quantity sharesAsConverted, Instant recordedAt) {
        static InstrumentResponse of(InstrumentView v, LocalDate today) {
            return new InstrumentResponse(v.securityId(), v.issuerId(), v.kind(), v.label(), v.stakeholderId(),
                    v.stockClassId(), v.quantity() == null ? null : new Quantity(v.quantity()), v.exercisePrice(),
                    v.purchasePrice(), v.expirationDate(), v.convertibleType(), v.investment(), v.terms(),
                    v.seniority(), v.issueDate(), v.status(), v.origin(), v.acceptedOn(), v.extinguishedOn(),
                    v.sourceSecurityId(), v.isOutstanding() ? v.toRecord().sharesAsConverted(today) : null,
                    v.recordedAt());
        }
    }
}
