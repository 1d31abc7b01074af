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
    void endingTheCurrentRelationshipWithoutANewOneLeavesOther() {
        books.record(ledger.changeStakeholderRelationship(new ChangeStakeholderRelationship(ISSUER, ANA, LEFT, null,
                StakeholderRelationship.FOUNDER), TODAY));
        assertThat(ana(ledger).relationship()).isEqualTo(StakeholderRelationship.OTHER);
    }
}
