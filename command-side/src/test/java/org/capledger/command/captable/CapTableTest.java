package org.capledger.command.captable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;
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
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CapTableTest {

    /** Midnight UTC: already 14:00 on the same day in UTC+14, so TODAY is the latest date accepted. */
    private static final Instant NOW = Instant.parse("2024-06-15T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    private static final LocalDate BOB_JOINED = LocalDate.of(2021, 1, 1);
    private static final LocalDate PREFERRED_CREATED = LocalDate.of(2021, 1, 1);

    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final StakeholderId ALICE = StakeholderId.of("alice");
    private static final StakeholderId BOB = StakeholderId.of("bob");
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockClassId PREFERRED = StockClassId.of("preferred");
    private static final Money PRICE = Money.of("1.25", "USD");
    private static final Money PAR = Money.of("0.0001", "USD");
    private static final Address LONDON = new Address(AddressType.LEGAL, "1 Poultry", "London", "ENG", "GB",
            "EC2R 8EJ");

    private FixtureConfiguration<CapTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureAt(NOW);
    }

    private static FixtureConfiguration<CapTable> fixtureAt(Instant now) {
        return new AggregateTestFixture<>(CapTable.class)
                .registerInjectableResource(new EffectiveDates(Clock.fixed(now, ZoneOffset.UTC)))
                // The fixture compares map values with equals(), and Timeline (mutable, folded in place) has
                // identity equality, so every class timeline would count as an illegal state change. The
                // issuer-wide Timeline, a plain field, is still compared field by field.
                .registerIgnoredField(Ledger.class, "classTimelines");
    }

    // ---------------------------------------------------------------- events and commands

    private static IssuerCreated issuerCreated(Long issuerAuthorized) {
        return new IssuerCreated(ISSUER, "Acme Corp", FORMED, "US", "DE", null,
                issuerAuthorized == null ? null : Quantity.of(issuerAuthorized));
    }

    private static StakeholderRegistered aliceRegistered() {
        return new StakeholderRegistered(ISSUER, ALICE, FORMED, StakeholderType.INDIVIDUAL,
                new StakeholderName("Alice Archer", "Alice", "Archer"), "alice@example.com",
                StakeholderRelationship.FOUNDER, null, null);
    }

    private static StakeholderRegistered bobRegistered() {
        return new StakeholderRegistered(ISSUER, BOB, BOB_JOINED, StakeholderType.INSTITUTION,
                new StakeholderName("Bob Ventures LLC", null, null), null, StakeholderRelationship.INVESTOR, null,
                null);
    }

    /** Common: {@code CS-}, 100 authorized, since formation, whole shares only. */
    private static StockClassCreated commonCreated() {
        return new StockClassCreated(ISSUER, COMMON, FORMED, "Common", StockClassType.COMMON, "CS-", PAR,
                Quantity.of(1), 1, Quantity.of(100), false, null);
    }

    /** Series A Preferred: {@code PS-}, 1000 authorized, since 2021, whole shares only. */
    private static StockClassCreated preferredCreated() {
        return new StockClassCreated(ISSUER, PREFERRED, PREFERRED_CREATED, "Series A Preferred",
                StockClassType.PREFERRED, "PS-", PAR, Quantity.of(1), 2, Quantity.of(1000), false, null);
    }

    private static StockIssued issued(String securityId, String label, StakeholderId holder, StockClassId stockClass,
                                      LocalDate date, long quantity) {
        return new StockIssued(ISSUER, SecurityId.of(securityId), date, label, holder, stockClass,
                Quantity.of(quantity), PRICE, null);
    }

    private static IssueStock issue(String securityId, StakeholderId holder, StockClassId stockClass, LocalDate date,
                                    String quantity) {
        return new IssueStock(ISSUER, SecurityId.of(securityId), date, holder, stockClass, Quantity.of(quantity), PRICE,
                null);
    }

    private static AdjustStockClassAuthorizedShares adjustClass(StockClassId stockClass, LocalDate date,
                                                                String authorized) {
        return new AdjustStockClassAuthorizedShares(ISSUER, stockClass, date, Quantity.of(authorized), null, null,
                null);
    }

    private static AdjustIssuerAuthorizedShares adjustIssuer(LocalDate date, long authorized) {
        return new AdjustIssuerAuthorizedShares(ISSUER, date, Quantity.of(authorized), null, null, null);
    }

    private static RegisterStakeholder register(String id, LocalDate date, String email) {
        return new RegisterStakeholder(ISSUER, StakeholderId.of(id), date, StakeholderType.INDIVIDUAL,
                new StakeholderName("Carol Cole", null, null), email, StakeholderRelationship.EMPLOYEE, null, null);
    }

    private static UpdateStakeholder update(StakeholderId id, LocalDate date, StakeholderName name, String email,
                                            boolean clearEmail, StakeholderRelationship relationship) {
        return new UpdateStakeholder(ISSUER, id, date, name, email, clearEmail, relationship, null, false, null, false);
    }

    private static CreateStockClass createClass(String id, String name, String prefix, String authorized,
                                                boolean fractional, int seniority) {
        return new CreateStockClass(ISSUER, StockClassId.of(id), TODAY, name, StockClassType.PREFERRED, prefix, PAR,
                Quantity.of(1), seniority, Quantity.of(authorized), fractional, null);
    }

    /** The issuer with Alice (from formation), Bob (from 2021), Common and Series A Preferred. */
    private TestExecutor<CapTable> givenStandardBooks(Object... more) {
        Object[] events = new Object[5 + more.length];
        events[0] = issuerCreated(null);
        events[1] = aliceRegistered();
        events[2] = bobRegistered();
        events[3] = commonCreated();
        events[4] = preferredCreated();
        System.arraycopy(more, 0, events, 5, more.length);
        return fixture.given(events);
    }

    // ---------------------------------------------------------------- refusals

    /** Matches a {@link CapledgerException} with this code and, optionally, these problem properties. */
    private static Matcher<CapledgerException> refusal(ErrorCode code, Map<String, Object> properties) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(CapledgerException e, Description mismatch) {
                if (e.code() != code) {
                    mismatch.appendText("code was ").appendValue(e.code()).appendText(": " + e.getMessage());
                    return false;
                }
                for (Map.Entry<String, Object> p : properties.entrySet()) {
                    if (!p.getValue().equals(e.properties().get(p.getKey()))) {
                        mismatch.appendText("properties were ").appendValue(e.properties());
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CapledgerException ").appendValue(code);
                if (!properties.isEmpty()) {
                    description.appendText(" with ").appendValue(properties);
                }
            }
        };
    }

    /** A refused command applies no event and fails with the code. */
    private static ResultValidator<CapTable> assertRefused(ResultValidator<CapTable> result, ErrorCode code) {
        return assertRefused(result, code, Map.of());
    }

    private static ResultValidator<CapTable> assertRefused(ResultValidator<CapTable> result, ErrorCode code,
                                                           Map<String, Object> properties) {
        return result.expectNoEvents()
                .expectException(CapledgerException.class)
                .expectException(refusal(code, properties));
    }

    // ---------------------------------------------------------------- commands

    @Nested
    class CreatingAnIssuer {

        @Test
        void createsTheIssuer() {
            fixture.givenNoPriorActivity()
                    .when(new CreateIssuer(ISSUER, " Acme Corp ", FORMED, "US", "DE", " ", Quantity.of(10_000)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new IssuerCreated(ISSUER, "Acme Corp", FORMED, "US", "DE", null,
                            Quantity.of(10_000)))
                    .expectState(capTable -> {
                        assertThat(capTable.ledger().issuer()).hasValueSatisfying(
                                i -> assertThat(i.issuerId()).isEqualTo(ISSUER));
                        assertThat(capTable.ledger().issuerSharesAuthorized()).isEqualTo(Quantity.of(10_000));
                    });
        }

        @Test
        void createsAnIssuerWithoutIssuerWideLimit() {
            fixture.givenNoPriorActivity()
                    .when(new CreateIssuer(ISSUER, "Acme Corp", FORMED, "US", "DE", null, null))
                    .expectEvents(issuerCreated(null));
        }

        @Test
        void cannotBeFormedInTheFuture() {
            assertRefused(fixture.givenNoPriorActivity()
                    .when(new CreateIssuer(ISSUER, "Acme Corp", TODAY.plusDays(1), "US", null, null, null)),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void cannotBeCreatedWithAnInvalidCountry() {
            assertRefused(fixture.givenNoPriorActivity()
                    .when(new CreateIssuer(ISSUER, "Acme Corp", FORMED, "Germany", null, null, null)),
                    ErrorCode.INVALID_VALUE);
        }

        @Test
        void cannotBeCreatedWithoutALegalName() {
            assertRefused(fixture.givenNoPriorActivity()
                    .when(new CreateIssuer(ISSUER, "  ", FORMED, "US", null, null, null)), ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class AdjustingIssuerAuthorizedShares {

        @Test
        void setsTheIssuerWideAuthorizedShares() {
            fixture.given(issuerCreated(1000L))
                    .when(new AdjustIssuerAuthorizedShares(ISSUER, TODAY, Quantity.of(5000), TODAY.minusDays(3),
                            null, " Board consent "))
                    .expectEvents(new IssuerAuthorizedSharesAdjusted(ISSUER, TODAY, Quantity.of(5000),
                            TODAY.minusDays(3), null, "Board consent"))
                    .expectState(capTable -> assertThat(capTable.ledger().issuerSharesAuthorized())
                            .isEqualTo(Quantity.of(5000)));
        }

        @Test
        void introducesAnIssuerWideLimitWhereThereWasNone() {
            fixture.given(issuerCreated(null))
                    .when(adjustIssuer(TODAY, 5000))
                    .expectEvents(new IssuerAuthorizedSharesAdjusted(ISSUER, TODAY, Quantity.of(5000), null, null,
                            null));
        }

        @Test
        void cannotDecreaseBelowLaterOutstandingSharesOfAllClasses() {
            assertRefused(givenStandardBooks(
                            issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2022, 1, 1), 100),
                            issued("s2", "PS-1", BOB, PREFERRED, LocalDate.of(2023, 1, 1), 50))
                            .when(adjustIssuer(LocalDate.of(2021, 1, 1), 120)),
                    ErrorCode.AUTHORIZED_BELOW_OUTSTANDING,
                    Map.of("breachDate", "2023-01-01", "sharesOutstanding", "150", "sharesAuthorized", "120"));
        }

        @Test
        void cannotBeDatedBeforeFormation() {
            assertRefused(fixture.given(issuerCreated(1000L)).when(adjustIssuer(FORMED.minusDays(1), 2000)),
                    ErrorCode.DATE_BEFORE_FORMATION, Map.of("formationDate", FORMED.toString()));
        }

        @Test
        void cannotBeDatedInTheFuture() {
            assertRefused(fixture.given(issuerCreated(1000L)).when(adjustIssuer(TODAY.plusDays(1), 2000)),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void needsTheNewAuthorizedShares() {
            assertRefused(fixture.given(issuerCreated(1000L))
                    .when(new AdjustIssuerAuthorizedShares(ISSUER, TODAY, null, null, null, null)),
                    ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class RegisteringStakeholders {

        @Test
        void registersAStakeholderWithANormalisedEmail() {
            fixture.given(issuerCreated(null))
                    .when(register("carol", TODAY, " Carol.Cole@Example.COM "))
                    .expectEvents(new StakeholderRegistered(ISSUER, StakeholderId.of("carol"), TODAY,
                            StakeholderType.INDIVIDUAL, new StakeholderName("Carol Cole", null, null),
                            "carol.cole@example.com", StakeholderRelationship.EMPLOYEE, null, null));
        }

        @Test
        void cannotRegisterTheSameStakeholderTwice() {
            assertRefused(fixture.given(issuerCreated(null), aliceRegistered())
                    .when(register("alice", TODAY, null)), ErrorCode.DUPLICATE_STAKEHOLDER);
        }

        @Test
        void cannotReuseAnotherStakeholdersEmailInAnyCase() {
            assertRefused(fixture.given(issuerCreated(null), aliceRegistered())
                    .when(register("carol", TODAY, "ALICE@Example.com")), ErrorCode.DUPLICATE_STAKEHOLDER_EMAIL);
        }

        @Test
        void cannotRegisterAMalformedEmail() {
            assertRefused(fixture.given(issuerCreated(null)).when(register("carol", TODAY, "carol at example")),
                    ErrorCode.INVALID_VALUE);
        }

        @Test
        void cannotBeRegisteredBeforeFormation() {
            assertRefused(fixture.given(issuerCreated(null)).when(register("carol", FORMED.minusDays(1), null)),
                    ErrorCode.DATE_BEFORE_FORMATION);
        }

        @Test
        void cannotBeRegisteredInTheFuture() {
            assertRefused(fixture.given(issuerCreated(null)).when(register("carol", TODAY.plusDays(1), null)),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void needsARelationship() {
            assertRefused(fixture.given(issuerCreated(null))
                    .when(new RegisterStakeholder(ISSUER, StakeholderId.of("carol"), TODAY, StakeholderType.INDIVIDUAL,
                            new StakeholderName("Carol Cole", null, null), null, null, null, null)),
                            ErrorCode.INVALID_VALUE);
        }

        @Test
        void registersAStakeholderWithAnAddressAndAccreditation() {
            fixture.given(issuerCreated(null))
                    .when(new RegisterStakeholder(ISSUER, StakeholderId.of("carol"), TODAY, StakeholderType.INDIVIDUAL,
                            new StakeholderName("Carol Cole", null, null), null, StakeholderRelationship.INVESTOR,
                            new Address(AddressType.LEGAL, "1 Poultry ", "London", "ENG", "GB", "EC2R 8EJ"), true))
                    .expectEvents(new StakeholderRegistered(ISSUER, StakeholderId.of("carol"), TODAY,
                            StakeholderType.INDIVIDUAL, new StakeholderName("Carol Cole", null, null), null,
                            StakeholderRelationship.INVESTOR, LONDON, true));
        }

        @Test
        void cannotRegisterAnAddressWhoseCountryIsNotAnIsoCode() {
            assertRefused(fixture.given(issuerCreated(null))
                    .when(new RegisterStakeholder(ISSUER, StakeholderId.of("carol"), TODAY, StakeholderType.INDIVIDUAL,
                            new StakeholderName("Carol Cole", null, null), null, StakeholderRelationship.INVESTOR,
                            new Address(AddressType.LEGAL, "1 Poultry", "London", null, "UK", null), null)),
                    ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class UpdatingStakeholders {

        @Test
        void updateCarriesAllDetailsKeepingTheUnchangedOnes() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(update(ALICE, TODAY, null, null, false, StakeholderRelationship.EXECUTIVE))
                    .expectEvents(new StakeholderUpdated(ISSUER, ALICE, TODAY,
                            new StakeholderName("Alice Archer", "Alice", "Archer"), "alice@example.com",
                            StakeholderRelationship.EXECUTIVE, null, null));
        }

        @Test
        void updateThatChangesNothingRecordsNothing() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(update(ALICE, TODAY, new StakeholderName("Alice Archer", "Alice", "Archer"),
                            "alice@example.com", false, StakeholderRelationship.FOUNDER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void updateWithNoFieldsRecordsNothing() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(update(ALICE, TODAY, null, null, false, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void sameEmailInAnotherCaseRecordsNothing() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(update(ALICE, TODAY, null, " Alice@EXAMPLE.com", false, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void updateRepeatingAnEarlierUpdateRecordsNothing() {
            StakeholderUpdated renamed = new StakeholderUpdated(ISSUER, ALICE, LocalDate.of(2023, 1, 1),
                    new StakeholderName("Alice Archer-Smith", null, null), "alice@example.com",
                    StakeholderRelationship.FOUNDER, null, null);

            fixture.given(issuerCreated(null), aliceRegistered(), renamed)
                    .when(update(ALICE, TODAY, new StakeholderName("Alice Archer-Smith", null, null), null, false,
                            null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void clearingTheEmailRemovesIt() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(update(ALICE, TODAY, null, null, true, null))
                    .expectEvents(new StakeholderUpdated(ISSUER, ALICE, TODAY,
                            new StakeholderName("Alice Archer", "Alice", "Archer"), null,
                            StakeholderRelationship.FOUNDER, null, null));
        }

        @Test
        void anAddressAndAccreditationAreSetAndClearedByAnUpdate() {
            StakeholderUpdated moved = new StakeholderUpdated(ISSUER, ALICE, LocalDate.of(2023, 1, 1),
                    new StakeholderName("Alice Archer", "Alice", "Archer"), "alice@example.com",
                    StakeholderRelationship.FOUNDER, LONDON, false);
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(new UpdateStakeholder(ISSUER, ALICE, LocalDate.of(2023, 1, 1), null, null, false, null,
                            LONDON, false, false, false))
                    .expectEvents(moved);
            fixture.given(issuerCreated(null), aliceRegistered(), moved)
                    .when(new UpdateStakeholder(ISSUER, ALICE, TODAY, null, null, false, null, null, true, null,
                            true))
                    .expectEvents(new StakeholderUpdated(ISSUER, ALICE, TODAY,
                            new StakeholderName("Alice Archer", "Alice", "Archer"), "alice@example.com",
                            StakeholderRelationship.FOUNDER, null, null));
        }

        @Test
        void theSameAddressAgainRecordsNothing() {
            fixture.given(issuerCreated(null), aliceRegistered(), new StakeholderUpdated(ISSUER, ALICE, FORMED,
                            new StakeholderName("Alice Archer", "Alice", "Archer"), "alice@example.com",
                            StakeholderRelationship.FOUNDER, LONDON, true))
                    .when(new UpdateStakeholder(ISSUER, ALICE, TODAY, null, null, false, null,
                            new Address(AddressType.LEGAL, "1 Poultry", "London", "ENG", "GB", "EC2R 8EJ"), false,
                            true, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotUpdateToAnAddressWithoutACountry() {
            assertRefused(fixture.given(issuerCreated(null), aliceRegistered())
                    .when(new UpdateStakeholder(ISSUER, ALICE, TODAY, null, null, false, null,
                            new Address(AddressType.CONTACT, "1 Poultry", "London", null, null, null), false, null,
                            false)), ErrorCode.INVALID_VALUE);
        }

        @Test
        void cannotUpdateAnUnknownStakeholder() {
            assertRefused(fixture.given(issuerCreated(null))
                    .when(update(ALICE, TODAY, null, null, true, null)), ErrorCode.UNKNOWN_STAKEHOLDER);
        }

        @Test
        void cannotBeDatedBeforeTheRegistration() {
            assertRefused(givenStandardBooks()
                            .when(update(BOB, BOB_JOINED.minusDays(1), null, "bob@example.com", false, null)),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD, Map.of("referenceDate", BOB_JOINED.toString()));
        }

        @Test
        void cannotBeDatedInTheFuture() {
            assertRefused(givenStandardBooks()
                    .when(update(BOB, TODAY.plusDays(1), null, "bob@example.com", false, null)),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void cannotTakeAnotherStakeholdersEmail() {
            assertRefused(givenStandardBooks().when(update(BOB, TODAY, null, "ALICE@example.com", false, null)),
                    ErrorCode.DUPLICATE_STAKEHOLDER_EMAIL);
        }
    }

    @Nested
    class CreatingStockClasses {

        @Test
        void createsAStockClass() {
            fixture.given(issuerCreated(null))
                    .when(createClass("seed", " Seed Preferred ", "SP-", "2500", false, 3))
                    .expectEvents(new StockClassCreated(ISSUER, StockClassId.of("seed"), TODAY, "Seed Preferred",
                            StockClassType.PREFERRED, "SP-", PAR, Quantity.of(1), 3, Quantity.of(2500), false, null))
                    .expectState(capTable -> assertThat(capTable.ledger().sharesAuthorized(StockClassId.of("seed")))
                            .isEqualTo(Quantity.of(2500)));
        }

        @Test
        void createsAFractionalClassWithFractionalAuthorizedShares() {
            fixture.given(issuerCreated(null))
                    .when(createClass("units", "Units", "U-", "100.5", true, 1))
                    .expectEvents(new StockClassCreated(ISSUER, StockClassId.of("units"), TODAY, "Units",
                            StockClassType.PREFERRED, "U-", PAR, Quantity.of(1), 1, Quantity.of("100.5"), true, null));
        }

        @Test
        void cannotCreateTheSameClassTwice() {
            assertRefused(givenStandardBooks().when(createClass("common", "Another", "AN-", "1", false, 1)),
                    ErrorCode.DUPLICATE_STOCK_CLASS);
        }

        @Test
        void cannotReuseAClassNameInAnyCase() {
            assertRefused(givenStandardBooks().when(createClass("c2", "series a preferred", "SA-", "1", false, 1)),
                    ErrorCode.DUPLICATE_STOCK_CLASS_NAME);
        }

        @Test
        void cannotReuseACertificatePrefixInAnyCase() {
            assertRefused(givenStandardBooks().when(createClass("c2", "Common B", "cs-", "1", false, 1)),
                    ErrorCode.DUPLICATE_CERTIFICATE_PREFIX);
        }

        @Test
        void cannotAuthorizeFractionalSharesOfAWholeShareClass() {
            assertRefused(fixture.given(issuerCreated(null))
                            .when(createClass("c2", "Common B", "CB-", "10.5", false, 1)),
                    ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
        }

        @Test
        void certificatePrefixMustBeShortAndPlain() {
            assertRefused(fixture.given(issuerCreated(null)).when(createClass("c2", "Common B", "C/B", "10", false, 1)),
                    ErrorCode.INVALID_VALUE);
        }

        @Test
        void seniorityMustBeAtLeastOne() {
            assertRefused(fixture.given(issuerCreated(null)).when(createClass("c2", "Common B", "CB-", "10", false, 0)),
                    ErrorCode.INVALID_VALUE);
        }

        @Test
        void cannotBeCreatedBeforeFormation() {
            assertRefused(fixture.given(issuerCreated(null))
                    .when(new CreateStockClass(ISSUER, StockClassId.of("c2"), FORMED.minusDays(1), "Common B",
                            StockClassType.COMMON, "CB-", null, Quantity.of(1), 1, Quantity.of(10), false, null)),
                    ErrorCode.DATE_BEFORE_FORMATION);
        }

        @Test
        void cannotBeCreatedInTheFuture() {
            assertRefused(fixture.given(issuerCreated(null))
                    .when(new CreateStockClass(ISSUER, StockClassId.of("c2"), TODAY.plusDays(1), "Common B",
                            StockClassType.COMMON, "CB-", null, Quantity.of(1), 1, Quantity.of(10), false, null)),
                    ErrorCode.DATE_IN_FUTURE);
        }
    }

    @Nested
    class AdjustingStockClassAuthorizedShares {

        @Test
        void setsTheClassAuthorizedShares() {
            givenStandardBooks()
                    .when(new AdjustStockClassAuthorizedShares(ISSUER, COMMON, TODAY, Quantity.of(500), TODAY,
                            TODAY, null))
                    .expectEvents(new StockClassAuthorizedSharesAdjusted(ISSUER, COMMON, TODAY, Quantity.of(500),
                            TODAY, TODAY, null))
                    .expectState(capTable -> assertThat(capTable.ledger().sharesAuthorized(COMMON))
                            .isEqualTo(Quantity.of(500)));
        }

        @Test
        void canBackDateADecreaseThatALaterAdjustmentSupersedes() {
            givenStandardBooks(
                    new StockClassAuthorizedSharesAdjusted(ISSUER, COMMON, LocalDate.of(2022, 6, 1), Quantity.of(200),
                            null, null, null),
                    issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2022, 7, 1), 150))
                    .when(adjustClass(COMMON, LocalDate.of(2021, 1, 1), "50"))
                    .expectEvents(new StockClassAuthorizedSharesAdjusted(ISSUER, COMMON, LocalDate.of(2021, 1, 1),
                            Quantity.of(50), null, null, null))
                    .expectState(capTable -> assertThat(capTable.ledger().sharesAuthorized(COMMON))
                            .isEqualTo(Quantity.of(200)));
        }

        @Test
        void cannotDecreaseBelowOutstanding() {
            assertRefused(givenStandardBooks(issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2022, 1, 1), 80))
                            .when(adjustClass(COMMON, TODAY, "79")),
                    ErrorCode.AUTHORIZED_BELOW_OUTSTANDING, Map.of("breachDate", TODAY.toString()));
        }

        @Test
        void cannotBackDateADecreaseBelowLaterOutstanding() {
            assertRefused(givenStandardBooks(issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2023, 1, 1), 80))
                            .when(adjustClass(COMMON, LocalDate.of(2021, 1, 1), "50")),
                    ErrorCode.AUTHORIZED_BELOW_OUTSTANDING,
                    Map.of("breachDate", "2023-01-01", "sharesOutstanding", "80", "sharesAuthorized", "50"));
        }

        @Test
        void cannotAdjustAnUnknownClass() {
            assertRefused(givenStandardBooks().when(adjustClass(StockClassId.of("nope"), TODAY, "10")),
                    ErrorCode.UNKNOWN_STOCK_CLASS);
        }

        @Test
        void cannotBeDatedBeforeTheClassWasCreated() {
            assertRefused(givenStandardBooks().when(adjustClass(PREFERRED, PREFERRED_CREATED.minusDays(1), "2000")),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD, Map.of("referenceDate", PREFERRED_CREATED.toString()));
        }

        @Test
        void cannotBeDatedBeforeFormation() {
            assertRefused(givenStandardBooks().when(adjustClass(COMMON, FORMED.minusDays(1), "2000")),
                    ErrorCode.DATE_BEFORE_FORMATION);
        }

        @Test
        void cannotBeDatedInTheFuture() {
            assertRefused(givenStandardBooks().when(adjustClass(COMMON, TODAY.plusDays(1), "2000")),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void cannotAuthorizeFractionalSharesOfAWholeShareClass() {
            assertRefused(givenStandardBooks().when(adjustClass(COMMON, TODAY, "150.5")),
                    ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
        }
    }

    @Nested
    class IssuingStock {

        @Test
        void issuesTheFirstSecurityOfAClass() {
            givenStandardBooks()
                    .when(new IssueStock(ISSUER, SecurityId.of("s1"), TODAY, ALICE, COMMON, Quantity.of(60), PRICE,
                            " cash "))
                    .expectEvents(new StockIssued(ISSUER, SecurityId.of("s1"), TODAY, "CS-1", ALICE, COMMON,
                            Quantity.of(60), PRICE, "cash"))
                    .expectState(capTable -> assertThat(capTable.ledger().sharesOutstanding(COMMON))
                            .isEqualTo(Quantity.of(60)));
        }

        @Test
        void issuanceLabelsAreNumberedWithoutGapsPerClass() {
            givenStandardBooks(
                    issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2021, 2, 1), 10),
                    issued("s2", "PS-1", BOB, PREFERRED, LocalDate.of(2021, 2, 1), 10),
                    issued("s3", "CS-2", BOB, COMMON, LocalDate.of(2021, 3, 1), 10))
                    .when(issue("s4", BOB, PREFERRED, TODAY, "5"))
                    .expectEvents(issued("s4", "PS-2", BOB, PREFERRED, TODAY, 5));
        }

        @Test
        void backDatedIssuanceTakesTheNextLabelInRecordingOrder() {
            givenStandardBooks(issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2023, 1, 1), 10))
                    .when(issue("s2", ALICE, COMMON, LocalDate.of(2020, 6, 1), "10"))
                    .expectEvents(issued("s2", "CS-2", ALICE, COMMON, LocalDate.of(2020, 6, 1), 10));
        }

        @Test
        void canIssueUpToTheAuthorizedShares() {
            givenStandardBooks(issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2021, 2, 1), 60))
                    .when(issue("s2", BOB, COMMON, TODAY, "40"))
                    .expectEvents(issued("s2", "CS-2", BOB, COMMON, TODAY, 40));
        }

        @Test
        void cannotIssueBeyondAuthorizedShares() {
            assertRefused(givenStandardBooks(issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2021, 2, 1), 60))
                            .when(issue("s2", BOB, COMMON, TODAY, "41")),
                    ErrorCode.AUTHORIZED_SHARES_EXCEEDED,
                    Map.of("breachDate", TODAY.toString(), "sharesOutstanding", "101", "sharesAuthorized", "100"));
        }

        @Test
        void cannotBackDateAnIssuanceThatBreachesAuthorizedSharesAtALaterDate() {
            assertRefused(givenStandardBooks(issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2022, 1, 1), 90))
                            .when(issue("s2", ALICE, COMMON, LocalDate.of(2021, 6, 1), "20")),
                    ErrorCode.AUTHORIZED_SHARES_EXCEEDED, Map.of("breachDate", "2022-01-01"));
        }

        @Test
        void canBackDateAnIssuanceWhenALaterIncreaseCoversIt() {
            givenStandardBooks(
                    new StockClassAuthorizedSharesAdjusted(ISSUER, COMMON, LocalDate.of(2022, 6, 1), Quantity.of(200),
                            null, null, null),
                    issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2022, 7, 1), 150))
                    .when(issue("s2", BOB, COMMON, LocalDate.of(2021, 1, 1), "10"))
                    .expectEvents(issued("s2", "CS-2", BOB, COMMON, LocalDate.of(2021, 1, 1), 10));
        }

        @Test
        void cannotIssueBeyondTheIssuerWideAuthorizedShares() {
            fixture.given(issuerCreated(150L), aliceRegistered(), bobRegistered(), commonCreated(), preferredCreated(),
                            issued("s1", "CS-1", ALICE, COMMON, LocalDate.of(2021, 2, 1), 100))
                    .when(issue("s2", BOB, PREFERRED, TODAY, "51"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.AUTHORIZED_SHARES_EXCEEDED,
                            Map.of("sharesOutstanding", "151", "sharesAuthorized", "150")))
                    .expectExceptionMessage(containsString("the issuer"));
        }

        @Test
        void cannotIssueToAnUnknownStakeholder() {
            assertRefused(givenStandardBooks().when(issue("s1", StakeholderId.of("zoe"), COMMON, TODAY, "1")),
                    ErrorCode.UNKNOWN_STAKEHOLDER);
        }

        @Test
        void cannotIssueOfAnUnknownClass() {
            assertRefused(givenStandardBooks().when(issue("s1", ALICE, StockClassId.of("nope"), TODAY, "1")),
                    ErrorCode.UNKNOWN_STOCK_CLASS);
        }

        @Test
        void cannotIssueBeforeTheStakeholderWasRegistered() {
            assertRefused(givenStandardBooks().when(issue("s1", BOB, COMMON, BOB_JOINED.minusDays(1), "1")),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD, Map.of("referenceDate", BOB_JOINED.toString()));
        }

        @Test
        void cannotIssueBeforeTheStockClassWasCreated() {
            assertRefused(givenStandardBooks().when(issue("s1", ALICE, PREFERRED, PREFERRED_CREATED.minusDays(1), "1")),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD, Map.of("referenceDate", PREFERRED_CREATED.toString()));
        }

        @Test
        void cannotIssueBeforeFormation() {
            assertRefused(givenStandardBooks().when(issue("s1", ALICE, COMMON, FORMED.minusDays(1), "1")),
                    ErrorCode.DATE_BEFORE_FORMATION);
        }

        @Test
        void cannotIssueInTheFuture() {
            assertRefused(givenStandardBooks().when(issue("s1", ALICE, COMMON, TODAY.plusDays(1), "1")),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void cannotIssueFractionalSharesOfAWholeShareClass() {
            assertRefused(givenStandardBooks().when(issue("s1", ALICE, COMMON, TODAY, "0.5")),
                    ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
        }

        @Test
        void canIssueFractionalSharesOfAFractionalClass() {
            StockClassCreated units = new StockClassCreated(ISSUER, StockClassId.of("units"), FORMED, "Units",
                    StockClassType.COMMON, "U-", null, Quantity.of(1), 1, Quantity.of(10), true, null);

            givenStandardBooks(units)
                    .when(issue("s1", ALICE, StockClassId.of("units"), TODAY, "2.5"))
                    .expectEvents(new StockIssued(ISSUER, SecurityId.of("s1"), TODAY, "U-1", ALICE,
                            StockClassId.of("units"), Quantity.of("2.5"), PRICE, null));
        }

        @Test
        void cannotIssueZeroShares() {
            assertRefused(givenStandardBooks().when(issue("s1", ALICE, COMMON, TODAY, "0")),
                    ErrorCode.INVALID_QUANTITY);
        }

        @Test
        void cannotReuseASecurityId() {
            assertRefused(givenStandardBooks(issued("s1", "CS-1", ALICE, COMMON, TODAY, 1))
                    .when(issue("s1", BOB, PREFERRED, TODAY, "1")), ErrorCode.DUPLICATE_SECURITY);
        }

        @Test
        void needsAPrice() {
            assertRefused(givenStandardBooks()
                    .when(new IssueStock(ISSUER, SecurityId.of("s1"), TODAY, ALICE, COMMON, Quantity.of(1), null,
                            null)), ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class EffectiveDateLimit {

        /** 10:00 UTC on the 15th is midnight of the 16th in UTC+14, where the day begins first. */
        private static final Instant MORNING_UTC = Instant.parse("2024-06-15T10:00:00Z");

        @Test
        void acceptsADateThatHasBegunInTheEasternmostTimeZone() {
            fixtureAt(MORNING_UTC)
                    .given(issuerCreated(null), aliceRegistered(), commonCreated())
                    .when(issue("s1", ALICE, COMMON, TODAY.plusDays(1), "1"))
                    .expectEvents(issued("s1", "CS-1", ALICE, COMMON, TODAY.plusDays(1), 1));
        }

        @Test
        void refusesADateThatHasBegunNowhere() {
            assertRefused(fixtureAt(MORNING_UTC)
                            .given(issuerCreated(null), aliceRegistered(), commonCreated())
                            .when(issue("s1", ALICE, COMMON, TODAY.plusDays(2), "1")),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void refusesTomorrowWhileItHasBegunNowhere() {
            assertRefused(fixtureAt(Instant.parse("2024-06-15T09:59:59Z"))
                            .given(issuerCreated(null), aliceRegistered(), commonCreated())
                            .when(issue("s1", ALICE, COMMON, TODAY.plusDays(1), "1")),
                    ErrorCode.DATE_IN_FUTURE);
        }
    }

    @Nested
    class AggregateLifecycle {

        @Test
        void commandsForAnUnknownIssuerAreNotHandled() {
            fixture.givenNoPriorActivity()
                    .when(adjustIssuer(TODAY, 10))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }

        /**
         * The creation handler starts from an empty Ledger, so the event store's unique stream start refuses the
         * second issuer: the fixture's in-memory store reports it as below; the JDBC store raises
         * AggregateStreamCreationException, which the HTTP layer maps to ISSUER_ALREADY_EXISTS.
         */
        @Test
        void cannotCreateAnIssuerThatAlreadyExists() {
            fixture.given(issuerCreated(null))
                    .when(new CreateIssuer(ISSUER, "Acme Again", FORMED, "US", null, null, null))
                    .expectNoEvents()
                    .expectException(EventStoreException.class);
        }

        @Test
        void commandAtTheExpectedVersionIsHandled() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(adjustIssuer(TODAY, 10), Map.of(MetaDataKeys.EXPECTED_VERSION, 1L))
                    .expectEvents(new IssuerAuthorizedSharesAdjusted(ISSUER, TODAY, Quantity.of(10), null, null,
                            null));
        }

        @Test
        void commandAgainstAStaleVersionIsRefused() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(adjustIssuer(TODAY, 10), Map.of(MetaDataKeys.EXPECTED_VERSION, 0L))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.VERSION_MISMATCH, Map.of("currentVersion", 1L)));
        }

        @Test
        void commandAgainstAVersionNotYetReachedIsRefused() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(adjustIssuer(TODAY, 10), Map.of(MetaDataKeys.EXPECTED_VERSION, 7L))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.VERSION_MISMATCH, Map.of("currentVersion", 1L)));
        }

        /** The role comes first: the version (and so the issuer's existence) is not told to a stranger. */
        @Test
        void aCallerWithoutARoleIsToldTheIssuerDoesNotExistWhateverTheVersion() {
            fixture.given(issuerCreated(null), aliceRegistered())
                    .when(adjustIssuer(TODAY, 10), Map.of(MetaDataKeys.EXPECTED_VERSION, 7L,
                            MetaDataKeys.ACTOR, "stranger"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ISSUER_NOT_FOUND, Map.of()));
        }
    }
}
