package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;
import static org.capledger.ledger.Books.adjustClass;
import static org.capledger.ledger.Books.adjustIssuer;
import static org.capledger.ledger.Books.createClass;
import static org.capledger.ledger.Books.createIssuer;
import static org.capledger.ledger.Books.issue;
import static org.capledger.ledger.Books.register;
import static org.capledger.ledger.Books.update;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StockClassId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final LocalDate BOB_JOINED = LocalDate.of(2021, 1, 1);
    private static final LocalDate PREFERRED_CREATED = LocalDate.of(2021, 1, 1);
    private static final StockClassId COMMON = StockClassId.of("common");

    private Books books;
    private Ledger ledger;

    @BeforeEach
    void setUp() {
        useBooks(null);
    }

    /**
     * Alice (registered at formation) and Bob (from 2021); Common ({@code CS-}, 100 authorized, since formation) and
     * Series A Preferred ({@code PS-}, 1000 authorized, 2 votes a share, since 2021).
     */
    private void useBooks(Long issuerAuthorized) {
        books = new Books();
        ledger = books.ledger;
        books.record(ledger.createIssuer(createIssuer(issuerAuthorized), TODAY));
        books.record(ledger.registerStakeholder(register("alice", "Alice Archer", FORMED, "alice@example.com"), TODAY));
        books.record(ledger.registerStakeholder(register("bob", "Bob Baker", BOB_JOINED, null), TODAY));
        books.record(ledger.createStockClass(createClass("common", "Common", "CS-", FORMED, "100", false), TODAY));
        books.record(ledger.createStockClass(
                createClass("preferred", "Series A Preferred", "PS-", PREFERRED_CREATED, "1000", false, 2), TODAY));
    }

    private StockIssued issued(IssueStock command) {
        return books.record(ledger.issueStock(command, TODAY));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** Asserts the call is refused with {@code code} and returns the refusal for further checks. */
    private static CapledgerException refused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CapledgerException.class);
        CapledgerException refusal = (CapledgerException) thrown;
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
        return refusal;
    }

    @Nested
    class CreatingTheIssuer {

        @Test
        void createsTheIssuerWithTrimmedNameAndBlankTaxIdLeftOut() {
            CreateIssuer command = new CreateIssuer(ISSUER, "  Acme Corp ", FORMED, "US", "DE", "  ",
                    Quantity.of(10_000));

            IssuerCreated created = Ledger.empty().createIssuer(command, TODAY);

            assertThat(created).isEqualTo(new IssuerCreated(ISSUER, "Acme Corp", FORMED, "US", "DE", null,
                    Quantity.of(10_000)));
            assertThat(created.date()).isEqualTo(FORMED);
        }

        @Test
        void foldedIssuerIsVisibleWithItsAuthorizedShares() {
            Ledger fresh = Ledger.empty();
            fresh.apply(fresh.createIssuer(createIssuer(5_000L), TODAY), 0);

            assertThat(fresh.issuer()).map(IssuerRecord::legalName).contains("Acme Corp");
            assertThat(fresh.issuerSharesAuthorized()).isEqualTo(Quantity.of(5_000));
        }

        @Test
        void issuerWithoutIssuerWideLimitHasNoIssuerAuthorizedShares() {
            assertThat(ledger.issuerSharesAuthorized()).isNull();
        }

        @Test
        void cannotCreateTheIssuerTwice() {
            refused(() -> ledger.createIssuer(createIssuer(null), TODAY), ErrorCode.ISSUER_ALREADY_EXISTS);
        }

        @Test
        void cannotBeFormedInTheFuture() {
            CreateIssuer command = new CreateIssuer(ISSUER, "Acme Corp", TODAY.plusDays(1), "US", null, null, null);

            refused(() -> Ledger.empty().createIssuer(command, TODAY), ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void canBeFormedToday() {
            CreateIssuer command = new CreateIssuer(ISSUER, "Acme Corp", TODAY, "US", null, null, null);

            assertThat(Ledger.empty().createIssuer(command, TODAY).formationDate()).isEqualTo(TODAY);
        }

        @Test
        void needsAnIsoCountryAndSubdivision() {
            refused(() -> Ledger.empty().createIssuer(
                    new CreateIssuer(ISSUER, "Acme", FORMED, "usa", null, null, null), TODAY), ErrorCode.INVALID_VALUE);
            refused(() -> Ledger.empty().createIssuer(
                    new CreateIssuer(ISSUER, "Acme", FORMED, "US", "US-DE", null, null), TODAY),
                    ErrorCode.INVALID_VALUE);
        }

        @Test
        void needsALegalNameAndFormationDate() {
            refused(() -> Ledger.empty().createIssuer(
                    new CreateIssuer(ISSUER, " ", FORMED, "US", null, null, null), TODAY), ErrorCode.INVALID_VALUE);
            refused(() -> Ledger.empty().createIssuer(
                    new CreateIssuer(ISSUER, "Acme", null, "US", null, null, null), TODAY), ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class EffectiveDates {

        @Test
        void cannotDateATransactionBeforeFormation() {
            CapledgerException refusal = refused(() -> ledger.registerStakeholder(
                    register("carol", "Carol", FORMED.minusDays(1), null), TODAY), ErrorCode.DATE_BEFORE_FORMATION);

            assertThat(refusal.properties()).containsEntry("formationDate", FORMED.toString());
        }

        @Test
        void cannotDateAnyCommandBeforeFormation() {
            LocalDate before = FORMED.minusDays(1);

            refused(() -> ledger.adjustIssuerAuthorizedShares(adjustIssuer(before, 500), TODAY),
                    ErrorCode.DATE_BEFORE_FORMATION);
            refused(() -> ledger.createStockClass(createClass("x", "X", "X-", before, "1", false), TODAY),
                    ErrorCode.DATE_BEFORE_FORMATION);
            refused(() -> ledger.issueStock(issue("s", "alice", "common", before, "1"), TODAY),
                    ErrorCode.DATE_BEFORE_FORMATION);
        }

        @Test
        void cannotDateATransactionInTheFuture() {
            LocalDate tomorrow = TODAY.plusDays(1);

            refused(() -> ledger.issueStock(issue("s", "alice", "common", tomorrow, "1"), TODAY),
                    ErrorCode.DATE_IN_FUTURE);
            refused(() -> ledger.registerStakeholder(register("carol", "Carol", tomorrow, null), TODAY),
                    ErrorCode.DATE_IN_FUTURE);
            refused(() -> ledger.adjustStockClassAuthorizedShares(adjustClass("common", tomorrow, "500"), TODAY),
                    ErrorCode.DATE_IN_FUTURE);
            refused(() -> ledger.adjustIssuerAuthorizedShares(adjustIssuer(tomorrow, 500), TODAY),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void acceptsTransactionsDatedToday() {
            assertThat(ledger.issueStock(issue("s", "alice", "common", TODAY, "1"), TODAY).date()).isEqualTo(TODAY);
        }

        @Test
        void cannotIssueBeforeTheStakeholderWasRegistered() {
            CapledgerException refusal = refused(() -> ledger.issueStock(
                    issue("s", "bob", "common", BOB_JOINED.minusDays(1), "1"), TODAY),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);

            assertThat(refusal.properties()).containsEntry("referenceDate", BOB_JOINED.toString());
        }

        @Test
        void cannotIssueBeforeTheStockClassWasCreated() {
            CapledgerException refusal = refused(() -> ledger.issueStock(
                    issue("s", "alice", "preferred", PREFERRED_CREATED.minusDays(1), "1"), TODAY),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);

            assertThat(refusal.properties()).containsEntry("referenceDate", PREFERRED_CREATED.toString());
        }

        @Test
        void canIssueOnTheDayBothRecordsTookEffect() {
            assertThat(ledger.issueStock(issue("s", "bob", "preferred", BOB_JOINED, "1"), TODAY).date())
                    .isEqualTo(BOB_JOINED);
        }

        @Test
        void cannotAdjustAClassBeforeItWasCreated() {
            refused(() -> ledger.adjustStockClassAuthorizedShares(
                    adjustClass("preferred", PREFERRED_CREATED.minusDays(1), "500"), TODAY),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
        }

        @Test
        void cannotUpdateAStakeholderBeforeItWasRegistered() {
            refused(() -> ledger.updateStakeholder(
                    update("bob", BOB_JOINED.minusDays(1), "Robert Baker", null, false, null), TODAY),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
        }
    }

    @Nested
    class Stakeholders {

        @Test
        void registersWithANormalisedEmail() {
            StakeholderRegistered registered = ledger.registerStakeholder(
                    register("carol", "Carol Cole", FORMED, "  Carol.Cole@Example.COM "), TODAY);

            assertThat(registered.email()).isEqualTo("carol.cole@example.com");
            assertThat(registered.name()).isEqualTo(new StakeholderName("Carol Cole", null, null));
        }

        @Test
        void blankEmailIsRecordedAsNone() {
            assertThat(ledger.registerStakeholder(register("carol", "Carol", FORMED, "  "), TODAY).email()).isNull();
        }

        @Test
        void cannotRegisterTheSameStakeholderTwice() {
            refused(() -> ledger.registerStakeholder(register("alice", "Alice Again", FORMED, null), TODAY),
                    ErrorCode.DUPLICATE_STAKEHOLDER);
        }

        @Test
        void cannotReuseAnotherStakeholdersEmailInAnyCase() {
            refused(() -> ledger.registerStakeholder(register("carol", "Carol", FORMED, " ALICE@example.com"), TODAY),
                    ErrorCode.DUPLICATE_STAKEHOLDER_EMAIL);
        }

        @Test
        void cannotRegisterAMalformedEmail() {
            refused(() -> ledger.registerStakeholder(register("carol", "Carol", FORMED, "carol@localhost"), TODAY),
                    ErrorCode.INVALID_VALUE);
        }

        @Test
        void updateCarriesAllFieldsKeepingTheUnchangedOnes() {
            Optional<StakeholderUpdated> updated = ledger.updateStakeholder(
                    update("alice", TODAY, "Alice Archer-Smith", null, false, null), TODAY);

            assertThat(updated).contains(new StakeholderUpdated(ISSUER, StakeholderId.of("alice"), TODAY,
                    new StakeholderName("Alice Archer-Smith", null, null), "alice@example.com",
                    StakeholderRelationship.FOUNDER, null, null));
        }

        @Test
        void foldedUpdateReplacesTheDetailsButKeepsTheRegistrationDate() {
            books.record(ledger.updateStakeholder(update("alice", TODAY, null, "a@example.org", false,
                    StakeholderRelationship.EXECUTIVE), TODAY).orElseThrow());

            assertThat(ledger.stakeholders()).filteredOn(s -> s.stakeholderId().value().equals("alice"))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.email()).isEqualTo("a@example.org");
                        assertThat(s.relationship()).isEqualTo(StakeholderRelationship.EXECUTIVE);
                        assertThat(s.registeredOn()).isEqualTo(FORMED);
                    });
        }

        @Test
        void updateThatChangesNothingProducesNoEvent() {
            assertThat(ledger.updateStakeholder(update("alice", TODAY, "Alice Archer", "ALICE@example.com", false,
                    StakeholderRelationship.FOUNDER), TODAY)).isEmpty();
            assertThat(ledger.updateStakeholder(update("alice", TODAY, null, null, false, null), TODAY)).isEmpty();
        }

        @Test
        void clearingTheEmailRemovesIt() {
            assertThat(ledger.updateStakeholder(update("alice", TODAY, null, null, true, null), TODAY))
                    .hasValueSatisfying(u -> assertThat(u.email()).isNull());
        }

        @Test
        void clearingAnAbsentEmailChangesNothing() {
            assertThat(ledger.updateStakeholder(update("bob", TODAY, null, null, true, null), TODAY)).isEmpty();
        }

        @Test
        void cannotTakeAnotherStakeholdersEmailOnUpdate() {
            refused(() -> ledger.updateStakeholder(update("bob", TODAY, null, "Alice@Example.com", false, null), TODAY),
                    ErrorCode.DUPLICATE_STAKEHOLDER_EMAIL);
        }

        @Test
        void cannotUpdateAnUnknownStakeholder() {
            refused(() -> ledger.updateStakeholder(update("zoe", TODAY, "Zoe", null, false, null), TODAY),
                    ErrorCode.UNKNOWN_STAKEHOLDER);
        }
    }

    @Nested
    class StockClasses {

        @Test
        void createsAClassWithItsInitialAuthorizedShares() {
            StockClassCreated created = ledger.createStockClass(
                    createClass("seed", " Seed Preferred ", "SP-", TODAY, "2500", false), TODAY);
            books.record(created);

            assertThat(created.name()).isEqualTo("Seed Preferred");
            assertThat(ledger.sharesAuthorized(StockClassId.of("seed"))).isEqualTo(Quantity.of(2500));
            assertThat(ledger.sharesOutstanding(StockClassId.of("seed"))).isEqualTo(Quantity.ZERO);
        }

        @Test
        void cannotCreateTheSameClassTwice() {
            refused(() -> ledger.createStockClass(createClass("common", "Other", "OT-", TODAY, "1", false), TODAY),
                    ErrorCode.DUPLICATE_STOCK_CLASS);
        }

        @Test
        void cannotReuseAClassNameInAnyCase() {
            refused(() -> ledger.createStockClass(createClass("c2", " COMMON ", "C2-", TODAY, "1", false), TODAY),
                    ErrorCode.DUPLICATE_STOCK_CLASS_NAME);
        }

        @Test
        void cannotReuseACertificatePrefixInAnyCase() {
            refused(() -> ledger.createStockClass(createClass("c2", "Common B", "cs-", TODAY, "1", false), TODAY),
                    ErrorCode.DUPLICATE_CERTIFICATE_PREFIX);
        }

        @Test
        void certificatePrefixMustBeShortAndPlain() {
            refused(() -> ledger.createStockClass(createClass("c2", "Common B", "C B", TODAY, "1", false), TODAY),
                    ErrorCode.INVALID_VALUE);
            refused(() -> ledger.createStockClass(
                    createClass("c2", "Common B", "X".repeat(17), TODAY, "1", false), TODAY), ErrorCode.INVALID_VALUE);
        }

        @Test
        void cannotAuthorizeFractionalSharesOfAWholeShareClass() {
            refused(() -> ledger.createStockClass(createClass("c2", "Common B", "CB-", TODAY, "10.5", false), TODAY),
                    ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
            refused(() -> ledger.adjustStockClassAuthorizedShares(adjustClass("common", TODAY, "200.5"), TODAY),
                    ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
        }

        @Test
        void fractionalClassMayAuthorizeFractionalShares() {
            assertThat(ledger.createStockClass(createClass("units", "Units", "U-", TODAY, "10.5", true), TODAY)
                    .initialSharesAuthorized()).isEqualTo(Quantity.of("10.5"));
        }

        @Test
        void cannotAdjustAnUnknownClass() {
            refused(() -> ledger.adjustStockClassAuthorizedShares(adjustClass("nope", TODAY, "10"), TODAY),
                    ErrorCode.UNKNOWN_STOCK_CLASS);
        }

        @Test
        void adjustmentSetsTheAuthorizedSharesFromItsDate() {
            StockClassAuthorizedSharesAdjusted adjusted = books.record(
                    ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2022-01-01"), "250"), TODAY));

            assertThat(adjusted.newSharesAuthorized()).isEqualTo(Quantity.of(250));
            assertThat(ledger.sharesAuthorized(COMMON)).isEqualTo(Quantity.of(250));
            assertThat(books.asOf(date("2021-12-31")).sharesAuthorized(COMMON)).isEqualTo(Quantity.of(100));
        }
    }

    @Nested
    class Issuance {

        @Test
        void issuesStockAsANewOutstandingSecurity() {
            StockIssued stock = issued(issue("s1", "alice", "common", date("2020-02-01"), "60"));

            assertThat(stock).isEqualTo(new StockIssued(ISSUER, SecurityId.of("s1"), date("2020-02-01"), "CS-1",
                    StakeholderId.of("alice"), COMMON, Quantity.of(60), stock.pricePerShare(), null));
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(60));
            assertThat(ledger.securities()).singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(SecurityStatus.OUTSTANDING));
        }

        @Test
        void issuanceLabelsAreNumberedWithoutGapsPerClass() {
            List<String> labels = List.of(
                    issued(issue("s1", "bob", "preferred", date("2021-02-01"), "10")).securityLabel(),
                    issued(issue("s2", "alice", "common", date("2021-02-01"), "10")).securityLabel(),
                    issued(issue("s3", "alice", "preferred", date("2021-03-01"), "10")).securityLabel(),
                    issued(issue("s4", "bob", "common", date("2021-03-01"), "10")).securityLabel(),
                    issued(issue("s5", "bob", "preferred", date("2021-04-01"), "10")).securityLabel());

            assertThat(labels).containsExactly("PS-1", "CS-1", "PS-2", "CS-2", "PS-3");
        }

        @Test
        void backDatedIssuanceTakesTheNextLabelInRecordingOrder() {
            issued(issue("s1", "alice", "common", date("2023-01-01"), "10"));

            assertThat(issued(issue("s2", "alice", "common", date("2020-06-01"), "10")).securityLabel())
                    .isEqualTo("CS-2");
        }

        @Test
        void refusedIssuanceUsesUpNoLabel() {
            issued(issue("s1", "alice", "common", TODAY, "10"));
            refused(() -> ledger.issueStock(issue("s2", "alice", "common", TODAY, "1000"), TODAY),
                    ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            assertThat(issued(issue("s3", "alice", "common", TODAY, "10")).securityLabel()).isEqualTo("CS-2");
        }

        @Test
        void canIssueUpToTheAuthorizedShares() {
            issued(issue("s1", "alice", "common", TODAY, "60"));
            issued(issue("s2", "bob", "common", TODAY, "40"));

            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(ledger.sharesAuthorized(COMMON));
        }

        @Test
        void cannotIssueBeyondAuthorizedShares() {
            issued(issue("s1", "alice", "common", date("2020-03-01"), "60"));

            CapledgerException refusal = refused(() -> ledger.issueStock(
                    issue("s2", "bob", "common", TODAY, "41"), TODAY), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            assertThat(refusal.properties()).containsEntry("breachDate", TODAY.toString())
                    .containsEntry("sharesOutstanding", "101").containsEntry("sharesAuthorized", "100");
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(60));
        }

        @Test
        void cannotBackDateAnIssuanceThatBreachesAuthorizedSharesAtALaterDate() {
            issued(issue("s1", "alice", "common", date("2022-01-01"), "90"));

            CapledgerException refusal = refused(() -> ledger.issueStock(
                    issue("s2", "alice", "common", date("2021-06-01"), "20"), TODAY),
                    ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            assertThat(refusal.properties()).containsEntry("breachDate", "2022-01-01")
                    .containsEntry("sharesOutstanding", "110").containsEntry("sharesAuthorized", "100");
        }

        @Test
        void canBackDateAnIssuanceWhenALaterIncreaseCoversIt() {
            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2022-06-01"), "200"),
                    TODAY));
            issued(issue("s1", "alice", "common", date("2022-07-01"), "150"));

            issued(issue("s2", "bob", "common", date("2021-01-01"), "10"));

            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(160));
        }

        @Test
        void judgesEachDayByItsEndNotByTheOrderItsTransactionsWereRecorded() {
            issued(issue("s1", "alice", "common", date("2022-01-01"), "90"));
            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2022-01-01"), "200"),
                    TODAY));

            // 105 of 100 between the same-day issuance and increase, but 105 of 200 once 2022-01-01 is complete
            issued(issue("s2", "bob", "common", date("2021-06-01"), "15"));

            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(105));
        }

        @Test
        void cannotBackDateAnIssuanceBeyondWhatWasAuthorizedOnItsDate() {
            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2022-06-01"), "200"),
                    TODAY));

            CapledgerException refusal = refused(() -> ledger.issueStock(
                    issue("s1", "alice", "common", date("2021-01-01"), "150"), TODAY),
                    ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            assertThat(refusal.properties()).containsEntry("breachDate", "2021-01-01");
        }

        @Test
        void cannotIssueBeyondTheIssuerWideAuthorizedShares() {
            useBooks(150L);
            issued(issue("s1", "alice", "common", date("2021-01-01"), "100"));

            CapledgerException refusal = refused(() -> ledger.issueStock(
                    issue("s2", "bob", "preferred", date("2021-06-01"), "60"), TODAY),
                    ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            assertThat(refusal.getMessage()).contains("the issuer");
            assertThat(refusal.properties()).containsEntry("sharesAuthorized", "150");
        }

        @Test
        void issuerWideLimitCountsEveryClassAtEveryLaterDate() {
            useBooks(150L);
            issued(issue("s1", "alice", "common", date("2023-01-01"), "100"));

            CapledgerException refusal = refused(() -> ledger.issueStock(
                    issue("s2", "bob", "preferred", date("2021-06-01"), "60"), TODAY),
                    ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            assertThat(refusal.properties()).containsEntry("breachDate", "2023-01-01");
        }

        @Test
        void withoutAnIssuerWideLimitOnlyClassLimitsApply() {
            issued(issue("s1", "alice", "common", TODAY, "100"));
            issued(issue("s2", "bob", "preferred", TODAY, "1000"));

            assertThat(ledger.capTable(TODAY).totals().sharesOutstanding()).isEqualTo(Quantity.of(1100));
        }

        @Test
        void cannotIssueToAnUnknownStakeholder() {
            refused(() -> ledger.issueStock(issue("s1", "zoe", "common", TODAY, "1"), TODAY),
                    ErrorCode.UNKNOWN_STAKEHOLDER);
        }

        @Test
        void cannotIssueOfAnUnknownClass() {
            refused(() -> ledger.issueStock(issue("s1", "alice", "nope", TODAY, "1"), TODAY),
                    ErrorCode.UNKNOWN_STOCK_CLASS);
        }

        @Test
        void cannotReuseASecurityId() {
            issued(issue("s1", "alice", "common", TODAY, "1"));

            refused(() -> ledger.issueStock(issue("s1", "bob", "preferred", TODAY, "1"), TODAY),
                    ErrorCode.DUPLICATE_SECURITY);
        }

        @Test
        void cannotIssueZeroShares() {
            refused(() -> ledger.issueStock(issue("s1", "alice", "common", TODAY, "0"), TODAY),
                    ErrorCode.INVALID_QUANTITY);
        }

        @Test
        void cannotIssueFractionalSharesOfAWholeShareClass() {
            refused(() -> ledger.issueStock(issue("s1", "alice", "common", TODAY, "1.5"), TODAY),
                    ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
        }

        @Test
        void canIssueFractionalSharesOfAFractionalClass() {
            books.record(ledger.createStockClass(createClass("units", "Units", "U-", FORMED, "10", true), TODAY));

            issued(issue("s1", "alice", "units", TODAY, "2.25"));
            issued(issue("s2", "bob", "units", TODAY, "0.0000000001"));

            assertThat(ledger.sharesOutstanding(StockClassId.of("units"))).isEqualTo(Quantity.of("2.2500000001"));
        }
    }

    @Nested
    class AuthorizedShareAdjustments {

        @Test
        void cannotDecreaseAuthorizedSharesBelowOutstanding() {
            issued(issue("s1", "alice", "common", date("2022-01-01"), "80"));

            CapledgerException refusal = refused(() -> ledger.adjustStockClassAuthorizedShares(
                    adjustClass("common", TODAY, "79"), TODAY), ErrorCode.AUTHORIZED_BELOW_OUTSTANDING);

            assertThat(refusal.properties()).containsEntry("breachDate", TODAY.toString())
                    .containsEntry("sharesAuthorized", "79").containsEntry("sharesOutstanding", "80");
        }

        @Test
        void canDecreaseAuthorizedSharesToExactlyOutstanding() {
            issued(issue("s1", "alice", "common", date("2022-01-01"), "80"));

            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", TODAY, "80"), TODAY));

            assertThat(ledger.sharesAuthorized(COMMON)).isEqualTo(Quantity.of(80));
        }

        @Test
        void cannotBackDateADecreaseBelowLaterOutstanding() {
            issued(issue("s1", "alice", "common", date("2023-01-01"), "80"));

            CapledgerException refusal = refused(() -> ledger.adjustStockClassAuthorizedShares(
                    adjustClass("common", date("2021-01-01"), "50"), TODAY), ErrorCode.AUTHORIZED_BELOW_OUTSTANDING);

            assertThat(refusal.properties()).containsEntry("breachDate", "2023-01-01")
                    .containsEntry("sharesOutstanding", "80").containsEntry("sharesAuthorized", "50");
        }

        @Test
        void decreaseOnTheDayOfAnIssuanceCountsThatIssuance() {
            issued(issue("s1", "alice", "common", date("2023-01-01"), "80"));

            refused(() -> ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2023-01-01"), "50"),
                    TODAY), ErrorCode.AUTHORIZED_BELOW_OUTSTANDING);
        }

        @Test
        void canBackDateADecreaseThatALaterAdjustmentSupersedes() {
            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2022-06-01"), "200"),
                    TODAY));
            issued(issue("s1", "alice", "common", date("2022-07-01"), "150"));

            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2021-01-01"), "50"),
                    TODAY));

            assertThat(ledger.sharesAuthorized(COMMON)).isEqualTo(Quantity.of(200));
            assertThat(books.asOf(date("2021-06-01")).sharesAuthorized(COMMON)).isEqualTo(Quantity.of(50));
        }

        @Test
        void setsTheIssuerWideAuthorizedShares() {
            IssuerAuthorizedSharesAdjusted adjusted = books.record(ledger.adjustIssuerAuthorizedShares(
                    new AdjustIssuerAuthorizedShares(ISSUER, TODAY, Quantity.of(5000),
                            date("2024-05-01"), null, "  Board consent  "), TODAY));

            assertThat(adjusted.comments()).isEqualTo("Board consent");
            assertThat(ledger.issuerSharesAuthorized()).isEqualTo(Quantity.of(5000));
        }

        @Test
        void cannotDecreaseIssuerWideAuthorizedSharesBelowOutstandingOfAllClasses() {
            issued(issue("s1", "alice", "common", date("2022-01-01"), "100"));
            issued(issue("s2", "bob", "preferred", date("2023-01-01"), "50"));

            CapledgerException refusal = refused(() -> ledger.adjustIssuerAuthorizedShares(
                    adjustIssuer(date("2021-01-01"), 120), TODAY), ErrorCode.AUTHORIZED_BELOW_OUTSTANDING);

            assertThat(refusal.getMessage()).contains("the issuer");
            assertThat(refusal.properties()).containsEntry("breachDate", "2023-01-01")
                    .containsEntry("sharesOutstanding", "150");
        }

        @Test
        void issuerWideLimitIntroducedLaterAppliesFromItsDateOnly() {
            issued(issue("s1", "alice", "common", date("2022-01-01"), "100"));
            books.record(ledger.adjustIssuerAuthorizedShares(adjustIssuer(date("2023-01-01"), 150), TODAY));

            issued(issue("s2", "bob", "preferred", date("2022-06-01"), "50"));
            CapledgerException refusal = refused(() -> ledger.issueStock(
                    issue("s3", "bob", "preferred", date("2022-06-01"), "1"), TODAY),
                    ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            assertThat(refusal.properties()).containsEntry("breachDate", "2023-01-01");
            assertThat(books.asOf(date("2022-12-31")).issuerSharesAuthorized()).isNull();
        }
    }

    @Nested
    class AsOf {

        @Test
        void foldingOnlyTransactionsEffectiveByADateGivesTheCapTableAtThatDate() {
            issued(issue("s1", "alice", "common", date("2020-06-01"), "60"));
            issued(issue("s2", "bob", "common", date("2022-01-01"), "30"));
            issued(issue("s3", "bob", "common", date("2021-03-01"), "10"));

            CapTableView then = books.asOf(date("2021-12-31")).capTable(date("2021-12-31"));
            CapTableView now = ledger.capTable(TODAY);

            assertThat(then.asOf()).isEqualTo(date("2021-12-31"));
            assertThat(then.totals().sharesOutstanding()).isEqualTo(Quantity.of(70));
            assertThat(then.holders())
                    .extracting(CapTableView.HolderRow::name, CapTableView.HolderRow::sharesOutstanding)
                    .containsExactly(tuple("Alice Archer", Quantity.of(60)),
                            tuple("Bob Baker", Quantity.of(10)));
            assertThat(now.totals().sharesOutstanding()).isEqualTo(Quantity.of(100));
        }

        @Test
        void beforeAnyIssuanceTheCapTableHasNoHolders() {
            issued(issue("s1", "alice", "common", date("2022-01-01"), "60"));

            CapTableView then = books.asOf(date("2021-12-31")).capTable(date("2021-12-31"));

            assertThat(then.holders()).isEmpty();
            assertThat(then.stockClasses()).extracting(CapTableView.ClassRow::name)
                    .containsExactly("Common", "Series A Preferred");
        }

        @Test
        void classesCreatedLaterAreAbsentFromAnEarlierCapTable() {
            CapTableView then = books.asOf(date("2020-12-31")).capTable(date("2020-12-31"));

            assertThat(then.stockClasses()).extracting(CapTableView.ClassRow::stockClassId).containsExactly(COMMON);
        }

        @Test
        void authorizedInForceIsTheLatestByEffectiveDateNotByRecordingOrder() {
            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2023-01-01"), "300"),
                    TODAY));
            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2022-01-01"), "200"),
                    TODAY));

            assertThat(ledger.sharesAuthorized(COMMON)).isEqualTo(Quantity.of(300));
            assertThat(books.asOf(date("2022-06-30")).sharesAuthorized(COMMON)).isEqualTo(Quantity.of(200));
            assertThat(books.asOf(date("2021-06-30")).sharesAuthorized(COMMON)).isEqualTo(Quantity.of(100));
            assertThat(ledger.capTable(TODAY).stockClasses()).filteredOn(c -> c.stockClassId().equals(COMMON))
                    .singleElement().extracting(CapTableView.ClassRow::sharesAuthorized).isEqualTo(Quantity.of(300));
        }

        @Test
        void issuerWideAuthorizedInForceIsTheLatestByEffectiveDate() {
            books.record(ledger.adjustIssuerAuthorizedShares(adjustIssuer(date("2023-01-01"), 3000), TODAY));
            books.record(ledger.adjustIssuerAuthorizedShares(adjustIssuer(date("2022-01-01"), 2000), TODAY));

            assertThat(ledger.issuerSharesAuthorized()).isEqualTo(Quantity.of(3000));
            assertThat(ledger.capTable(TODAY).issuerSharesAuthorized()).isEqualTo(Quantity.of(3000));
            assertThat(books.asOf(date("2022-06-30")).issuerSharesAuthorized()).isEqualTo(Quantity.of(2000));
        }

        @Test
        void laterRecordedAdjustmentWinsOnTheSameEffectiveDate() {
            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2022-01-01"), "150"),
                    TODAY));
            books.record(ledger.adjustStockClassAuthorizedShares(adjustClass("common", date("2022-01-01"), "120"),
                    TODAY));

            assertThat(ledger.sharesAuthorized(COMMON)).isEqualTo(Quantity.of(120));
        }
    }

    @Nested
    class CapTableFigures {

        @Test
        void sharesAndVotesArePercentagesOfAllOutstanding() {
            issued(issue("s1", "alice", "common", TODAY, "60"));
            issued(issue("s2", "bob", "common", TODAY, "20"));
            issued(issue("s3", "bob", "preferred", TODAY, "20"));

            CapTableView table = ledger.capTable(TODAY);

            assertThat(table.issuerId()).isEqualTo(ISSUER);
            assertThat(table.totals()).isEqualTo(new CapTableView.Totals(Quantity.of(100), Quantity.of(120), Quantity.ZERO,
                    Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.of(100)));
            assertThat(table.holders()).extracting(h -> h.stakeholderId().value()).containsExactly("alice", "bob");
            CapTableView.HolderRow alice = table.holders().get(0);
            CapTableView.HolderRow bob = table.holders().get(1);
            assertThat(alice.percentOfOutstanding()).hasToString("60.0000");
            assertThat(alice.percentOfVotes()).hasToString("50.0000");
            assertThat(bob.sharesOutstanding()).isEqualTo(Quantity.of(40));
            assertThat(bob.votes()).isEqualTo(Quantity.of(60));
            assertThat(bob.positions()).extracting(CapTableView.PositionRow::stockClassName,
                            p -> p.percentOfClass().toString())
                    .containsExactly(tuple("Common", "25.0000"),
                            tuple("Series A Preferred", "100.0000"));
        }

        @Test
        void severalSecuritiesOfOneHolderAndClassMakeOnePosition() {
            issued(issue("s1", "alice", "common", date("2021-01-01"), "10"));
            issued(issue("s2", "alice", "common", TODAY, "15"));

            assertThat(ledger.capTable(TODAY).holders()).singleElement()
                    .satisfies(h -> assertThat(h.positions()).singleElement()
                            .satisfies(p -> assertThat(p.shares()).isEqualTo(Quantity.of(25))));
        }

        @Test
        void emptyCapTableHasZeroPercentages() {
            CapTableView table = ledger.capTable(TODAY);

            assertThat(table.stockClasses()).allSatisfy(c ->
                    assertThat(c.percentOfOutstanding().value()).isEqualByComparingTo(BigDecimal.ZERO));
        }

        @Test
        void capTableNeedsAnIssuer() {
            assertThatThrownBy(() -> Ledger.empty().capTable(TODAY)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void refusesToFoldAnEventItDoesNotKnow() {
        CapTableEvent stranger = new CapTableEvent() {
            @Override
            public IssuerId issuerId() {
                return ISSUER;
            }

            @Override
            public LocalDate date() {
                return TODAY;
            }
        };

        assertThatThrownBy(() -> ledger.apply(stranger, 99)).isInstanceOf(IllegalArgumentException.class);
    }
}
