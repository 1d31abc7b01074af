package org.capledger.command.captable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stock.AcceptStock;
import org.capledger.api.stock.CancelStock;
import org.capledger.api.stock.ConsolidateStock;
import org.capledger.api.stock.ConvertStock;
import org.capledger.api.stock.ReissueStock;
import org.capledger.api.stock.RepurchaseStock;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.RetractStock;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.StockAccepted;
import org.capledger.api.stock.StockCancelled;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockConsolidated;
import org.capledger.api.stock.StockConverted;
import org.capledger.api.stock.StockReissued;
import org.capledger.api.stock.StockRepurchased;
import org.capledger.api.stock.StockRetracted;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stock.Transferee;
import org.capledger.api.stockclass.AdjustConversionRatio;
import org.capledger.api.stockclass.ConversionRatioAdjusted;
import org.capledger.api.stockclass.ConversionRight;
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
import org.capledger.ledger.Ledger;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each stock transaction through the aggregate: the event it records, a refusal of its own, the extinguished-source
 * rule, a back-dating conflict, and who may send it. The rules themselves are tested on the Ledger
 * ({@code StockTransactionsTest}); these prove the aggregate records exactly what the Ledger decides.
 */
class StockTransactionCommandsTest {

    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    private static final LocalDate ISSUED = LocalDate.of(2021, 3, 1);
    private static final LocalDate D = LocalDate.of(2022, 1, 10);
    private static final StakeholderId ALICE = StakeholderId.of("alice");
    private static final StakeholderId BOB = StakeholderId.of("bob");
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockClassId PREFERRED = StockClassId.of("preferred");
    private static final SecurityId CS1 = SecurityId.of("cs1");
    private static final SecurityId PS1 = SecurityId.of("ps1");

    private FixtureConfiguration<CapTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CapTable.class)
                .registerInjectableResource(new EffectiveDates(Clock.fixed(Instant.parse("2024-06-15T00:00:00Z"),
                        ZoneOffset.UTC)))
                .registerIgnoredField(Ledger.class, "classTimelines");
    }

    /** Alice holds CS-1 (1,000 Common), Bob PS-1 (100 Preferred converting 1:1 into Common); "admin" is ADMIN. */
    private static Object[] books(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(
                new IssuerCreated(ISSUER, "Acme Corp", FORMED, "US", "DE", null, null),
                new RoleGranted(ISSUER, "admin", IssuerRole.ADMIN, null, FORMED, null),
                new RoleGranted(ISSUER, "viewer", IssuerRole.VIEWER, null, FORMED, null),
                holder(ALICE, "Alice Archer"), holder(BOB, "Bob Baker"),
                new StockClassCreated(ISSUER, COMMON, FORMED, "Common", StockClassType.COMMON, "CS-", null,
                        Quantity.of(1), 1, Quantity.of(10_000), false, null),
                new StockClassCreated(ISSUER, PREFERRED, FORMED, "Preferred", StockClassType.PREFERRED, "PS-", null,
                        Quantity.of(1), 2, Quantity.of(1_000), false,
                        List.of(new ConversionRight(COMMON, Ratio.of(1, 1), Ratio.RoundingType.NORMAL))),
                new StockIssued(ISSUER, CS1, ISSUED, "CS-1", ALICE, COMMON, Quantity.of(1000),
                        new Money(BigDecimal.ONE, "USD"), null),
                new StockIssued(ISSUER, PS1, ISSUED, "PS-1", BOB, PREFERRED, Quantity.of(100),
                        new Money(BigDecimal.TEN, "USD"), null)));
        events.addAll(List.of(more));
        return events.toArray();
    }

    private static StakeholderRegistered holder(StakeholderId id, String name) {
        return new StakeholderRegistered(ISSUER, id, FORMED, StakeholderType.INDIVIDUAL,
                new StakeholderName(name, null, null), null, StakeholderRelationship.FOUNDER, null, null);
    }

    private static Map<String, Object> as(String account) {
        return Map.of(MetaDataKeys.ACTOR, account);
    }

    private static SecurityId id(String value) {
        return SecurityId.of(value);
    }

    private static ResultingSecurity result(String id, String label, StakeholderId holder, StockClassId stockClass,
                                            long quantity) {
        return new ResultingSecurity(id(id), label, holder, stockClass, Quantity.of(quantity));
    }

    private static StockTransferred transferred() {
        return new StockTransferred(ISSUER, CS1, D, Quantity.of(400), null,
                List.of(result("cs2", "CS-2", BOB, COMMON, 400)), result("cs3", "CS-3", ALICE, COMMON, 600));
    }

    private static TransferStock transfer(LocalDate date) {
        return new TransferStock(ISSUER, CS1, date, List.of(new Transferee(BOB, Quantity.of(400), id("cs2"))), null,
                id("cs3"));
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
    void transferRecordsTransfereeAndBalanceAndAnswersTheirIds() {
        fixture.given(books()).when(transfer(D), as("admin"))
                .expectEvents(transferred())
                .expectResultMessagePayload(List.of("cs2", "cs3"));
    }

    @Test
    void anExtinguishedSourceAcceptsNoTransactionWhateverItsDate() {
        refused(fixture.given(books(transferred())).when(new CancelStock(ISSUER, CS1, D.minusDays(30),
                Quantity.of(1000), "Back-dated", null), as("admin")), ErrorCode.SECURITY_NOT_OUTSTANDING);
        refused(fixture.given(books(transferred())).when(transfer(D.plusDays(1)), as("admin")),
                ErrorCode.SECURITY_NOT_OUTSTANDING);
    }

    @Test
    void viewersCannotRecordStockTransactions() {
        refused(fixture.given(books()).when(transfer(D), as("viewer")), ErrorCode.FORBIDDEN);
    }

    @Test
    void cancellationRecordsTheBalanceAndRefusesTooManyShares() {
        fixture.given(books()).when(new CancelStock(ISSUER, CS1, D, Quantity.of(250), "Forfeited", id("cs2")),
                        as("admin"))
                .expectEvents(new StockCancelled(ISSUER, CS1, D, Quantity.of(250), "Forfeited",
                        result("cs2", "CS-2", ALICE, COMMON, 750)));
        refused(fixture.given(books()).when(new CancelStock(ISSUER, CS1, D, Quantity.of(1001), "Too many", null),
                as("admin")), ErrorCode.QUANTITY_EXCEEDS_SECURITY);
    }

    @Test
    void repurchaseRecordsThePriceAndNeedsOne() {
        fixture.given(books()).when(new RepurchaseStock(ISSUER, CS1, D, Quantity.of(1000), Money.of("2", "USD"),
                        null, null), as("admin"))
                .expectEvents(new StockRepurchased(ISSUER, CS1, D, Quantity.of(1000), Money.of("2", "USD"), null,
                        null));
        refused(fixture.given(books()).when(new RepurchaseStock(ISSUER, CS1, D, Quantity.of(1), null, null,
                id("cs2")), as("admin")), ErrorCode.INVALID_VALUE);
    }

    @Test
    void reissuanceMustBeWhole() {
        fixture.given(books()).when(new ReissueStock(ISSUER, CS1, D, List.of(
                        new ReissueStock.NewSecurity(id("cs2"), Quantity.of(1000))), "New legend"), as("admin"))
                .expectEvents(new StockReissued(ISSUER, CS1, D, "New legend",
                        List.of(result("cs2", "CS-2", ALICE, COMMON, 1000)), null));
        refused(fixture.given(books()).when(new ReissueStock(ISSUER, CS1, D, List.of(
                        new ReissueStock.NewSecurity(id("cs2"), Quantity.of(999))), null), as("admin")),
                ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void retractionVoidsFromTheIssueDateButNotAfterAcceptance() {
        fixture.given(books()).when(new RetractStock(ISSUER, CS1, D, "No board approval"), as("admin"))
                .expectEvents(new StockRetracted(ISSUER, CS1, D, "No board approval", ISSUED));
        refused(fixture.given(books(new StockAccepted(ISSUER, CS1, ISSUED)))
                .when(new RetractStock(ISSUER, CS1, D, "Too late"), as("admin")),
                ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
    }

    @Test
    void conversionUsesTheRatioInForceAndRefusesClassesWithoutARight() {
        ConversionRatioAdjusted adjusted = new ConversionRatioAdjusted(ISSUER, PREFERRED, ISSUED, COMMON,
                Ratio.of(2, 1), null);
        fixture.given(books(adjusted)).when(new ConvertStock(ISSUER, PS1, D, Quantity.of(100), COMMON, id("cs2"),
                        null), as("admin"))
                .expectEvents(new StockConverted(ISSUER, PS1, D, Quantity.of(100), COMMON, Ratio.of(2, 1),
                        List.of(result("cs2", "CS-2", BOB, COMMON, 200)), null));
        refused(fixture.given(books()).when(new ConvertStock(ISSUER, CS1, D, Quantity.of(1), PREFERRED, id("ps2"),
                id("cs2")), as("admin")), ErrorCode.NO_CONVERSION_RIGHT);
    }

    @Test
    void ratioAdjustmentCannotReachBehindAConversion() {
        StockConverted converted = new StockConverted(ISSUER, PS1, D, Quantity.of(100), COMMON, Ratio.of(1, 1),
                List.of(result("cs2", "CS-2", BOB, COMMON, 100)), null);
        refused(fixture.given(books(converted)).when(new AdjustConversionRatio(ISSUER, PREFERRED, D.minusDays(1),
                COMMON, Ratio.of(2, 1), null), as("admin")), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        fixture.given(books()).when(new AdjustConversionRatio(ISSUER, PREFERRED, D, COMMON, Ratio.of(1, 1), null),
                as("admin")).expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void consolidationCombinesOneHoldersSecurities() {
        StockIssued cs2 = new StockIssued(ISSUER, id("cs2"), ISSUED, "CS-2", ALICE, COMMON, Quantity.of(500),
                new Money(BigDecimal.ONE, "USD"), null);
        fixture.given(books(cs2)).when(new ConsolidateStock(ISSUER, List.of(CS1, id("cs2")), D, id("cs3"), null),
                        as("admin"))
                .expectEvents(new StockConsolidated(ISSUER, List.of(CS1, id("cs2")), D, null,
                        result("cs3", "CS-3", ALICE, COMMON, 1500)));
        refused(fixture.given(books()).when(new ConsolidateStock(ISSUER, List.of(CS1, PS1), D, id("x"), null),
                as("admin")), ErrorCode.INVALID_VALUE);
    }

    @Test
    void acceptanceIsRecordedOnce() {
        fixture.given(books()).when(new AcceptStock(ISSUER, CS1, D), as("admin"))
                .expectEvents(new StockAccepted(ISSUER, CS1, D));
        fixture.given(books(new StockAccepted(ISSUER, CS1, D))).when(new AcceptStock(ISSUER, CS1, D), as("admin"))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void splitReplacesOutstandingSecuritiesAndRefusesReachingBehindLaterTransactions() {
        String derived = java.util.UUID.nameUUIDFromBytes("acme/CS-2".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        fixture.given(books()).when(new SplitStockClass(ISSUER, COMMON, D, Ratio.of(2, 1), null, null, null),
                as("admin"))
                .expectEvents(new StockClassSplit(ISSUER, COMMON, D, Ratio.of(2, 1), Quantity.of(20_000), null,
                        List.of(new StockClassSplit.Replacement(CS1, result(derived, "CS-2", ALICE, COMMON, 2000))),
                        List.of(), List.of(), List.of()))
                .expectResultMessagePayload(List.of(derived));
        refused(fixture.given(books(transferred())).when(new SplitStockClass(ISSUER, COMMON, D.minusDays(1),
                Ratio.of(2, 1), null, null, null), as("admin")), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
    }
}
