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
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.ChangeStakeholderRelationship;
import org.capledger.api.stakeholder.ChangeStakeholderStatus;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderRelationshipChanged;
import org.capledger.api.stakeholder.StakeholderStatusChanged;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderStatus;
import org.capledger.api.value.StakeholderType;
import org.capledger.ledger.Ledger;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Stakeholder status and relationship changes through the aggregate (OCF StakeholderStatusChangeEvent,
 * StakeholderRelationshipChangeEvent): the event each records, a change to what is already in force recording
 * nothing, every refusal with its error code, changes dated before the latest one refused, and who may send them.
 * The rules are tested on the Ledger ({@code StakeholderChangesTest}).
 */
class StakeholderChangeCommandsTest {

    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    private static final LocalDate JOINED = LocalDate.of(2021, 2, 1);
    private static final LocalDate LEFT = LocalDate.of(2023, 3, 31);
    private static final StakeholderId ELI = StakeholderId.of("eli");

    private FixtureConfiguration<CapTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CapTable.class)
                .registerInjectableResource(new EffectiveDates(Clock.fixed(Instant.parse("2024-06-15T00:00:00Z"),
                        ZoneOffset.UTC)));
    }

    /** Eli, an employee registered on {@link #JOINED}; "admin" is ADMIN, "viewer" VIEWER. */
    private static Object[] books(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                new IssuerCreated(ISSUER, "Acme Corp", FORMED, "US", "DE", null, null),
                new RoleGranted(ISSUER, "admin", IssuerRole.ADMIN, null, FORMED, null),
                new RoleGranted(ISSUER, "viewer", IssuerRole.VIEWER, null, FORMED, null),
                new StakeholderRegistered(ISSUER, ELI, JOINED, StakeholderType.INDIVIDUAL,
                        new StakeholderName("Eli Employee", null, null), null, StakeholderRelationship.EMPLOYEE, null, null)));
        events.addAll(List.of(more));
        return events.toArray();
    }

    private static Map<String, Object> as(String account) {
        return Map.of(MetaDataKeys.ACTOR, account);
    }

    private static Map<String, Object> admin() {
        return as("admin");
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
    class StatusChanges {

        private final StakeholderStatusChanged resigned = new StakeholderStatusChanged(ISSUER, ELI, LEFT,
                StakeholderStatus.TERMINATION_VOLUNTARY_OTHER, "Resigned");

        @Test
        void aNewStatusIsRecordedFromItsDate() {
            fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT,
                            StakeholderStatus.TERMINATION_VOLUNTARY_OTHER, "Resigned"), admin())
                    .expectEvents(resigned);
        }

        @Test
        void blankCommentsAreRecordedAsNone() {
            fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT,
                            StakeholderStatus.LEAVE_OF_ABSENCE, "  "), admin())
                    .expectEvents(new StakeholderStatusChanged(ISSUER, ELI, LEFT, StakeholderStatus.LEAVE_OF_ABSENCE,
                            null));
        }

        @Test
        void theStatusAlreadyInForceRecordsNothing() {
            fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT, StakeholderStatus.ACTIVE,
                            null), admin())
                    .expectNoEvents().expectSuccessfulHandlerExecution();
            fixture.given(books(resigned)).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT.plusDays(1),
                            StakeholderStatus.TERMINATION_VOLUNTARY_OTHER, "Again"), admin())
                    .expectNoEvents().expectSuccessfulHandlerExecution();
        }

        @Test
        void aChangeDatedBeforeTheLatestIsRefused() {
            refused(fixture.given(books(resigned)).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT.minusDays(1),
                    StakeholderStatus.LEAVE_OF_ABSENCE, "Forgotten leave"), admin()),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            fixture.given(books(resigned)).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT,
                            StakeholderStatus.ACTIVE, "Stayed after all"), admin())
                    .expectEvents(new StakeholderStatusChanged(ISSUER, ELI, LEFT, StakeholderStatus.ACTIVE,
                            "Stayed after all"));
        }

        @Test
        void refusedForAnUnknownStakeholderAMissingStatusOrLongComments() {
            refused(fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, StakeholderId.of("nobody"), LEFT,
                    StakeholderStatus.LEAVE_OF_ABSENCE, null), admin()), ErrorCode.UNKNOWN_STAKEHOLDER);
            refused(fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT, null, null), admin()),
                    ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT,
                    StakeholderStatus.LEAVE_OF_ABSENCE, "x".repeat(2001)), admin()), ErrorCode.INVALID_VALUE);
        }

        @Test
        void refusedWhenDatedBeforeTheRegistrationOrTheFormationOrInTheFuture() {
            refused(fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, JOINED.minusDays(1),
                    StakeholderStatus.LEAVE_OF_ABSENCE, null), admin()), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            refused(fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, FORMED.minusDays(1),
                    StakeholderStatus.LEAVE_OF_ABSENCE, null), admin()), ErrorCode.DATE_BEFORE_FORMATION);
            refused(fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, LocalDate.of(2024, 6, 17),
                    StakeholderStatus.LEAVE_OF_ABSENCE, null), admin()), ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void viewersCannotChangeAStatus() {
            refused(fixture.given(books()).when(new ChangeStakeholderStatus(ISSUER, ELI, LEFT,
                    StakeholderStatus.LEAVE_OF_ABSENCE, null), as("viewer")), ErrorCode.FORBIDDEN);
        }
    }

    @Nested
    class RelationshipChanges {

        private final StakeholderRelationshipChanged left = new StakeholderRelationshipChanged(ISSUER, ELI, LEFT,
                StakeholderRelationship.EX_EMPLOYEE, StakeholderRelationship.EMPLOYEE,
                StakeholderRelationship.EX_EMPLOYEE);

        @Test
        void aStartedRelationshipBecomesTheStakeholders() {
            fixture.given(books()).when(new ChangeStakeholderRelationship(ISSUER, ELI, LEFT,
                            StakeholderRelationship.EX_EMPLOYEE, StakeholderRelationship.EMPLOYEE), admin())
                    .expectEvents(left);
        }

        @Test
        void endingTheCurrentRelationshipAloneLeavesOther() {
            fixture.given(books()).when(new ChangeStakeholderRelationship(ISSUER, ELI, LEFT, null,
                            StakeholderRelationship.EMPLOYEE), admin())
                    .expectEvents(new StakeholderRelationshipChanged(ISSUER, ELI, LEFT, null,
                            StakeholderRelationship.EMPLOYEE, StakeholderRelationship.OTHER));
        }

        @Test
        void endingAnotherRelationshipKeepsTheCurrentOne() {
            fixture.given(books()).when(new ChangeStakeholderRelationship(ISSUER, ELI, LEFT, null,
                            StakeholderRelationship.ADVISOR), admin())
                    .expectEvents(new StakeholderRelationshipChanged(ISSUER, ELI, LEFT, null,
                            StakeholderRelationship.ADVISOR, StakeholderRelationship.EMPLOYEE));
        }

        @Test
        void aChangeDatedBeforeTheLatestIsRefusedWhicheverCommandMadeIt() {
            refused(fixture.given(books(left)).when(new ChangeStakeholderRelationship(ISSUER, ELI, LEFT.minusDays(1),
                    StakeholderRelationship.CONSULTANT, null), admin()), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            StakeholderUpdated promoted = new StakeholderUpdated(ISSUER, ELI, LEFT,
                    new StakeholderName("Eli Employee", null, null), null, StakeholderRelationship.EXECUTIVE, null, null);
            refused(fixture.given(books(promoted)).when(new ChangeStakeholderRelationship(ISSUER, ELI,
                    LEFT.minusDays(1), StakeholderRelationship.CONSULTANT, null), admin()),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }

        @Test
        void refusedWithNeitherStartNorEndOrForAnUnknownStakeholder() {
            refused(fixture.given(books()).when(new ChangeStakeholderRelationship(ISSUER, ELI, LEFT, null, null),
                    admin()), ErrorCode.INVALID_VALUE);
            refused(fixture.given(books()).when(new ChangeStakeholderRelationship(ISSUER, StakeholderId.of("nobody"),
                    LEFT, StakeholderRelationship.EX_EMPLOYEE, null), admin()), ErrorCode.UNKNOWN_STAKEHOLDER);
        }

        @Test
        void refusedWhenDatedBeforeTheRegistrationOrInTheFuture() {
            refused(fixture.given(books()).when(new ChangeStakeholderRelationship(ISSUER, ELI, JOINED.minusDays(1),
                    StakeholderRelationship.EX_EMPLOYEE, null), admin()), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            refused(fixture.given(books()).when(new ChangeStakeholderRelationship(ISSUER, ELI,
                    LocalDate.of(2024, 6, 17), StakeholderRelationship.EX_EMPLOYEE, null), admin()),
                    ErrorCode.DATE_IN_FUTURE);
        }

        @Test
        void viewersCannotChangeARelationship() {
            refused(fixture.given(books()).when(new ChangeStakeholderRelationship(ISSUER, ELI, LEFT,
                    StakeholderRelationship.EX_EMPLOYEE, null), as("viewer")), ErrorCode.FORBIDDEN);
        }
    }
}
