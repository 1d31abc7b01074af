package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;
import static org.capledger.ledger.Books.createIssuer;
import static org.capledger.ledger.Books.register;

import java.time.LocalDate;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.stakeholder.ChangeStakeholderRelationship;
import org.capledger.api.stakeholder.ChangeStakeholderStatus;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stakeholder status and relationship changes (OCF StakeholderStatusChangeEvent, RelationshipChangeEvent). */
class StakeholderChangesTest {

    private static final StakeholderId ANA = StakeholderId.of("ana");
    private static final LocalDate LEFT = LocalDate.of(2023, 3, 31);

    private Books books;
    private Ledger ledger;

    @BeforeEach
    void setUp() {
        books = new Books();
        ledger = books.ledger;
        books.record(ledger.createIssuer(createIssuer(null), TODAY));
        books.record(ledger.registerStakeholder(register("ana", "Ana Alves", FORMED, null), TODAY));
    }

    private StakeholderRecord ana(Ledger l) {
        return l.stakeholders().stream().filter(s -> s.stakeholderId().equals(ANA)).findFirst().orElseThrow();
    }

    @Test
    void aLeaverGetsANewStatusAndRelationshipFromTheDate() {
        books.record(ledger.changeStakeholderStatus(new ChangeStakeholderStatus(ISSUER, ANA, LEFT,
                StakeholderStatus.TERMINATION_VOLUNTARY_OTHER, "Resigned"), TODAY).orElseThrow());
        books.record(ledger.changeStakeholderRelationship(new ChangeStakeholderRelationship(ISSUER, ANA, LEFT,
                StakeholderRelationship.EX_EMPLOYEE, StakeholderRelationship.FOUNDER), TODAY));

        assertThat(ana(ledger).status()).isEqualTo(StakeholderStatus.TERMINATION_VOLUNTARY_OTHER);
        assertThat(ana(ledger).relationship()).isEqualTo(StakeholderRelationship.EX_EMPLOYEE);
        assertThat(ana(books.asOf(LEFT.minusDays(1))).status()).isEqualTo(StakeholderStatus.ACTIVE);
        assertThat(ana(books.asOf(LEFT.minusDays(1))).relationship()).isEqualTo(StakeholderRelationship.FOUNDER);
    }

    @Test
    void theSameStatusRecordsNothingAndAChangeNeedsARelationship() {
        assertThat(ledger.changeStakeholderStatus(new ChangeStakeholderStatus(ISSUER, ANA, LEFT,
                StakeholderStatus.ACTIVE, null), TODAY)).isEmpty();
        Throwable refused = catchThrowable(() -> ledger.changeStakeholderRelationship(
                new ChangeStakeholderRelationship(ISSUER, ANA, LEFT, null, null), TODAY));
        assertThat(refused).isInstanceOf(CapledgerException.class);
        assertThat(((CapledgerException) refused).code()).isEqualTo(ErrorCode.INVALID_VALUE);
        Throwable before = catchThrowable(() -> ledger.changeStakeholderStatus(new ChangeStakeholderStatus(ISSUER,
                ANA, FORMED.minusDays(1), StakeholderStatus.LEAVE_OF_ABSENCE, null), TODAY));
        assertThat(((CapledgerException) before).code()).isEqualTo(ErrorCode.DATE_BEFORE_FORMATION);
    }

    @Test
    void aStatusChangeDatedBeforeTheLatestIsRefusedSoItCannotOverrideIt() {
        books.record(ledger.changeStakeholderStatus(new ChangeStakeholderStatus(ISSUER, ANA, LEFT,
                StakeholderStatus.TERMINATION_VOLUNTARY_OTHER, "Resigned"), TODAY).orElseThrow());

        Throwable backDated = catchThrowable(() -> ledger.changeStakeholderStatus(new ChangeStakeholderStatus(ISSUER,
                ANA, LEFT.minusMonths(6), StakeholderStatus.LEAVE_OF_ABSENCE, "Parental leave"), TODAY));

        assertThat(((CapledgerException) backDated).code()).isEqualTo(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        assertThat(((CapledgerException) backDated).properties()).containsEntry("conflictDate", LEFT.toString());
        assertThat(ana(ledger).status()).isEqualTo(StakeholderStatus.TERMINATION_VOLUNTARY_OTHER);
        assertThat(ledger.changeStakeholderStatus(new ChangeStakeholderStatus(ISSUER, ANA, LEFT,
                StakeholderStatus.ACTIVE, "Rejoined the same day"), TODAY)).isPresent();
    }

    @Test
    void aRelationshipChangeDatedBeforeTheLatestIsRefusedWhicheverCommandMadeIt() {
        books.record(ledger.changeStakeholderRelationship(new ChangeStakeholderRelationship(ISSUER, ANA, LEFT,
                StakeholderRelationship.EX_EMPLOYEE, StakeholderRelationship.FOUNDER), TODAY));

        Throwable change = catchThrowable(() -> ledger.changeStakeholderRelationship(
                new ChangeStakeholderRelationship(ISSUER, ANA, LEFT.minusDays(1), StakeholderRelationship.EMPLOYEE,
                        null), TODAY));
        Throwable update = catchThrowable(() -> ledger.updateStakeholder(Books.update("ana", LEFT.minusDays(1), null,
                null, false, StakeholderRelationship.ADVISOR), TODAY));

        assertThat(((CapledgerException) change).code()).isEqualTo(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        assertThat(((CapledgerException) update).code()).isEqualTo(ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        // an earlier-dated update that leaves the relationship as it is, such as a new email, is no conflict
        assertThat(ledger.updateStakeholder(Books.update("ana", LEFT.minusDays(1), null, "ana@example.com", false,
                null), TODAY)).isPresent();
        assertThat(ana(ledger).relationshipSince()).isEqualTo(LEFT);
    }

    @Test
    void statusAndRelationshipHoldFromTheDateOfTheirLatestChange() {
        assertThat(ana(ledger).statusSince()).isEqualTo(FORMED);
        assertThat(ana(ledger).relationshipSince()).isEqualTo(FORMED);
        books.record(ledger.updateStakeholder(Books.update("ana", LEFT.minusDays(10), null, null, false,
                StakeholderRelationship.EXECUTIVE), TODAY).orElseThrow());
        books.record(ledger.changeStakeholderStatus(new ChangeStakeholderStatus(ISSUER, ANA, LEFT,
                StakeholderStatus.LEAVE_OF_ABSENCE, null), TODAY).orElseThrow());

        assertThat(ana(ledger).relationshipSince()).isEqualTo(LEFT.minusDays(10));
        assertThat(ana(ledger).statusSince()).isEqualTo(LEFT);
        assertThat(ana(books.asOf(LEFT.minusDays(1))).statusSince()).isEqualTo(FORMED);
    }

    @Test
    void endingTheCurrentRelationshipWithoutANewOneLeavesOther() {
        books.record(ledger.changeStakeholderRelationship(new ChangeStakeholderRelationship(ISSUER, ANA, LEFT, null,
                StakeholderRelationship.FOUNDER), TODAY));
        assertThat(ana(ledger).relationship()).isEqualTo(StakeholderRelationship.OTHER);
    }
}
