package org.capledger.command.captable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
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
import org.capledger.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot is the whole aggregate written by the production serializer. An aggregate loaded from it must
 * decide exactly as one replayed from its events, or loading an issuer would silently change its rules.
 */
class CapTableSnapshotSerializationTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final StakeholderId ALICE = StakeholderId.of("alice");
    private static final StakeholderId BOB = StakeholderId.of("bob");
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockClassId PREFERRED = StockClassId.of("preferred");
    private static final StockClassId UNITS = StockClassId.of("units");
    private static final Money PRICE = Money.of("0.25", "USD");

    /** Built as in production: {@code axon.serializer.general: jackson3}, no customizer. */
    private final Serializer serializer = Jackson3Serializer.builder().build();

    private CapTable replayed;
    private CapTable restored;

    @BeforeEach
    void replayAndRoundTrip() {
        replayed = replay(history());
        restored = roundTrip(replayed);
    }

    /**
     * Issuer-wide and class limits, authorized adjustments recorded out of effective order, a back-dated
     * issuance, two issuances on one day, fractional shares, and a stakeholder update.
     */
    private static List<CapTableEvent> history() {
        return List.of(
                new IssuerCreated(ISSUER, "Acme Corp", LocalDate.of(2020, 1, 1), "US", "DE", "12-3456789",
                        Quantity.of(2000)),
                new StakeholderRegistered(ISSUER, ALICE, LocalDate.of(2020, 1, 1), StakeholderType.INDIVIDUAL,
                        new StakeholderName("Alice Archer", "Alice", "Archer"), "alice@example.com",
                        StakeholderRelationship.FOUNDER, null, null),
                new StakeholderRegistered(ISSUER, BOB, LocalDate.of(2021, 1, 1), StakeholderType.INSTITUTION,
                        new StakeholderName("Bob Ventures LLC", null, null), null,
                        StakeholderRelationship.INVESTOR, new org.capledger.api.value.Address(
                                org.capledger.api.value.AddressType.LEGAL, "1 Main St\nSuite 2", "Wilmington", "DE",
                                "US", "19801"), true),
                new StockClassCreated(ISSUER, COMMON, LocalDate.of(2020, 1, 1), "Common", StockClassType.COMMON,
                        "CS-", Money.of("0.0001", "USD"), Quantity.of(1), 1, Quantity.of(100), false, null),
                new StockClassCreated(ISSUER, PREFERRED, LocalDate.of(2021, 1, 1), "Series A Preferred",
                        StockClassType.PREFERRED, "PS-", null, Quantity.of(2), 2, Quantity.of(500), false, null),
                new StockClassCreated(ISSUER, UNITS, LocalDate.of(2021, 1, 1), "Units", StockClassType.COMMON, "U-",
                        null, Quantity.of("0.5"), 1, Quantity.of("10.5"), true, null),
                issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2022, 1, 1), "90"),
                new StockClassAuthorizedSharesAdjusted(ISSUER, PREFERRED, LocalDate.of(2023, 1, 1), Quantity.of(800),
                        LocalDate.of(2022, 12, 1), null, "Series A extension"),
                new StockClassAuthorizedSharesAdjusted(ISSUER, PREFERRED, LocalDate.of(2022, 1, 1), Quantity.of(600),
                        null, null, null),
                issued("s2", "PS-1", BOB, PREFERRED, LocalDate.of(2022, 3, 1), "400"),
                issued("s3", "PS-2", ALICE, PREFERRED, LocalDate.of(2021, 6, 1), "100"),
                issued("s4", "CS-2", BOB, COMMON, LocalDate.of(2022, 3, 1), "5"),
                issued("s5", "U-1", BOB, UNITS, LocalDate.of(2022, 3, 1), "2.75"),
                new IssuerAuthorizedSharesAdjusted(ISSUER, LocalDate.of(2022, 6, 1), Quantity.of(700), null, null,
                        null),
                new StakeholderUpdated(ISSUER, BOB, LocalDate.of(2023, 5, 1),
                        new StakeholderName("Bob Ventures LP", null, null), "ir@bobventures.example",
                        StakeholderRelationship.INVESTOR, null, null));
    }

    private static StockIssued issued(String id, String label, StakeholderId holder, StockClassId stockClass,
                                      LocalDate date, String quantity) {
        return new StockIssued(ISSUER, SecurityId.of(id), date, label, holder, stockClass, Quantity.of(quantity), PRICE,
                null);
    }

    private static CapTable replay(List<CapTableEvent> events) {
        CapTable capTable = new CapTable();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            capTable.on(events.get(sequence), sequence);
        }
        return capTable;
    }

    private CapTable roundTrip(CapTable capTable) {
        SerializedObject<byte[]> snapshot = serializer.serialize(capTable, byte[].class);
        return serializer.deserialize(snapshot);
    }

    private String json(CapTable capTable) {
        return new String(serializer.serialize(capTable, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    @Test
    void restoredAggregateWritesTheSameSnapshot() {
        assertThat(json(restored)).isEqualTo(json(replayed));
    }

    @Test
    void restoredLedgerShowsTheSameCapTable() {
        assertThat(restored.ledger().capTable(TODAY)).isEqualTo(replayed.ledger().capTable(TODAY));
        assertThat(restored.ledger().capTable(TODAY).totals().sharesOutstanding())
                .isEqualTo(Quantity.of("597.75"));
    }

    @Test
    void restoredLedgerKeepsEveryRecordAndCount() {
        Ledger before = replayed.ledger();
        Ledger after = restored.ledger();

        assertThat(after.issuer()).isEqualTo(before.issuer());
        assertThat(after.stakeholders()).containsExactlyElementsOf(before.stakeholders());
        assertThat(after.stockClasses()).containsExactlyElementsOf(before.stockClasses());
        assertThat(after.securities()).containsExactlyElementsOf(before.securities());
        assertThat(after.issuerSharesAuthorized()).isEqualTo(Quantity.of(700));
        for (StockClassId stockClass : List.of(COMMON, PREFERRED, UNITS)) {
            assertThat(after.sharesAuthorized(stockClass)).isEqualTo(before.sharesAuthorized(stockClass));
            assertThat(after.sharesOutstanding(stockClass)).isEqualTo(before.sharesOutstanding(stockClass));
        }
        assertThat(after.sharesAuthorized(PREFERRED)).isEqualTo(Quantity.of(800));
    }

    @Test
    void restoredLedgerAcceptsTheSameNextIssuanceWithTheSameLabel() {
        IssueStock next = new IssueStock(ISSUER, SecurityId.of("s6"), TODAY, ALICE, PREFERRED, Quantity.of(100),
                PRICE, null);

        StockIssued fromRestored = restored.ledger().issueStock(next, TODAY);

        assertThat(fromRestored).isEqualTo(replayed.ledger().issueStock(next, TODAY));
        assertThat(fromRestored.securityLabel()).isEqualTo("PS-3");
    }

    @Test
    void restoredLedgerRefusesABackDatedIssuanceThatBreachesLater() {
        IssueStock backDated = new IssueStock(ISSUER, SecurityId.of("s6"), LocalDate.of(2021, 6, 1), ALICE, COMMON,
                Quantity.of(10), PRICE, null);

        assertSameRefusal(ledger -> ledger.issueStock(backDated, TODAY), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);
    }

    @Test
    void restoredLedgerRefusesAnIssuanceBeyondTheIssuerWideLimit() {
        IssueStock tooMany = new IssueStock(ISSUER, SecurityId.of("s6"), TODAY, ALICE, PREFERRED, Quantity.of(150),
                PRICE, null);

        assertSameRefusal(ledger -> ledger.issueStock(tooMany, TODAY), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);
    }

    @Test
    void restoredLedgerRefusesABackDatedDecreaseBelowLaterOutstanding() {
        AdjustStockClassAuthorizedShares decrease = new AdjustStockClassAuthorizedShares(ISSUER, PREFERRED,
                LocalDate.of(2022, 2, 1), Quantity.of(450), null, null, null);

        assertSameRefusal(ledger -> ledger.adjustStockClassAuthorizedShares(decrease, TODAY),
                ErrorCode.AUTHORIZED_BELOW_OUTSTANDING);
    }

    @Test
    void restoredLedgerRefusesAnIssuerWideDecreaseBelowOutstanding() {
        AdjustIssuerAuthorizedShares decrease = new AdjustIssuerAuthorizedShares(ISSUER, TODAY, Quantity.of(597),
                null, null, null);

        assertSameRefusal(ledger -> ledger.adjustIssuerAuthorizedShares(decrease, TODAY),
                ErrorCode.AUTHORIZED_BELOW_OUTSTANDING);
    }

    @Test
    void restoredLedgerStillKnowsTakenEmailsAndDates() {
        RegisterStakeholder sameEmail = new RegisterStakeholder(ISSUER, StakeholderId.of("carol"), TODAY,
                StakeholderType.INDIVIDUAL, new StakeholderName("Carol", null, null), "IR@BobVentures.example",
                StakeholderRelationship.EMPLOYEE, null, null);
        IssueStock beforeBob = new IssueStock(ISSUER, SecurityId.of("s6"), LocalDate.of(2020, 12, 31), BOB, COMMON,
                Quantity.of(1), PRICE, null);
        IssueStock fractionalCommon = new IssueStock(ISSUER, SecurityId.of("s6"), TODAY, BOB, COMMON,
                Quantity.of("0.5"), PRICE, null);
        IssueStock reusedSecurity = new IssueStock(ISSUER, SecurityId.of("s1"), TODAY, BOB, COMMON,
                Quantity.of(1), PRICE, null);

        assertSameRefusal(ledger -> ledger.registerStakeholder(sameEmail, TODAY),
                ErrorCode.DUPLICATE_STAKEHOLDER_EMAIL);
        assertSameRefusal(ledger -> ledger.issueStock(beforeBob, TODAY), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
        assertSameRefusal(ledger -> ledger.issueStock(fractionalCommon, TODAY),
                ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
        assertSameRefusal(ledger -> ledger.issueStock(reusedSecurity, TODAY), ErrorCode.DUPLICATE_SECURITY);
    }

    @Test
    void restoredAggregateKeepsFoldingEvents() {
        StockIssued next = issued("s6", "U-2", ALICE, UNITS, TODAY, "0.25");
        replayed.on(next, history().size());
        restored.on(next, history().size());

        assertThat(restored.ledger().capTable(TODAY)).isEqualTo(replayed.ledger().capTable(TODAY));
        assertThat(json(restored)).isEqualTo(json(replayed));
    }

    private void assertSameRefusal(Function<Ledger, ?> decision, ErrorCode code) {
        CapledgerException fromReplayed = catchThrowableOfType(CapledgerException.class,
                () -> decision.apply(replayed.ledger()));
        CapledgerException fromRestored = catchThrowableOfType(CapledgerException.class,
                () -> decision.apply(restored.ledger()));

        assertThat(fromReplayed).as("the replayed ledger refuses").isNotNull();
        assertThat(fromReplayed.code()).isEqualTo(code);
        assertThat(fromRestored).as("the restored ledger refuses").isNotNull();
        assertThat(fromRestored.code()).isEqualTo(code);
        assertThat(fromRestored.getMessage()).isEqualTo(fromReplayed.getMessage());
        assertThat(fromRestored.properties()).isEqualTo(fromReplayed.properties());
    }
}
