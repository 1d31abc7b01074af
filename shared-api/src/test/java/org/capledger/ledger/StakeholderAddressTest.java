package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;
import static org.capledger.ledger.Books.createIssuer;

import java.time.LocalDate;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stakeholder's postal address (OCF Address) and accredited-investor attribute (Regulation D Rule 501(a)). */
class StakeholderAddressTest {

    private static final StakeholderId ANA = StakeholderId.of("ana");
    private static final Address LONDON = new Address(AddressType.LEGAL, " 1 Poultry\nFloor 3 ", "London", "ENG",
            "GB", "EC2R 8EJ");
    private static final LocalDate MOVED = LocalDate.of(2023, 3, 31);

    private Books books;
    private Ledger ledger;

    @BeforeEach
    void setUp() {
        books = new Books();
        ledger = books.ledger;
        books.record(ledger.createIssuer(createIssuer(null), TODAY));
    }

    private static RegisterStakeholder register(Address address, Boolean accredited) {
        return new RegisterStakeholder(ISSUER, ANA, FORMED, StakeholderType.INDIVIDUAL,
                new StakeholderName("Ana Alves", null, null), null, StakeholderRelationship.INVESTOR, address,
                accredited);
    }

    private static UpdateStakeholder update(Address address, boolean clearAddress, Boolean accredited,
                                            boolean clearAccredited) {
        return new UpdateStakeholder(ISSUER, ANA, MOVED, null, null, false, null, address, clearAddress, accredited,
                clearAccredited);
    }

    private StakeholderRecord ana() {
        return ledger.stakeholders().stream().filter(s -> s.stakeholderId().equals(ANA)).findFirst().orElseThrow();
    }

    @Test
    void aRegistrationCarriesTheAddressStrippedAndTheAccreditation() {
        StakeholderRegistered registered = ledger.registerStakeholder(register(LONDON, true), TODAY);
        books.record(registered);

        assertThat(registered.address().streetSuite()).isEqualTo("1 Poultry\nFloor 3");
        assertThat(registered.accreditedInvestor()).isTrue();
        assertThat(ana().address()).isEqualTo(LONDON);
        assertThat(ana().accreditedInvestor()).isTrue();
    }

    @Test
    void anAddressOutsideOcfsRulesIsRefused() {
        for (Address bad : new Address[] {
                new Address(AddressType.LEGAL, null, null, null, "UK", null),       // not an ISO 3166-1 code
                new Address(AddressType.LEGAL, null, null, null, "gb", null),       // lower case
                new Address(AddressType.LEGAL, null, null, null, null, null),       // country required
                new Address(null, null, null, null, "GB", null),                    // type required
                new Address(AddressType.LEGAL, null, null, "ENGL", "GB", null),     // subdivision 1 to 3
                new Address(AddressType.LEGAL, null, null, null, "GB", "x".repeat(33))}) {
            CapledgerException refused = catchThrowableOfType(CapledgerException.class,
                    () -> ledger.registerStakeholder(register(bad, null), TODAY));
            assertThat(refused).as(bad.toString()).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        }
    }

    @Test
    void anUpdateReplacesTheAddressWholeAndKeepsWhatItOmits() {
        books.record(ledger.registerStakeholder(register(LONDON, true), TODAY));
        Address paris = new Address(AddressType.CONTACT, "5 rue de Rivoli", "Paris", null, "FR", "75001");

        StakeholderUpdated moved = ledger.updateStakeholder(update(paris, false, null, false), TODAY).orElseThrow();
        books.record(moved);

        assertThat(moved.address()).isEqualTo(paris);
        assertThat(moved.accreditedInvestor()).isTrue();
        assertThat(ana().address()).isEqualTo(paris);
        assertThat(books.asOf(MOVED.minusDays(1)).stakeholders().iterator().next().address()).isEqualTo(LONDON);
    }

    @Test
    void clearingSetsTheAddressToNoneAndTheAccreditationToUnknown() {
        books.record(ledger.registerStakeholder(register(LONDON, false), TODAY));

        books.record(ledger.updateStakeholder(update(null, true, null, true), TODAY).orElseThrow());

        assertThat(ana().address()).isNull();
        assertThat(ana().accreditedInvestor()).isNull();
    }

    @Test
    void theSameAddressAndAccreditationRecordNothing() {
        books.record(ledger.registerStakeholder(register(LONDON, false), TODAY));

        assertThat(ledger.updateStakeholder(update(new Address(AddressType.LEGAL, "1 Poultry\nFloor 3", "London",
                "ENG", "GB", "EC2R 8EJ"), false, false, false), TODAY)).isEmpty();
        assertThat(ledger.updateStakeholder(update(null, false, true, false), TODAY)).isPresent();
    }

    @Test
    void anInvalidAddressInAnUpdateIsRefused() {
        books.record(ledger.registerStakeholder(register(null, null), TODAY));

        CapledgerException refused = catchThrowableOfType(CapledgerException.class, () -> ledger.updateStakeholder(
                update(new Address(AddressType.OTHER, null, null, null, "ZZ", null), false, null, false), TODAY));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(refused.getMessage()).contains("ISO 3166-1");
    }
}
