package org.capledger.command.captable;

import java.math.BigDecimal;
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
import org.capledger.api.convertible.AcceptConvertible;
import org.capledger.api.convertible.CancelConvertible;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConversionTiming;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.ConvertibleAccepted;
import org.capledger.api.convertible.ConvertibleCancelled;
import org.capledger.api.convertible.ConvertibleConverted;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleRetracted;
import org.capledger.api.convertible.ConvertibleTransferred;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.convertible.RetractConvertible;
import org.capledger.api.convertible.TransferConvertible;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stockclass.StockClassCreated;
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
import org.capledger.api.warrant.AcceptWarrant;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.RetractWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.capledger.api.warrant.WarrantAccepted;
import org.capledger.api.warrant.WarrantCancelled;
import org.capledger.api.warrant.WarrantExercised;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.api.warrant.WarrantRetracted;
import org.capledger.api.warrant.WarrantTransferred;
import org.capledger.ledger.Ledger;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each warrant and convertible transaction through the aggregate: the event it records and the ids it answers, its
 * refusals with their error codes, the extinguished-source rule, back-dating conflicts (a transaction dated before an
 * acceptance, before the security, before a later split of its class, or breaching authorized shares at a later
 * date), acceptances that change nothing, and who may send them. The rules are tested on the Ledger
 * ({@code WarrantsAndConvertiblesTest}); these prove the aggregate records exactly what the Ledger decides.
 */
class InstrumentCommandsTest {

    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    private static final LocalDate ISSUED = LocalDate.of(2021, 3, 1);
    private static final LocalDate D = LocalDate.of(2022, 1, 10);
    private static final StakeholderId ALICE = StakeholderId.of("alice");
    private static final StakeholderId FUND = StakeholderId.of("fund");
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final SecurityId CS1 = SecurityId.of("cs1");
    private static final SecurityId W1 = SecurityId.of("w1");
    private static final SecurityId SAFE1 = SecurityId.of("safe1");
    private static final Money ONE_DOLLAR = Money.of("1", "USD");
    private static final Money NOTHING = Money.of("0", "USD");
    private static final ConversionTerms CAPPED = new ConversionTerms(null, Money.of("5000000", "USD"),
            new BigDecimal("0.2"), ConversionTiming.POST_MONEY, null, null, null);

    private FixtureConfiguration<CapTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CapTable.class)
                .registerInjectableResource(new EffectiveDates(Clock.fixed(Instant.parse("2024-06-15T00:00:00Z"),
                        ZoneOffset.UTC)))
                .registerIgnoredField(Ledger.class, "classTimelines")
                .registerIgnoredField(Ledger.class, "issuerTimeline");
    }

    /**
     * Alice holds CS-1 (1,000 of 10,000 authorized Common); the fund holds W-1 (a warrant over 5,000 Common) and
     * SAFE-1 (USD 250,000); "admin" is ADMIN, "viewer" VIEWER.
     */
    private static Object[] books(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                new IssuerCreated(ISSUER, "Acme Corp", FORMED, "US", "DE", null, null),
                new RoleGranted(ISSUER, "admin", IssuerRole.ADMIN, null, FORMED, null),
                new RoleGranted(ISSUER, "viewer", IssuerRole.VIEWER, null, FORMED, null),
                holder(ALICE, "Alice Archer", FORMED), holder(FUND, "Seed Fund LP", FORMED),
                new StockClassCreated(ISSUER, COMMON, FORMED, "Common", StockClassType.COMMON, "CS-", null,
                        Quantity.of(1), 1, Quantity.of(10_000), false, null),
                new StockIssued(ISSUER, CS1, FORMED, "CS-1", ALICE, COMMON, Quantity.of(1000),
                        new Money(BigDecimal.ONE, "USD"), null),
                warrantIssued(),
                safeIssued()));
        events.addAll(List.of(more));
        return events.toArray();
    }

    private static StakeholderRegistered holder(StakeholderId id, String name, LocalDate on) {
        return new StakeholderRegistered(ISSUER, id, on, StakeholderType.INDIVIDUAL,
                new StakeholderName(name, null, null), null, StakeholderRelationship.INVESTOR, null, null);
    }

    private static WarrantIssued warrantIssued() {
        return new WarrantIssued(ISSUER, W1, ISSUED, "W-1", FUND, COMMON, Quantity.of(5000), ONE_DOLLAR, NOTHING,
                LocalDate.of(2031, 3, 1), null);
    }

    private static ConvertibleIssued safeIssued() {
        return new ConvertibleIssued(ISSUER, SAFE1, ISSUED, "SAFE-1", FUND, ConvertibleType.SAFE,
                Money.of("250000", "USD"), CAPPED, 1, false, null);
    }

    private static Map<String, Object> as(String account) {
        return Map.of(MetaDataKeys.ACTOR, account);
    }

    private static Map<String, Object> admin() {
        return as("admin");
    }

    private static SecurityId id(String value) {
        return SecurityId.of(value);
    }

    private static ResultingSecurity stock(String id, String label, StakeholderId holder, long quantity) {
        return new ResultingSecurity(id(id), label, holder, COMMON, Quantity.of(quantity));
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

    @Nested
    class Warrants {

        private final WarrantExercised exercisedWhole = new WarrantExercised(ISSUER, W1, D, Quantity.of(5000), null,
                List.of(stock("cs2", "CS-2", FUND, 5000)), null);

        @Test
        void issuanceRecordsTheWarrantUnderTheNextLabel() {
            fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), D, ALICE, COMMON, Quantity.of(300),
                            ONE_DOLLAR, NOTHING, LocalDate.of(2030, 1, 1), "USD 0"), admin())
                    .expectEvents(new WarrantIssued(ISSUER, id("w9"), D, "W-2", ALICE, COMMON, Quantity.of(300),
                            ONE_DOLLAR, NOTHING, LocalDate.of(2030, 1, 1), "USD 0"));
        }

        @Test
        void issuanceIsRefusedForAnUnknownHolderOrClassBadDatesOrAnIdInUse() {
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), D, StakeholderId.of("nobody"),
                    COMMON, Quantity.of(1), ONE_DOLLAR, NOTHING, null, null), admin()), ErrorCode.UNKNOWN_STAKEHOLDER);
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), D, ALICE, StockClassId.of("nope"),
                    Quantity.of(1), ONE_DOLLAR, NOTHING, null, null), admin()), ErrorCode.UNKNOWN_STOCK_CLASS);
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), D, ALICE, COMMON,
                    Quantity.of(1), ONE_DOLLAR, NOTHING, D.minusDays(1), null), admin()), ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), D, ALICE, COMMON,
                    Quantity.of(1), ONE_DOLLAR, null, null, null), admin()), ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), D, ALICE, COMMON,
                    Quantity.of(0), ONE_DOLLAR, NOTHING, null, null), admin()), ErrorCode.INVALID_QUANTITY);
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, CS1, D, ALICE, COMMON, Quantity.of(1),
                    ONE_DOLLAR, NOTHING, null, null), admin()), ErrorCode.DUPLICATE_SECURITY);
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), FORMED.minusDays(1), ALICE,
                    COMMON, Quantity.of(1), ONE_DOLLAR, NOTHING, null, null), admin()),
                    ErrorCode.DATE_BEFORE_FORMATION);
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), LocalDate.of(2024, 6, 17), ALICE,
                    COMMON, Quantity.of(1), ONE_DOLLAR, NOTHING, null, null), admin()), ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void exerciseIssuesStockLeavesABalanceAndAnswersTheirIds() {
            fixture.given(books()).when(new ExerciseWarrant(ISSUER, W1, D, Quantity.of(2000), "USD 2,000", id("cs2"),
                            id("w2")), admin())
                    .expectEvents(new WarrantExercised(ISSUER, W1, D, Quantity.of(2000), "USD 2,000",
                            List.of(stock("cs2", "CS-2", FUND, 2000)),
                            new ResultingGrant(id("w2"), "W-2", Quantity.of(3000))))
                    .expectResultMessagePayload(List.of("cs2", "w2"));
            fixture.given(books()).when(new ExerciseWarrant(ISSUER, W1, D, Quantity.of(5000), null, id("cs2"),
                            id("w2")), admin())
                    .expectEvents(exercisedWhole)
                    .expectResultMessagePayload(List.of("cs2"));
        }

        @Test
        void exerciseIsRefusedBeyondTheWarrantItsExpiryOrAuthorizedShares() {
            refused(fixture.given(books()).when(new ExerciseWarrant(ISSUER, W1, D, Quantity.of(5001), null,
                    id("cs2"), id("w2")), admin()), ErrorCode.QUANTITY_EXCEEDS_SECURITY);
            refused(fixture.given(books()).when(new ExerciseWarrant(ISSUER, W1, D, Quantity.of(1000), null,
                    id("cs2"), null), admin()), ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new ExerciseWarrant(ISSUER, W1, D, Quantity.of(1), null, CS1,
                    id("w2")), admin()), ErrorCode.DUPLICATE_SECURITY);
            WarrantIssued expiring = new WarrantIssued(ISSUER, id("w9"), ISSUED, "W-2", FUND, COMMON,
                    Quantity.of(10), ONE_DOLLAR, NOTHING, LocalDate.of(2021, 12, 31), null);
            refused(fixture.given(books(expiring)).when(new ExerciseWarrant(ISSUER, id("w9"), D, Quantity.of(1), null,
                    id("cs2"), id("w10")), admin()), ErrorCode.SECURITY_EXPIRED);
            // 1,000 issued, 8,500 more on a later date: 501 exercised back then would exceed the 10,000 from that date
            StockIssued later = new StockIssued(ISSUER, id("cs9"), LocalDate.of(2023, 1, 1), "CS-2", ALICE, COMMON,
                    Quantity.of(8500), ONE_DOLLAR, null);
            refused(fixture.given(books(later)).when(new ExerciseWarrant(ISSUER, W1, D, Quantity.of(501), null,
                    id("cs2"), id("w2")), admin()), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);
        }

        @Test
        void cancellationRecordsTheBalanceOrEndsTheWarrant() {
            fixture.given(books()).when(new CancelWarrant(ISSUER, W1, D, Quantity.of(1000), "Partly waived",
                            id("w2")), admin())
                    .expectEvents(new WarrantCancelled(ISSUER, W1, D, Quantity.of(1000), "Partly waived",
                            new ResultingGrant(id("w2"), "W-2", Quantity.of(4000))))
                    .expectResultMessagePayload(List.of("w2"));
            fixture.given(books()).when(new CancelWarrant(ISSUER, W1, D, Quantity.of(5000), "Waived", null), admin())
                    .expectEvents(new WarrantCancelled(ISSUER, W1, D, Quantity.of(5000), "Waived", null))
                    .expectResultMessagePayload(List.of());
            refused(fixture.given(books()).when(new CancelWarrant(ISSUER, W1, D, Quantity.of(5001), "Too many",
                    id("w2")), admin()), ErrorCode.QUANTITY_EXCEEDS_SECURITY);
            refused(fixture.given(books()).when(new CancelWarrant(ISSUER, W1, D, Quantity.of(1), " ", id("w2")),
                    admin()), ErrorCode.INVALID_VALUE);
        }

        @Test
        void transferMovesTheWholeWarrant() {
            fixture.given(books()).when(new TransferWarrant(ISSUER, W1, D, ALICE, "USD 10", id("w2")), admin())
                    .expectEvents(new WarrantTransferred(ISSUER, W1, D, ALICE, "USD 10",
                            new ResultingGrant(id("w2"), "W-2", Quantity.of(5000))))
                    .expectResultMessagePayload(List.of("w2"));
            refused(fixture.given(books()).when(new TransferWarrant(ISSUER, W1, D, StakeholderId.of("nobody"), null,
                    id("w2")), admin()), ErrorCode.UNKNOWN_STAKEHOLDER);
            refused(fixture.given(books(holder(StakeholderId.of("late"), "Late Comer", LocalDate.of(2023, 1, 1))))
                    .when(new TransferWarrant(ISSUER, W1, D, StakeholderId.of("late"), null, id("w2")), admin()),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
        }

        @Test
        void retractionVoidsAnUntouchedWarrantFromItsIssueDate() {
            fixture.given(books()).when(new RetractWarrant(ISSUER, W1, D, "Never approved"), admin())
                    .expectEvents(new WarrantRetracted(ISSUER, W1, D, "Never approved", ISSUED));
            refused(fixture.given(books()).when(new RetractWarrant(ISSUER, W1, D, null), admin()),
                    ErrorCode.INVALID_VALUE);
            WarrantTransferred transferred = new WarrantTransferred(ISSUER, W1, D, ALICE, null,
                    new ResultingGrant(id("w2"), "W-2", Quantity.of(5000)));
            refused(fixture.given(books(transferred)).when(new RetractWarrant(ISSUER, id("w2"), D, "Void"), admin()),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }

        @Test
        void acceptanceIsRecordedOnceAndNothingTerminalMayBeDatedBeforeIt() {
            fixture.given(books()).when(new AcceptWarrant(ISSUER, W1, D), admin())
                    .expectEvents(new WarrantAccepted(ISSUER, W1, D));
            WarrantAccepted accepted = new WarrantAccepted(ISSUER, W1, D);
            fixture.given(books(accepted)).when(new AcceptWarrant(ISSUER, W1, D.plusDays(1)), admin())
                    .expectNoEvents().expectSuccessfulHandlerExecution();
            LocalDate before = D.minusDays(1);
            refused(fixture.given(books(accepted)).when(new ExerciseWarrant(ISSUER, W1, before, Quantity.of(1), null,
                    id("cs2"), id("w2")), admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(fixture.given(books(accepted)).when(new CancelWarrant(ISSUER, W1, before, Quantity.of(1), "Waived",
                    id("w2")), admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(fixture.given(books(accepted)).when(new TransferWarrant(ISSUER, W1, before, ALICE, null,
                    id("w2")), admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(fixture.given(books(accepted)).when(new RetractWarrant(ISSUER, W1, D, "Void"), admin()),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(fixture.given(books()).when(new AcceptWarrant(ISSUER, W1, ISSUED.minusDays(1)), admin()),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
        }

        @Test
        void anExtinguishedWarrantAcceptsNoTransactionWhateverItsDate() {
            for (LocalDate date : List.of(D.minusDays(30), D.plusDays(30))) {
                refused(fixture.given(books(exercisedWhole)).when(new ExerciseWarrant(ISSUER, W1, date,
                        Quantity.of(1), null, id("cs3"), id("w2")), admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(fixture.given(books(exercisedWhole)).when(new CancelWarrant(ISSUER, W1, date, Quantity.of(1),
                        "Late", id("w2")), admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(fixture.given(books(exercisedWhole)).when(new TransferWarrant(ISSUER, W1, date, ALICE, null,
                        id("w2")), admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(fixture.given(books(exercisedWhole)).when(new RetractWarrant(ISSUER, W1, date, "Void"),
                        admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(fixture.given(books(exercisedWhole)).when(new AcceptWarrant(ISSUER, W1, date), admin()),
                        ErrorCode.SECURITY_NOT_OUTSTANDING);
            }
        }

        @Test
        void nothingOnAWarrantMayBeDatedBeforeALaterSplitOfItsClass() {
            StockClassSplit split = new StockClassSplit(ISSUER, COMMON, D, Ratio.of(2, 1), Quantity.of(20_000), null,
                    List.of(new StockClassSplit.Replacement(CS1, stock("cs1-split", "CS-2", ALICE, 2000))), List.of(),
                    List.of(new StockClassSplit.Adjustment(W1, Quantity.of(10_000), Money.of("0.5", "USD"))),
                    List.of());
            refused(fixture.given(books(split)).when(new ExerciseWarrant(ISSUER, W1, D.minusDays(1), Quantity.of(1),
                    null, id("cs3"), id("w2")), admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(fixture.given(books(split)).when(new IssueWarrant(ISSUER, id("w9"), D.minusDays(1), ALICE,
                    COMMON, Quantity.of(1), ONE_DOLLAR, NOTHING, null, null), admin()),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            fixture.given(books(split)).when(new ExerciseWarrant(ISSUER, W1, D, Quantity.of(10_000), null, id("cs3"),
                            null), admin())
                    .expectEvents(new WarrantExercised(ISSUER, W1, D, Quantity.of(10_000), null,
                            List.of(stock("cs3", "CS-3", FUND, 10_000)), null));
        }

        @Test
        void viewersCannotRecordWarrantTransactions() {
            refused(fixture.given(books()).when(new ExerciseWarrant(ISSUER, W1, D, Quantity.of(1), null, id("cs2"),
                    id("w2")), as("viewer")), ErrorCode.FORBIDDEN);
            refused(fixture.given(books()).when(new AcceptWarrant(ISSUER, W1, D), as("viewer")), ErrorCode.FORBIDDEN);
            // an account with no role on the issuer does not learn that it exists
            refused(fixture.given(books()).when(new IssueWarrant(ISSUER, id("w9"), D, ALICE, COMMON, Quantity.of(1),
                    ONE_DOLLAR, NOTHING, null, null), as("stranger")), ErrorCode.ISSUER_NOT_FOUND);
        }
    }

    @Nested
    class Convertibles {

        private final ConvertibleConverted converted = new ConvertibleConverted(ISSUER, SAFE1, D, "Series A",
                List.of(stock("cs2", "CS-2", FUND, 2000)));

        @Test
        void issuanceRecordsTheConvertibleUnderItsTypesNextLabel() {
            fixture.given(books()).when(new IssueConvertible(ISSUER, id("n1"), D, ALICE, ConvertibleType.NOTE,
                            Money.of("10000", "USD"), null, 1, false, null), admin())
                    .expectEvents(new ConvertibleIssued(ISSUER, id("n1"), D, "CN-1", ALICE, ConvertibleType.NOTE,
                            Money.of("10000", "USD"), null, 1, false, null));
            fixture.given(books()).when(new IssueConvertible(ISSUER, id("s2"), D, ALICE, ConvertibleType.SAFE,
                            Money.of("10000", "USD"), CAPPED, 2, true, "Wire"), admin())
                    .expectEvents(new ConvertibleIssued(ISSUER, id("s2"), D, "SAFE-2", ALICE, ConvertibleType.SAFE,
                            Money.of("10000", "USD"), CAPPED, 2, true, "Wire"));
        }

        @Test
        void issuanceIsRefusedWithoutAPositiveInvestmentOrWithTermsOutOfRange() {
            refused(fixture.given(books()).when(new IssueConvertible(ISSUER, id("s2"), D, ALICE, ConvertibleType.SAFE,
                    Money.of("0", "USD"), null, 1, false, null), admin()), ErrorCode.INVALID_MONEY);
            refused(fixture.given(books()).when(new IssueConvertible(ISSUER, id("s2"), D, ALICE, ConvertibleType.SAFE,
                    Money.of("100", "USD"), new ConversionTerms(null, null, new BigDecimal("1.5"), null, null, null,
                    null), 1, false, null), admin()), ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new IssueConvertible(ISSUER, id("s2"), D, ALICE, ConvertibleType.NOTE,
                    Money.of("100", "USD"), new ConversionTerms(null, null, null, null, null, null, D.minusDays(1)),
                    1, false, null), admin()), ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new IssueConvertible(ISSUER, id("s2"), D, ALICE, ConvertibleType.SAFE,
                    Money.of("100", "USD"), null, 0, false, null), admin()), ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new IssueConvertible(ISSUER, id("s2"), D, ALICE, ConvertibleType.SAFE,
                    Money.of("100", "USD"), new ConversionTerms(StockClassId.of("nope"), null, null, null, null, null,
                    null), 1, false, null), admin()), ErrorCode.UNKNOWN_STOCK_CLASS);
            refused(fixture.given(books()).when(new IssueConvertible(ISSUER, W1, D, ALICE, ConvertibleType.SAFE,
                    Money.of("100", "USD"), null, 1, false, null), admin()), ErrorCode.DUPLICATE_SECURITY);
        }

        @Test
        void conversionIssuesStockAndAnswersItsId() {
            fixture.given(books()).when(new ConvertConvertible(ISSUER, SAFE1, D, COMMON, Quantity.of(2000),
                            "Series A", id("cs2")), admin())
                    .expectEvents(converted)
                    .expectResultMessagePayload(List.of("cs2"));
            refused(fixture.given(books()).when(new ConvertConvertible(ISSUER, SAFE1, D, COMMON, Quantity.of(9001),
                    "Series A", id("cs2")), admin()), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);
            refused(fixture.given(books()).when(new ConvertConvertible(ISSUER, SAFE1, D, StockClassId.of("nope"),
                    Quantity.of(1), "Series A", id("cs2")), admin()), ErrorCode.UNKNOWN_STOCK_CLASS);
            refused(fixture.given(books()).when(new ConvertConvertible(ISSUER, SAFE1, D, COMMON, Quantity.of(1), null,
                    id("cs2")), admin()), ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new ConvertConvertible(ISSUER, W1, D, COMMON, Quantity.of(1),
                    "Not a convertible", id("cs2")), admin()), ErrorCode.UNKNOWN_SECURITY);
        }

        @Test
        void aBackDatedConversionMustFitTheAuthorizedSharesOfEveryLaterDate() {
            StockIssued later = new StockIssued(ISSUER, id("cs9"), LocalDate.of(2023, 1, 1), "CS-2", ALICE, COMMON,
                    Quantity.of(8500), ONE_DOLLAR, null);
            refused(fixture.given(books(later)).when(new ConvertConvertible(ISSUER, SAFE1, D, COMMON,
                    Quantity.of(501), "Series A", id("cs2")), admin()), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);
            fixture.given(books(later)).when(new ConvertConvertible(ISSUER, SAFE1, D, COMMON, Quantity.of(500),
                            "Series A", id("cs2")), admin())
                    .expectEvents(new ConvertibleConverted(ISSUER, SAFE1, D, "Series A",
                            List.of(stock("cs2", "CS-3", FUND, 500))));
            refused(fixture.given(books()).when(new ConvertConvertible(ISSUER, SAFE1, ISSUED.minusDays(1), COMMON,
                    Quantity.of(1), "Series A", id("cs2")), admin()), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
        }

        @Test
        void cancellationEndsTheConvertible() {
            fixture.given(books()).when(new CancelConvertible(ISSUER, SAFE1, D, "Repaid"), admin())
                    .expectEvents(new ConvertibleCancelled(ISSUER, SAFE1, D, "Repaid"));
            refused(fixture.given(books()).when(new CancelConvertible(ISSUER, SAFE1, D, ""), admin()),
                    ErrorCode.INVALID_VALUE);
        }

        @Test
        void transferMovesTheWholeConvertible() {
            fixture.given(books()).when(new TransferConvertible(ISSUER, SAFE1, D, ALICE, "Secondary", id("safe2")),
                            admin())
                    .expectEvents(new ConvertibleTransferred(ISSUER, SAFE1, D, ALICE, "Secondary",
                            new ResultingGrant(id("safe2"), "SAFE-2", null)))
                    .expectResultMessagePayload(List.of("safe2"));
            refused(fixture.given(books()).when(new TransferConvertible(ISSUER, SAFE1, D, StakeholderId.of("nobody"),
                    null, id("safe2")), admin()), ErrorCode.UNKNOWN_STAKEHOLDER);
            refused(fixture.given(books()).when(new TransferConvertible(ISSUER, SAFE1, D, ALICE, null, W1), admin()),
                    ErrorCode.DUPLICATE_SECURITY);
        }

        @Test
        void retractionVoidsAnUntouchedConvertibleFromItsIssueDate() {
            fixture.given(books()).when(new RetractConvertible(ISSUER, SAFE1, D, "Never signed"), admin())
                    .expectEvents(new ConvertibleRetracted(ISSUER, SAFE1, D, "Never signed", ISSUED));
            ConvertibleTransferred transferred = new ConvertibleTransferred(ISSUER, SAFE1, D, ALICE, null,
                    new ResultingGrant(id("safe2"), "SAFE-2", null));
            refused(fixture.given(books(transferred)).when(new RetractConvertible(ISSUER, id("safe2"), D, "Void"),
                    admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }

        @Test
        void acceptanceIsRecordedOnceAndNothingTerminalMayBeDatedBeforeIt() {
            fixture.given(books()).when(new AcceptConvertible(ISSUER, SAFE1, D), admin())
                    .expectEvents(new ConvertibleAccepted(ISSUER, SAFE1, D));
            ConvertibleAccepted accepted = new ConvertibleAccepted(ISSUER, SAFE1, D);
            fixture.given(books(accepted)).when(new AcceptConvertible(ISSUER, SAFE1, D.plusDays(1)), admin())
                    .expectNoEvents().expectSuccessfulHandlerExecution();
            LocalDate before = D.minusDays(1);
            refused(fixture.given(books(accepted)).when(new ConvertConvertible(ISSUER, SAFE1, before, COMMON,
                    Quantity.of(1), "Series A", id("cs2")), admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(fixture.given(books(accepted)).when(new CancelConvertible(ISSUER, SAFE1, before, "Repaid"),
                    admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(fixture.given(books(accepted)).when(new TransferConvertible(ISSUER, SAFE1, before, ALICE, null,
                    id("safe2")), admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(fixture.given(books(accepted)).when(new RetractConvertible(ISSUER, SAFE1, D, "Void"), admin()),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }

        @Test
        void anExtinguishedConvertibleAcceptsNoTransactionWhateverItsDate() {
            for (LocalDate date : List.of(D.minusDays(30), D.plusDays(30))) {
                refused(fixture.given(books(converted)).when(new ConvertConvertible(ISSUER, SAFE1, date, COMMON,
                        Quantity.of(1), "Again", id("cs3")), admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(fixture.given(books(converted)).when(new CancelConvertible(ISSUER, SAFE1, date, "Late"),
                        admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(fixture.given(books(converted)).when(new TransferConvertible(ISSUER, SAFE1, date, ALICE, null,
                        id("safe2")), admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(fixture.given(books(converted)).when(new RetractConvertible(ISSUER, SAFE1, date, "Void"),
                        admin()), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(fixture.given(books(converted)).when(new AcceptConvertible(ISSUER, SAFE1, date), admin()),
                        ErrorCode.SECURITY_NOT_OUTSTANDING);
            }
        }

        @Test
        void viewersCannotRecordConvertibleTransactions() {
            refused(fixture.given(books()).when(new ConvertConvertible(ISSUER, SAFE1, D, COMMON, Quantity.of(1),
                    "Series A", id("cs2")), as("viewer")), ErrorCode.FORBIDDEN);
            refused(fixture.given(books()).when(new CancelConvertible(ISSUER, SAFE1, D, "Repaid"), as("viewer")),
                    ErrorCode.FORBIDDEN);
        }
    }
}
