package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;
import static org.capledger.ledger.Books.createClass;
import static org.capledger.ledger.Books.createIssuer;
import static org.capledger.ledger.Books.issue;
import static org.capledger.ledger.Books.register;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.certificate.CertificateOfficer;
import org.capledger.api.certificate.CertificateOfficersSet;
import org.capledger.api.certificate.Legend;
import org.capledger.api.certificate.LegendTemplate;
import org.capledger.api.certificate.ReplaceLostCertificate;
import org.capledger.api.certificate.SetCertificateOfficers;
import org.capledger.api.certificate.SetStockClassLegends;
import org.capledger.api.certificate.StockClassLegendsSet;
import org.capledger.api.stock.StockReissued;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replacing a lost certificate, and what certificates print: officers and class legends. */
class CertificateDecisionsTest {

    private static final LocalDate ISSUED = LocalDate.of(2021, 3, 1);
    private static final StockClassId COMMON = StockClassId.of("common");

    private Books books;
    private Ledger ledger;

    /** Alice holds CS-1, 1,000 Common, since 2021-03-01. */
    @BeforeEach
    void setUp() {
        books = new Books();
        ledger = books.ledger;
        books.record(ledger.createIssuer(createIssuer(null), TODAY));
        books.record(ledger.registerStakeholder(register("alice", "Alice Archer", FORMED, null), TODAY));
        books.record(ledger.createStockClass(createClass("common", "Common", "CS-", FORMED, "10000", false), TODAY));
        books.record(ledger.issueStock(issue("cs1", "alice", "common", ISSUED, "1000"), TODAY));
    }

    @Test
    void aLostCertificateIsReplacedWholeUnderTheNextLabelWithItsAffidavitDate() {
        StockReissued replaced = ledger.replaceLostCertificate(new ReplaceLostCertificate(ISSUER, id("cs1"),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 20), id("cs2"), "left on a train"), TODAY);
        books.record(replaced);

        assertThat(replaced.lostCertificateAffidavitDate()).isEqualTo(LocalDate.of(2024, 1, 20));
        assertThat(replaced.reason()).isEqualTo("left on a train");
        assertThat(replaced.resultingSecurities()).singleElement().satisfies(r -> {
            assertThat(r.securityLabel()).isEqualTo("CS-2");
            assertThat(r.stakeholderId().value()).isEqualTo("alice");
            assertThat(r.quantity()).isEqualTo(Quantity.of(1000));
        });
        assertThat(ledger.findSecurity(id("cs1")).orElseThrow().status()).isEqualTo(SecurityStatus.REISSUED);
        assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(1000));
    }

    @Test
    void aReplacementNeedsAnAffidavitSwornNoLaterThanItAndAnOutstandingSecurity() {
        refused(() -> ledger.replaceLostCertificate(new ReplaceLostCertificate(ISSUER, id("cs1"),
                LocalDate.of(2024, 2, 1), null, id("cs2"), null), TODAY), ErrorCode.INVALID_VALUE);
        refused(() -> ledger.replaceLostCertificate(new ReplaceLostCertificate(ISSUER, id("cs1"),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 2), id("cs2"), null), TODAY), ErrorCode.INVALID_VALUE);
        refused(() -> ledger.replaceLostCertificate(new ReplaceLostCertificate(ISSUER, id("nope"),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 2), id("cs2"), null), TODAY),
                ErrorCode.UNKNOWN_SECURITY);
        refused(() -> ledger.replaceLostCertificate(new ReplaceLostCertificate(ISSUER, id("cs1"),
                LocalDate.of(2021, 2, 1), LocalDate.of(2021, 1, 2), id("cs2"), null), TODAY),
                ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
        refused(() -> ledger.replaceLostCertificate(new ReplaceLostCertificate(ISSUER, id("cs1"),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 2), id("cs1"), null), TODAY),
                ErrorCode.DUPLICATE_SECURITY);

        books.record(ledger.replaceLostCertificate(new ReplaceLostCertificate(ISSUER, id("cs1"),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 20), id("cs2"), null), TODAY));
        refused(() -> ledger.replaceLostCertificate(new ReplaceLostCertificate(ISSUER, id("cs1"),
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 20), id("cs3"), null), TODAY),
                ErrorCode.SECURITY_NOT_OUTSTANDING);
    }

    @Test
    void officersAreAtMostTwoWithNameAndTitle() {
        CertificateOfficersSet set = ledger.setCertificateOfficers(new SetCertificateOfficers(ISSUER, FORMED, List.of(
                new CertificateOfficer(" Ada Lovelace ", "President"),
                new CertificateOfficer("Charles Babbage", "Secretary"))), TODAY);
        assertThat(set.officers()).extracting(CertificateOfficer::name).containsExactly("Ada Lovelace",
                "Charles Babbage");
        assertThat(ledger.setCertificateOfficers(new SetCertificateOfficers(ISSUER, FORMED, null), TODAY).officers())
                .isEmpty();

        refused(() -> ledger.setCertificateOfficers(new SetCertificateOfficers(ISSUER, FORMED, Collections.nCopies(3,
                new CertificateOfficer("A", "B"))), TODAY), ErrorCode.INVALID_VALUE);
        refused(() -> ledger.setCertificateOfficers(new SetCertificateOfficers(ISSUER, FORMED, List.of(
                new CertificateOfficer(" ", "President"))), TODAY), ErrorCode.INVALID_VALUE);
        refused(() -> ledger.setCertificateOfficers(new SetCertificateOfficers(ISSUER, FORMED.minusDays(1), List.of()),
                TODAY), ErrorCode.DATE_BEFORE_FORMATION);
        refused(() -> ledger.setCertificateOfficers(new SetCertificateOfficers(ISSUER, TODAY.plusDays(1), List.of()),
                TODAY), ErrorCode.DATE_IN_FUTURE);
    }

    @Test
    void legendsFromATemplateCarryTheTemplatesTextAndCustomTextIsKept() {
        StockClassLegendsSet set = ledger.setStockClassLegends(new SetStockClassLegends(ISSUER, COMMON, FORMED,
                List.of(new Legend(LegendTemplate.SECURITIES_ACT_1933, null), new Legend(null, " Custom text "))),
                TODAY);

        assertThat(set.legends()).containsExactly(
                new Legend(LegendTemplate.SECURITIES_ACT_1933, LegendTemplate.SECURITIES_ACT_1933.text()),
                new Legend(null, "Custom text"));
        assertThat(set.legends().get(0).text()).contains("SECURITIES ACT OF 1933");
        books.record(set);
        assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(1000));
    }

    @Test
    void aLegendNamesATemplateOrATextNotBothAndTheClassMustExist() {
        refused(() -> ledger.setStockClassLegends(new SetStockClassLegends(ISSUER, COMMON, FORMED, List.of(
                new Legend(LegendTemplate.RULE_701, "also text"))), TODAY), ErrorCode.INVALID_VALUE);
        refused(() -> ledger.setStockClassLegends(new SetStockClassLegends(ISSUER, COMMON, FORMED, List.of(
                new Legend(null, "  "))), TODAY), ErrorCode.INVALID_VALUE);
        refused(() -> ledger.setStockClassLegends(new SetStockClassLegends(ISSUER, COMMON, FORMED, List.of(
                new Legend(null, "x".repeat(4001)))), TODAY), ErrorCode.INVALID_VALUE);
        refused(() -> ledger.setStockClassLegends(new SetStockClassLegends(ISSUER, COMMON, FORMED, Collections.nCopies(
                11, new Legend(LegendTemplate.RULE_701, null))), TODAY), ErrorCode.INVALID_VALUE);
        refused(() -> ledger.setStockClassLegends(new SetStockClassLegends(ISSUER, StockClassId.of("nope"), FORMED,
                List.of()), TODAY), ErrorCode.UNKNOWN_STOCK_CLASS);
    }

    private static SecurityId id(String value) {
        return SecurityId.of(value);
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CapledgerException.class);
        assertThat(((CapledgerException) thrown).code()).as(thrown.getMessage()).isEqualTo(code);
    }
}
