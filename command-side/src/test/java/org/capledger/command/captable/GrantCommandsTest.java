package org.capledger.command.captable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.access.RoleGranted;
import org.capledger.api.equity.AccelerateVesting;
import org.capledger.api.equity.AcceptEquityCompensation;
import org.capledger.api.equity.CancelEquityCompensation;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationAccepted;
import org.capledger.api.equity.EquityCompensationCancelled;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.EquityCompensationReleased;
import org.capledger.api.equity.EquityCompensationRepriced;
import org.capledger.api.equity.EquityCompensationRetracted;
import org.capledger.api.equity.EquityCompensationTransferred;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.RecordVestingEvent;
import org.capledger.api.equity.ReleaseEquityCompensation;
import org.capledger.api.equity.RepriceEquityCompensation;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.equity.RetractEquityCompensation;
import org.capledger.api.equity.StartVesting;
import org.capledger.api.equity.TransferEquityCompensation;
import org.capledger.api.equity.VestingAccelerated;
import org.capledger.api.equity.VestingEventRecorded;
import org.capledger.api.equity.VestingStarted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.plan.AdjustStockPlanPool;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.plan.ReturnToPool;
import org.capledger.api.plan.SharesReturnedToPool;
import org.capledger.api.plan.StockPlanCreated;
import org.capledger.api.plan.StockPlanPoolAdjusted;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.value.VestingTermsId;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.VestingCondition;
import org.capledger.api.vesting.VestingPortion;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;
import org.capledger.ledger.Ledger;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each plan and grant transaction through the aggregate: the event it records, a refusal of its own, and the
 * extinguished-grant rule. The rules are tested on the Ledger ({@code EquityCompensationTest}).
 */
class GrantCommandsTest {

    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    private static final LocalDate D = LocalDate.of(2022, 1, 10);
    private static final StakeholderId BEN = StakeholderId.of("ben");
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockPlanId PLAN = StockPlanId.of("plan");
    private static final SecurityId OPT = SecurityId.of("opt1");
    private static final Money STRIKE = Money.of("1", "USD");
    private static final VestingTerms ON_EVENT = new VestingTerms(VestingTermsId.of("ev"), "On event", null,
            AllocationType.CUMULATIVE_ROUNDING, List.of(
            VestingCondition.of("start", Quantity.ZERO, VestingTrigger.vestingStart(), "ipo"),
            VestingCondition.of("ipo", VestingPortion.of(1, 1), VestingTrigger.event())));

    private FixtureConfiguration<CapTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CapTable.class)
                .registerInjectableResource(new EffectiveDates(Clock.fixed(Instant.parse("2024-06-15T00:00:00Z"),
                        ZoneOffset.UTC)))
                .registerIgnoredField(Ledger.class, "classTimelines")
                .registerIgnoredField(Ledger.class, "planTimelines");
    }

    private static StockPlanCreated planCreated(CancellationBehavior behavior) {
        return new StockPlanCreated(ISSUER, PLAN, FORMED, "Plan", null, null, Quantity.of(1000), behavior,
                List.of(COMMON));
    }

    private static EquityCompensationIssued granted(CompensationType type, VestingTerms terms) {
        return new EquityCompensationIssued(ISSUER, OPT, FORMED, type == CompensationType.RSU ? "RSU-1" : "OPT-1",
                BEN, PLAN, COMMON, type, Quantity.of(100), type == CompensationType.RSU ? null : STRIKE, null, false,
                terms, null, LocalDate.of(2030, 1, 1), List.of(), null, null);
    }

    private static Object[] books(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                new IssuerCreated(ISSUER, "Acme Corp", FORMED, "US", "DE", null, null),
                new RoleGranted(ISSUER, "admin", IssuerRole.ADMIN, null, FORMED, null),
                new RoleGranted(ISSUER, "viewer", IssuerRole.VIEWER, null, FORMED, null),
                new StakeholderRegistered(ISSUER, BEN, FORMED, StakeholderType.INDIVIDUAL,
                        new StakeholderName("Ben Brook", null, null), null, StakeholderRelationship.EMPLOYEE,
                        null, null),
                new StockClassCreated(ISSUER, COMMON, FORMED, "Common", StockClassType.COMMON, "CS-", null,
                        Quantity.of(1), 1, Quantity.of(10_000), false, null)));
        events.addAll(List.of(more));
        return events.toArray();
    }

    private static Map<String, Object> admin() {
        return Map.of(MetaDataKeys.ACTOR, "admin");
    }

    private static void refused(ResultValidator<CapTable> result, ErrorCode code) {
        result.expectNoEvents().expectException(CapledgerException.class)
                .expectException(new TypeSafeDiagnosingMatcher<CapledgerException>() {
                    @Override
                    protected boolean matchesSafely(CapledgerException e, Description mismatch) {
                        mismatch.appendText("code was ").appendValue(e.code()).appendText(": " + e.getMessage());
                        return e.code() == code;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("CapledgerException ").appendValue(code);
                    }
                });
    }

    @Test
    void plansAreCreatedAndTheirPoolsAdjusted() {
        fixture.given(books()).when(new CreateStockPlan(ISSUER, PLAN, FORMED, "Plan", null, null, Quantity.of(1000),
                        CancellationBehavior.RETURN_TO_POOL, List.of(COMMON)), admin())
                .expectEvents(planCreated(CancellationBehavior.RETURN_TO_POOL));
        fixture.given(books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.OPTION_NSO, null)))
                .when(new AdjustStockPlanPool(ISSUER, PLAN, D, Quantity.of(100), null, null, null), admin())
                .expectEvents(new StockPlanPoolAdjusted(ISSUER, PLAN, D, Quantity.of(100), null, null, null));
        refused(fixture.given(books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.OPTION_NSO,
                null))).when(new AdjustStockPlanPool(ISSUER, PLAN, D, Quantity.of(99), null, null, null), admin()),
                ErrorCode.PLAN_POOL_BELOW_GRANTED);
    }

    @Test
    void grantsDrawOnThePoolAndViewersCannotGrant() {
        IssueEquityCompensation grant = new IssueEquityCompensation(ISSUER, OPT, FORMED, BEN, PLAN, COMMON,
                CompensationType.OPTION_NSO, Quantity.of(100), STRIKE, null, false, null, null,
                LocalDate.of(2030, 1, 1), List.of(), null, null);
        fixture.given(books(planCreated(CancellationBehavior.RETIRE))).when(grant, admin())
                .expectEvents(granted(CompensationType.OPTION_NSO, null));
        refused(fixture.given(books(planCreated(CancellationBehavior.RETIRE)))
                .when(grant, Map.of(MetaDataKeys.ACTOR, "viewer")), ErrorCode.FORBIDDEN);
        refused(fixture.given(books(new StockPlanCreated(ISSUER, PLAN, FORMED, "Plan", null, null, Quantity.of(99),
                CancellationBehavior.RETIRE, List.of(COMMON)))).when(grant, admin()), ErrorCode.PLAN_POOL_EXCEEDED);
    }

    @Test
    void exerciseIssuesStockAndAnExercisedGrantAcceptsNothingMore() {
        Object[] given = books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.OPTION_NSO, null));
        fixture.given(given).when(new ExerciseEquityCompensation(ISSUER, OPT, D, Quantity.of(40), null,
                        SecurityId.of("cs1"), SecurityId.of("opt2")), admin())
                .expectEvents(new EquityCompensationExercised(ISSUER, OPT, D, Quantity.of(40), null,
                        List.of(new ResultingSecurity(SecurityId.of("cs1"), "CS-1", BEN, COMMON, Quantity.of(40))),
                        new ResultingGrant(SecurityId.of("opt2"), "OPT-2", Quantity.of(60))))
                .expectResultMessagePayload(List.of("cs1", "opt2"));
        EquityCompensationExercised exercised = new EquityCompensationExercised(ISSUER, OPT, D, Quantity.of(100),
                null, List.of(new ResultingSecurity(SecurityId.of("cs1"), "CS-1", BEN, COMMON, Quantity.of(100))),
                null);
        refused(fixture.given(books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.OPTION_NSO,
                null), exercised)).when(new CancelEquityCompensation(ISSUER, OPT, D, Quantity.of(1), "Late", null),
                admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
    }

    @Test
    void rsusAreReleasedOnlyWhenVested() {
        fixture.given(books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.RSU, null)))
                .when(new ReleaseEquityCompensation(ISSUER, OPT, D, Quantity.of(100), null, null,
                        SecurityId.of("cs1"), null), admin())
                .expectEvents(new EquityCompensationReleased(ISSUER, OPT, D, Quantity.of(100), null, null,
                        List.of(new ResultingSecurity(SecurityId.of("cs1"), "CS-1", BEN, COMMON, Quantity.of(100))),
                        null));
        refused(fixture.given(books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.RSU, ON_EVENT)))
                .when(new ReleaseEquityCompensation(ISSUER, OPT, D, Quantity.of(1), null, null, SecurityId.of("cs1"),
                        SecurityId.of("rsu2")), admin()), ErrorCode.SHARES_NOT_VESTED);
    }

    @Test
    void cancellationFollowsThePlanAndReturnToPoolNeedsHeldShares() {
        fixture.given(books(planCreated(CancellationBehavior.RETURN_TO_POOL), granted(CompensationType.OPTION_NSO,
                        null)))
                .when(new CancelEquityCompensation(ISSUER, OPT, D, Quantity.of(100), "Left", null), admin())
                .expectEvents(new EquityCompensationCancelled(ISSUER, OPT, D, Quantity.of(100), "Left",
                        Quantity.of(100), null));
        EquityCompensationCancelled held = new EquityCompensationCancelled(ISSUER, OPT, D, Quantity.of(100), "Left",
                Quantity.ZERO, null);
        fixture.given(books(planCreated(CancellationBehavior.HOLD_AS_CAPITAL_STOCK),
                        granted(CompensationType.OPTION_NSO, null), held))
                .when(new ReturnToPool(ISSUER, OPT, D, Quantity.of(60), "Board"), admin())
                .expectEvents(new SharesReturnedToPool(ISSUER, OPT, D, PLAN, Quantity.of(60), "Board"));
        refused(fixture.given(books(planCreated(CancellationBehavior.HOLD_AS_CAPITAL_STOCK),
                        granted(CompensationType.OPTION_NSO, null), held))
                .when(new ReturnToPool(ISSUER, OPT, D, Quantity.of(101), null), admin()),
                ErrorCode.QUANTITY_EXCEEDS_SECURITY);
    }

    @Test
    void aWholeGrantIsTransferredToAnotherStakeholder() {
        StakeholderRegistered estate = new StakeholderRegistered(ISSUER, StakeholderId.of("estate"), FORMED,
                StakeholderType.INSTITUTION, new StakeholderName("Estate of Ben Brook", null, null), null,
                StakeholderRelationship.OTHER, null, null);
        fixture.given(books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.OPTION_NSO, null),
                        estate))
                .when(new TransferEquityCompensation(ISSUER, OPT, D, StakeholderId.of("estate"), null,
                        SecurityId.of("opt2")), admin())
                .expectEvents(new EquityCompensationTransferred(ISSUER, OPT, D, StakeholderId.of("estate"), null,
                        new ResultingGrant(SecurityId.of("opt2"), "OPT-2", Quantity.of(100))))
                .expectResultMessagePayload(List.of("opt2"));
        refused(fixture.given(books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.OPTION_NSO,
                null))).when(new TransferEquityCompensation(ISSUER, OPT, D, StakeholderId.of("nobody"), null,
                SecurityId.of("opt2")), admin()), ErrorCode.UNKNOWN_STAKEHOLDER);
    }

    @Test
    void retractionAcceptanceAndRepricing() {
        Object[] given = books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.OPTION_NSO, null));
        fixture.given(given).when(new RetractEquityCompensation(ISSUER, OPT, D, "Error"), admin())
                .expectEvents(new EquityCompensationRetracted(ISSUER, OPT, D, "Error", FORMED));
        fixture.given(given).when(new AcceptEquityCompensation(ISSUER, OPT, D), admin())
                .expectEvents(new EquityCompensationAccepted(ISSUER, OPT, D));
        fixture.given(given).when(new RepriceEquityCompensation(ISSUER, OPT, D, Money.of("0.5", "USD")), admin())
                .expectEvents(new EquityCompensationRepriced(ISSUER, OPT, D, Money.of("0.5", "USD")));
        fixture.given(given).when(new RepriceEquityCompensation(ISSUER, OPT, D, STRIKE), admin())
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void vestingStartEventAndAcceleration() {
        Object[] given = books(planCreated(CancellationBehavior.RETIRE), granted(CompensationType.OPTION_NSO,
                ON_EVENT));
        fixture.given(given).when(new StartVesting(ISSUER, OPT, D, "start"), admin())
                .expectEvents(new VestingStarted(ISSUER, OPT, D, "start"));
        fixture.given(given).when(new RecordVestingEvent(ISSUER, OPT, D, "ipo"), admin())
                .expectEvents(new VestingEventRecorded(ISSUER, OPT, D, "ipo"));
        refused(fixture.given(given).when(new RecordVestingEvent(ISSUER, OPT, D, "start"), admin()),
                ErrorCode.INVALID_VALUE);
        fixture.given(given).when(new AccelerateVesting(ISSUER, OPT, D, Quantity.of(10), "Double trigger"), admin())
                .expectEvents(new VestingAccelerated(ISSUER, OPT, D, Quantity.of(10), "Double trigger"));
        refused(fixture.given(given).when(new ExerciseEquityCompensation(ISSUER, OPT, D, Quantity.of(1), null,
                SecurityId.of("cs1"), SecurityId.of("opt2")), admin()), ErrorCode.SHARES_NOT_VESTED);
    }
}
