package org.capledger.command.captable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.access.RoleGranted;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.convertible.TransferConvertible;
import org.capledger.api.equity.CancelEquityCompensation;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.ReleaseEquityCompensation;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.equity.TransferEquityCompensation;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stock.CancelStock;
import org.capledger.api.stock.ConsolidateStock;
import org.capledger.api.stock.ConvertStock;
import org.capledger.api.stock.ReissueStock;
import org.capledger.api.stock.RepurchaseStock;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.StockTransaction;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stock.Transferee;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.ledger.Ledger;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code securityLabels} command metadata through the aggregate: every command that creates a security gives
 * it the label requested for it, a taken label is refused with nothing recorded, and commands without the metadata
 * allot labels as before, around the requested ones. The rules are tested on the Ledger
 * ({@code RequestedLabelsTest}); the fixture also checks that the folded state matches the deciding one.
 */
class SecurityLabelsCommandTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    private static final LocalDate ISSUED = LocalDate.of(2021, 3, 1);
    private static final LocalDate D = LocalDate.of(2022, 1, 10);
    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final StakeholderId ANA = StakeholderId.of("ana");
    private static final StakeholderId BEN = StakeholderId.of("ben");
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockClassId PREFERRED = StockClassId.of("preferred");
    private static final StockPlanId PLAN = StockPlanId.of("plan");
    private static final Money USD = Money.of("1", "USD");

    private FixtureConfiguration<CapTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CapTable.class)
                .registerInjectableResource(new EffectiveDates(Clock.fixed(Instant.parse("2024-06-15T00:00:00Z"),
                        ZoneOffset.UTC)))
                .registerIgnoredField(Ledger.class, "classTimelines")
                .registerIgnoredField(Ledger.class, "planTimelines");
    }

    private static SecurityId id(String value) {
        return SecurityId.of(value);
    }

    /**
     * Decided by the Ledger, so the aggregate would accept it: Ana holds cs1 and cs1b (Common), ps1 (Preferred,
     * converting 1:1 into Common); Ben holds option opt1, RSU rsu1, warrant w1 and SAFE safe1; "admin" is ADMIN.
     */
    private static Object[] books() {
        Ledger ledger = Ledger.empty();
        List<Object> events = new ArrayList<>();
        record(ledger, events, ledger.createIssuer(new CreateIssuer(ISSUER, "Acme", FORMED, "US", null, null, null),
                TODAY));
        events.add(new RoleGranted(ISSUER, "admin", IssuerRole.ADMIN, null, FORMED, null));
        for (StakeholderId holder : List.of(ANA, BEN)) {
            record(ledger, events, ledger.registerStakeholder(new RegisterStakeholder(ISSUER, holder, FORMED,
                    StakeholderType.INDIVIDUAL, new StakeholderName(holder.value(), null, null), null,
                    StakeholderRelationship.FOUNDER, null, null), TODAY));
        }
        record(ledger, events, ledger.createStockClass(new CreateStockClass(ISSUER, COMMON, FORMED, "Common",
                StockClassType.COMMON, "CS-", null, Quantity.of(1), 1, Quantity.of(1_000_000), false, null), TODAY));
        record(ledger, events, ledger.createStockClass(new CreateStockClass(ISSUER, PREFERRED, FORMED, "Preferred",
                StockClassType.PREFERRED, "PS-", null, Quantity.of(1), 2, Quantity.of(100_000), false,
                List.of(new ConversionRight(COMMON, Ratio.of(1, 1), null))), TODAY));
        record(ledger, events, ledger.createStockPlan(new CreateStockPlan(ISSUER, PLAN, FORMED, "Plan", null, null,
                Quantity.of(100_000), CancellationBehavior.RETURN_TO_POOL, List.of(COMMON)), TODAY));
        record(ledger, events, ledger.issueStock(new IssueStock(ISSUER, id("cs1"), ISSUED, ANA, COMMON,
                Quantity.of(1000), USD, null), TODAY));
        record(ledger, events, ledger.issueStock(new IssueStock(ISSUER, id("cs1b"), ISSUED, ANA, COMMON,
                Quantity.of(500), USD, null), TODAY));
        record(ledger, events, ledger.issueStock(new IssueStock(ISSUER, id("ps1"), ISSUED, ANA, PREFERRED,
                Quantity.of(100), USD, null), TODAY));
        record(ledger, events, ledger.issueEquityCompensation(grant("opt1", CompensationType.OPTION_NSO), TODAY));
        record(ledger, events, ledger.issueEquityCompensation(grant("rsu1", CompensationType.RSU), TODAY));
        record(ledger, events, ledger.issueWarrant(warrant("w1"), TODAY));
        record(ledger, events, ledger.issueConvertible(safe("safe1"), TODAY));
        return events.toArray();
    }

    private static void record(Ledger ledger, List<Object> events, CapTableEvent event) {
        ledger.apply(event, events.size());
        events.add(event);
    }

    private static IssueEquityCompensation grant(String securityId, CompensationType type) {
        return new IssueEquityCompensation(ISSUER, id(securityId), ISSUED, BEN, PLAN, COMMON, type,
                Quantity.of(1000), type.isOption() ? Money.of("0.5", "USD") : null, null, false, null, null,
                ISSUED.plusYears(10), List.of(), null, null);
    }

    private static IssueWarrant warrant(String securityId) {
        return new IssueWarrant(ISSUER, id(securityId), ISSUED, BEN, COMMON, Quantity.of(1000), USD,
                Money.of("100", "USD"), null, null);
    }

    private static IssueConvertible safe(String securityId) {
        return new IssueConvertible(ISSUER, id(securityId), ISSUED, BEN, ConvertibleType.SAFE,
                Money.of("50000", "USD"), null, 1, false, null);
    }

    /** Metadata of a command sent by "admin" requesting {@code idThenLabel} labels. */
    private static Map<String, Object> labels(String... idThenLabel) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < idThenLabel.length; i += 2) {
            labels.put(idThenLabel[i], idThenLabel[i + 1]);
        }
        return Map.of(MetaDataKeys.ACTOR, "admin", MetaDataKeys.SECURITY_LABELS, labels);
    }

    /** Every security an event creates, id to label. */
    private static Map<String, String> created(Object payload) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (payload instanceof StockIssued e) {
            labels.put(e.securityId().value(), e.securityLabel());
        } else if (payload instanceof EquityCompensationIssued e) {
            labels.put(e.securityId().value(), e.securityLabel());
        } else if (payload instanceof WarrantIssued e) {
            labels.put(e.securityId().value(), e.securityLabel());
        } else if (payload instanceof ConvertibleIssued e) {
            labels.put(e.securityId().value(), e.securityLabel());
        } else if (payload instanceof StockTransaction e) {
            e.newSecurities().forEach(r -> labels.put(r.securityId().value(), r.securityLabel()));
        } else {
            ResultingGrant balance = null;
            if (payload instanceof EquityCompensationTransaction e) {
                e.resultingStock().forEach(r -> labels.put(r.securityId().value(), r.securityLabel()));
                balance = e.balance();
            } else if (payload instanceof WarrantTransaction e) {
                e.resultingStock().forEach(r -> labels.put(r.securityId().value(), r.securityLabel()));
                balance = e.balance();
            } else if (payload instanceof ConvertibleTransaction e) {
                e.resultingStock().forEach(r -> labels.put(r.securityId().value(), r.securityLabel()));
                balance = e.balance();
            }
            if (balance != null) {
                labels.put(balance.securityId().value(), balance.securityLabel());
            }
        }
        return labels;
    }

    /** Matches one event that creates exactly the securities {@code expected} names, with those labels. */
    private static TypeSafeDiagnosingMatcher<List<? super EventMessage<?>>> creates(Map<String, String> expected) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(List<? super EventMessage<?>> events, Description mismatch) {
                List<Map<String, String>> actual = events.stream()
                        .map(m -> created(((EventMessage<?>) m).getPayload())).toList();
                mismatch.appendText("created ").appendValue(actual);
                return actual.equals(List.of(expected));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("one event creating ").appendValue(expected);
            }
        };
    }

    private static Map<String, String> map(String... idThenLabel) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < idThenLabel.length; i += 2) {
            map.put(idThenLabel[i], idThenLabel[i + 1]);
        }
        return map;
    }

    private static void refused(ResultValidator<CapTable> result, ErrorCode code) {
        result.expectNoEvents().expectException(new TypeSafeDiagnosingMatcher<CapledgerException>() {
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

    private record Case(Object command, Map<String, String> labels) {
    }

    @Test
    void everyCommandThatCreatesASecurityGivesItTheRequestedLabel() {
        Transferee toBen = new Transferee(BEN, Quantity.of(400), id("t1"));
        List<Case> cases = List.of(
                new Case(new IssueStock(ISSUER, id("n1"), D, ANA, COMMON, Quantity.of(10), USD, null),
                        map("n1", "CS-7")),
                new Case(new TransferStock(ISSUER, id("cs1"), D, List.of(toBen), null, id("t2")),
                        map("t1", "T-1", "t2", "T-2")),
                new Case(new CancelStock(ISSUER, id("cs1"), D, Quantity.of(10), "Forfeited", id("c1")),
                        map("c1", "C-1")),
                new Case(new RepurchaseStock(ISSUER, id("cs1"), D, Quantity.of(10), USD, null, id("r1")),
                        map("r1", "R-1")),
                new Case(new ReissueStock(ISSUER, id("cs1"), D, List.of(new ReissueStock.NewSecurity(id("ri1"),
                        Quantity.of(1000))), null), map("ri1", "RI-1")),
                new Case(new ConvertStock(ISSUER, id("ps1"), D, Quantity.of(60), COMMON, id("cv1"), id("cv2"), null),
                        map("cv1", "CV-CS", "cv2", "CV-PS")),
                new Case(new ConsolidateStock(ISSUER, List.of(id("cs1"), id("cs1b")), D, id("k1"), null),
                        map("k1", "K-1")),
                new Case(new SplitStockClass(ISSUER, COMMON, D, Ratio.of(2, 1), null, null, null,
                        Map.of(id("cs1"), id("s1"), id("cs1b"), id("s2"))),
                        map("s1", "CS-1-SPLIT", "s2", "CS-2-SPLIT")),
                new Case(grant("g1", CompensationType.OPTION_ISO), map("g1", "OPT-9")),
                new Case(new ExerciseEquityCompensation(ISSUER, id("opt1"), D, Quantity.of(100), null, id("x1"),
                        id("x2")), map("x1", "X-STOCK", "x2", "X-OPT")),
                new Case(new ReleaseEquityCompensation(ISSUER, id("rsu1"), D, Quantity.of(100), D, USD, id("rl1"),
                        id("rl2")), map("rl1", "RL-STOCK", "rl2", "RL-RSU")),
                new Case(new CancelEquityCompensation(ISSUER, id("opt1"), D, Quantity.of(100), "Left", id("gc1")),
                        map("gc1", "GC-1")),
                new Case(new TransferEquityCompensation(ISSUER, id("opt1"), D, ANA, null, id("gt1")),
                        map("gt1", "GT-1")),
                new Case(warrant("w2"), map("w2", "W-9")),
                new Case(new ExerciseWarrant(ISSUER, id("w1"), D, Quantity.of(100), null, id("we1"), id("we2")),
                        map("we1", "WE-STOCK", "we2", "WE-W")),
                new Case(new CancelWarrant(ISSUER, id("w1"), D, Quantity.of(100), "Lapsed", id("wc1")),
                        map("wc1", "WC-1")),
                new Case(new TransferWarrant(ISSUER, id("w1"), D, ANA, null, id("wt1")), map("wt1", "WT-1")),
                new Case(safe("safe2"), map("safe2", "SAFE-9")),
                new Case(new ConvertConvertible(ISSUER, id("safe1"), D, COMMON, Quantity.of(5000), "Priced round",
                        id("cc1")), map("cc1", "CC-1")),
                new Case(new TransferConvertible(ISSUER, id("safe1"), D, ANA, null, id("ct1")), map("ct1", "CT-1")));

        for (Case c : cases) {
            List<String> flat = new ArrayList<>();
            c.labels().forEach((k, v) -> {
                flat.add(k);
                flat.add(v);
            });
            fixture.given(books()).when(c.command(), labels(flat.toArray(String[]::new)))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(creates(c.labels()));
        }
        assertThat(cases).extracting(c -> c.command().getClass().getSimpleName()).doesNotHaveDuplicates()
                .hasSize(20);
    }

    @Test
    void aTransferAnswersTheIdsOfItsLabelledSecurities() {
        fixture.given(books()).when(new TransferStock(ISSUER, id("cs1"), D, List.of(new Transferee(BEN,
                        Quantity.of(400), id("t1"))), null, id("t2")), labels("t2", "CS-3"))
                .expectEventsMatching(creates(map("t1", "CS-4", "t2", "CS-3")))
                .expectResultMessagePayload(List.of("t1", "t2"));
    }

    /** CS-1 and CS-2 are Ana's; an issuance recorded with the requested label CS-4 makes the next allotted CS-5. */
    @Test
    void withoutTheMetadataLabelsAreAllottedAroundTheRequestedOnes() {
        Object[] given = books();
        Object[] withRequested = java.util.Arrays.copyOf(given, given.length + 1);
        withRequested[given.length] = new StockIssued(ISSUER, id("n0"), ISSUED, "CS-4", ANA, COMMON, Quantity.of(1),
                USD, null);

        fixture.given(withRequested).when(new IssueStock(ISSUER, id("n1"), D, ANA, COMMON, Quantity.of(1), USD,
                        null), Map.of(MetaDataKeys.ACTOR, "admin"))
                .expectEventsMatching(creates(map("n1", "CS-5")));
    }

    @Test
    void aTakenLabelIsRefusedAndNothingIsRecorded() {
        refused(fixture.given(books()).when(new IssueStock(ISSUER, id("n1"), D, ANA, COMMON, Quantity.of(1), USD,
                null), labels("n1", "cs-1")), ErrorCode.DUPLICATE_SECURITY_LABEL);
        refused(fixture.given(books()).when(warrant("w2"), labels("w2", "OPT-1")),
                ErrorCode.DUPLICATE_SECURITY_LABEL);
    }

    @Test
    void labelsThatAreNotAMapOfStringsAreRefused() {
        IssueStock issue = new IssueStock(ISSUER, id("n1"), D, ANA, COMMON, Quantity.of(1), USD, null);

        refused(fixture.given(books()).when(issue, Map.of(MetaDataKeys.ACTOR, "admin",
                MetaDataKeys.SECURITY_LABELS, "CS-9")), ErrorCode.INVALID_VALUE);
        refused(fixture.given(books()).when(issue, Map.of(MetaDataKeys.ACTOR, "admin",
                MetaDataKeys.SECURITY_LABELS, Map.of("n1", 9))), ErrorCode.INVALID_VALUE);
        refused(fixture.given(books()).when(issue, labels("n1", "x".repeat(65))), ErrorCode.INVALID_VALUE);
        refused(fixture.given(books()).when(issue, labels("other", "CS-9")), ErrorCode.INVALID_VALUE);
    }
}
