package org.capledger.command.captable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.access.AcceptInvitation;
import org.capledger.api.access.GrantRole;
import org.capledger.api.access.InvitationRevoked;
import org.capledger.api.access.InviteMember;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.access.MemberInvited;
import org.capledger.api.access.RevokeInvitation;
import org.capledger.api.access.RevokeRole;
import org.capledger.api.access.RoleGranted;
import org.capledger.api.access.RoleRevoked;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.capledger.ledger.Ledger;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may send which command to an issuer, and the role and invitation commands themselves. */
class CapTableAccessTest {

    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    private FixtureConfiguration<CapTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CapTable.class)
                .registerInjectableResource(new EffectiveDates(Clock.fixed(Instant.parse("2024-06-15T00:00:00Z"),
                        ZoneOffset.UTC)))
                .registerIgnoredField(Ledger.class, "classTimelines");
    }

    private static IssuerCreated created() {
        return new IssuerCreated(ISSUER, "Acme Corp", FORMED, "US", "DE", null, null);
    }

    private static RoleGranted granted(String account, IssuerRole role) {
        return new RoleGranted(ISSUER, account, role, null, TODAY, null);
    }

    private static RegisterStakeholder register(String id) {
        return new RegisterStakeholder(ISSUER, StakeholderId.of(id), FORMED, StakeholderType.INDIVIDUAL,
                new StakeholderName("Person " + id, null, null), null, StakeholderRelationship.INVESTOR, null, null);
    }

    private static Map<String, Object> as(String account) {
        return Map.of(MetaDataKeys.ACTOR, account);
    }

    @Test
    void anAccountWithoutARoleIsToldTheIssuerDoesNotExist() {
        fixture.given(created(), granted("owner", IssuerRole.OWNER))
                .when(register("x"), as("stranger"))
                .expectNoEvents()
                .expectException(CapledgerException.class)
                .expectExceptionMessage("No such issuer");
    }

    @Test
    void viewersAndShareholdersMayNotRecord() {
        fixture.given(created(), granted("viewer", IssuerRole.VIEWER))
                .when(register("x"), as("viewer"))
                .expectNoEvents()
                .expectException(CapledgerException.class)
                .expectExceptionMessage("This account may not do this");
    }

    @Test
    void adminsRecordButDoNotManageRoles() {
        fixture.given(created(), granted("admin", IssuerRole.ADMIN))
                .when(register("x"), as("admin"))
                .expectSuccessfulHandlerExecution();
        fixture.given(created(), granted("admin", IssuerRole.ADMIN))
                .when(new GrantRole(ISSUER, "someone", IssuerRole.VIEWER, null), as("admin"))
                .expectNoEvents()
                .expectException(CapledgerException.class);
    }

    @Test
    void theApplicationItselfActsAsSystem() {
        fixture.given(created())
                .when(register("x"), as(MetaDataKeys.SYSTEM))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void ownersGrantAndRevokeButNeverTheLastOwner() {
        fixture.given(created(), granted("owner", IssuerRole.OWNER))
                .when(new GrantRole(ISSUER, "viewer", IssuerRole.VIEWER, null), as("owner"))
                .expectEvents(granted("viewer", IssuerRole.VIEWER));
        fixture.given(created(), granted("owner", IssuerRole.OWNER), granted("viewer", IssuerRole.VIEWER))
                .when(new RevokeRole(ISSUER, "viewer"), as("owner"))
                .expectEvents(new RoleRevoked(ISSUER, "viewer", IssuerRole.VIEWER, TODAY));
        fixture.given(created(), granted("owner", IssuerRole.OWNER))
                .when(new RevokeRole(ISSUER, "owner"), as("owner"))
                .expectNoEvents()
                .expectException(CapledgerException.class)
                .expectExceptionMessage("An issuer keeps at least one owner");
    }

    @Test
    void aShareholderRoleNeedsAStakeholderOfTheIssuer() {
        StakeholderId holder = StakeholderId.of("h");
        fixture.given(created(), granted("owner", IssuerRole.OWNER), new StakeholderRegistered(ISSUER, holder, FORMED,
                        StakeholderType.INDIVIDUAL, new StakeholderName("H", null, null), null,
                        StakeholderRelationship.INVESTOR, null, null))
                .when(new GrantRole(ISSUER, "sam", IssuerRole.SHAREHOLDER, holder), as("owner"))
                .expectEvents(new RoleGranted(ISSUER, "sam", IssuerRole.SHAREHOLDER, holder, TODAY, null));
        fixture.given(created(), granted("owner", IssuerRole.OWNER))
                .when(new GrantRole(ISSUER, "sam", IssuerRole.SHAREHOLDER, StakeholderId.of("nobody")), as("owner"))
                .expectNoEvents()
                .expectException(CapledgerException.class);
    }

    @Test
    void anInvitationIsAcceptedOnceAndAdminsCannotInviteOwners() {
        fixture.given(created(), granted("admin", IssuerRole.ADMIN))
                .when(new InviteMember(ISSUER, "inv-1", IssuerRole.OWNER, null), as("admin"))
                .expectNoEvents()
                .expectException(CapledgerException.class);
        fixture.given(created(), granted("admin", IssuerRole.ADMIN))
                .when(new InviteMember(ISSUER, "inv-1", IssuerRole.VIEWER, null), as("admin"))
                .expectEvents(new MemberInvited(ISSUER, "inv-1", IssuerRole.VIEWER, null, TODAY));
        fixture.given(created(), new MemberInvited(ISSUER, "inv-1", IssuerRole.VIEWER, null, TODAY))
                .when(new AcceptInvitation(ISSUER, "inv-1", "newcomer"), as("newcomer"))
                .expectEvents(new RoleGranted(ISSUER, "newcomer", IssuerRole.VIEWER, null, TODAY, "inv-1"));
        fixture.given(created(), new MemberInvited(ISSUER, "inv-1", IssuerRole.VIEWER, null, TODAY),
                        new RoleGranted(ISSUER, "newcomer", IssuerRole.VIEWER, null, TODAY, "inv-1"))
                .when(new AcceptInvitation(ISSUER, "inv-1", "someone-else"), as("someone-else"))
                .expectNoEvents()
                .expectException(CapledgerException.class)
                .expectExceptionMessage("No such open invitation");
    }

    private static MemberInvited invited(String invitationId, IssuerRole role) {
        return new MemberInvited(ISSUER, invitationId, role, null, TODAY);
    }

    private static Matcher<CapledgerException> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CapledgerException e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CapledgerException ").appendValue(code);
            }
        };
    }

    @Test
    void ownersRevokeAnyInvitationAndAdminsThoseBelowOwner() {
        Object[] history = {created(), granted("owner", IssuerRole.OWNER), granted("admin", IssuerRole.ADMIN),
                granted("viewer", IssuerRole.VIEWER), invited("inv-v", IssuerRole.VIEWER),
                invited("inv-o", IssuerRole.OWNER)};
        fixture.given(history)
                .when(new RevokeInvitation(ISSUER, "inv-v"), as("admin"))
                .expectEvents(new InvitationRevoked(ISSUER, "inv-v", IssuerRole.VIEWER, TODAY));
        fixture.given(history)
                .when(new RevokeInvitation(ISSUER, "inv-o"), as("admin"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
        fixture.given(history)
                .when(new RevokeInvitation(ISSUER, "inv-o"), as("owner"))
                .expectEvents(new InvitationRevoked(ISSUER, "inv-o", IssuerRole.OWNER, TODAY));
        fixture.given(history)
                .when(new RevokeInvitation(ISSUER, "inv-v"), as("viewer"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
        fixture.given(history)
                .when(new RevokeInvitation(ISSUER, "inv-v"), as("stranger"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.ISSUER_NOT_FOUND));
        fixture.given(history)
                .when(new RevokeInvitation(ISSUER, "no-such-invitation"), as("owner"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void aRevokedInvitationIsNeitherAcceptedNorRevokedAgain() {
        Object[] history = {created(), granted("owner", IssuerRole.OWNER), invited("inv-1", IssuerRole.VIEWER),
                new InvitationRevoked(ISSUER, "inv-1", IssuerRole.VIEWER, TODAY)};
        fixture.given(history)
                .when(new AcceptInvitation(ISSUER, "inv-1", "newcomer"), as("newcomer"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
        fixture.given(history)
                .when(new RevokeInvitation(ISSUER, "inv-1"), as("owner"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
        fixture.given(created(), granted("owner", IssuerRole.OWNER), invited("inv-1", IssuerRole.VIEWER),
                        new RoleGranted(ISSUER, "newcomer", IssuerRole.VIEWER, null, TODAY, "inv-1"))
                .when(new RevokeInvitation(ISSUER, "inv-1"), as("owner"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void anExistingMemberAcceptingTakesTheInvitedRoleButTheLastOwnerStays() {
        fixture.given(created(), granted("owner", IssuerRole.OWNER), granted("viewer", IssuerRole.VIEWER),
                        invited("inv-1", IssuerRole.ADMIN))
                .when(new AcceptInvitation(ISSUER, "inv-1", "viewer"), as("viewer"))
                .expectEvents(new RoleGranted(ISSUER, "viewer", IssuerRole.ADMIN, null, TODAY, "inv-1"));
        fixture.given(created(), granted("owner", IssuerRole.OWNER), invited("inv-1", IssuerRole.VIEWER))
                .when(new AcceptInvitation(ISSUER, "inv-1", "owner"), as("owner"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.LAST_OWNER));
    }

    @Test
    void errorCodesAreTheOnesTheEdgeMapsToHttp() {
        assertThat(ErrorCode.ISSUER_NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.FORBIDDEN.httpStatus()).isEqualTo(403);
        assertThat(ErrorCode.LAST_OWNER.httpStatus()).isEqualTo(422);
    }
}
