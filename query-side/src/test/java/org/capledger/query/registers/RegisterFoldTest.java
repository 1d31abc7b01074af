package org.capledger.query.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capledger.api.CapTableEvent;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockCancelled;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockConverted;
import org.capledger.api.stock.StockRetracted;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;
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
import org.capledger.api.value.StockPlanId;
import org.capledger.query.registers.RegisterOfMembersView.Holding;
import org.capledger.query.registers.RegisterOfMembersView.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stock ledger and the register of members folded from events, without Spring or a database. */
class RegisterFoldTest {

    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    private static final StakeholderId ANA = StakeholderId.of("ana");
    private static final StakeholderId BEN = StakeholderId.of("ben");
    private static final StockClassId ORDINARY = StockClassId.of("ordinary");
    private static final StockClassId PREFERENCE = StockClassId.of("preference");
    private static final Address LONDON = new Address(AddressType.LEGAL, "1 Poultry", "London", null, "GB",
            "EC2R 8EJ");

    private final List<RecordedEvent> events = new ArrayList<>();

    @BeforeEach
    void formedWithTwoStakeholdersAndTwoClasses() {
        record(new IssuerCreated(ISSUER, "Acme Ltd", FORMED, "GB", null, null, null));
        record(new StakeholderRegistered(ISSUER, ANA, FORMED, StakeholderType.INDIVIDUAL,
                new StakeholderName("Ana Alves", null, null), null, StakeholderRelationship.FOUNDER, LONDON, null));
        record(new StakeholderRegistered(ISSUER, BEN, FORMED, StakeholderType.INDIVIDUAL,
                new StakeholderName("Ben Brook", null, null), null, StakeholderRelationship.INVESTOR, null, true));
        record(new StockClassCreated(ISSUER, ORDINARY, FORMED, "Ordinary", StockClassType.COMMON, "ORD-", null,
                Quantity.of(1), 1, Quantity.of(1_000_000), false, null));
        record(new StockClassCreated(ISSUER, PREFERENCE, FORMED, "Preference", StockClassType.PREFERRED, "PRF-", null,
                Quantity.of(1), 2, Quantity.of(10_000), false, null));
    }

    // ---------------------------------------------------------------- stock ledger

    @Test
    void anIssuanceIsOneLineWithItsPriceConsiderationAndCertificate() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-02-01", 1000, "0.01");

        StockLedgerEntry line = only(ledger(TODAY).entries());

        assertThat(line.kind()).isEqualTo("ISSUANCE");
        assertThat(line.effectiveDate()).isEqualTo(LocalDate.of(2020, 2, 1));
        assertThat(line.holderName()).isEqualTo("Ana Alves");
        assertThat(line.stakeholderId()).isEqualTo("ana");
        assertThat(line.stockClassName()).isEqualTo("Ordinary");
        assertThat(line.shares()).isEqualTo("1000");
        assertThat(line.pricePerShare()).isEqualTo(Money.of("0.01", "GBP"));
        assertThat(line.consideration()).isEqualTo("Cash");
        assertThat(line.certificatesIn()).containsExactly("ORD-1");
        assertThat(line.certificatesOut()).isEmpty();
        assertThat(line.balanceCertificate()).isNull();
        assertThat(line.eventType()).isEqualTo("StockIssued");
        assertThat(line.eventId()).isEqualTo("event-5");
        assertThat(line.sequenceNumber()).isEqualTo(5);
        assertThat(line.recordedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:05Z"));
    }

    @Test
    void aPartialTransferHasALineForEachHolderAndNamesTheBalanceCertificate() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-02-01", 1000, "0.01");
        record(new StockTransferred(ISSUER, SecurityId.of("s1"), date("2021-03-01"), Quantity.of(300), "GBP 600",
                List.of(result("s2", "ORD-2", BEN, ORDINARY, 300)), result("s3", "ORD-3", ANA, ORDINARY, 700)));

        List<StockLedgerEntry> lines = ledger(TODAY).entries();

        assertThat(lines).hasSize(3);
        StockLedgerEntry from = lines.get(1);
        StockLedgerEntry to = lines.get(2);
        assertThat(from.kind()).isEqualTo("TRANSFER");
        assertThat(from.stakeholderId()).isEqualTo("ana");
        assertThat(from.shares()).isEqualTo("-300");
        assertThat(from.certificatesOut()).containsExactly("ORD-1");
        assertThat(from.certificatesIn()).containsExactly("ORD-3");
        assertThat(from.balanceCertificate()).isEqualTo("ORD-3");
        assertThat(from.consideration()).isEqualTo("GBP 600");
        assertThat(to.stakeholderId()).isEqualTo("ben");
        assertThat(to.shares()).isEqualTo("300");
        assertThat(to.certificatesIn()).containsExactly("ORD-2");
        assertThat(to.certificatesOut()).isEmpty();
        assertThat(to.balanceCertificate()).isNull();
    }

    @Test
    void aCancellationTakesSharesOutAndLeavesABalance() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-02-01", 1000, "0.01");
        record(new StockCancelled(ISSUER, SecurityId.of("s1"), date("2022-01-01"), Quantity.of(250), "Forfeited",
                result("s2", "ORD-2", ANA, ORDINARY, 750)));

        StockLedgerEntry cancelled = ledger(TODAY).entries().get(1);

        assertThat(cancelled.kind()).isEqualTo("CANCELLATION");
        assertThat(cancelled.shares()).isEqualTo("-250");
        assertThat(cancelled.certificatesOut()).containsExactly("ORD-1");
        assertThat(cancelled.balanceCertificate()).isEqualTo("ORD-2");
        assertThat(cancelled.memo()).isEqualTo("Forfeited");
        assertThat(holding(register(TODAY), "ana", "ordinary").shares()).isEqualTo(Quantity.of(750));
        assertThat(holding(register(TODAY), "ana", "ordinary").amountPaidUp())
                .containsExactly(Money.of("7.5", "GBP"));
    }

    @Test
    void aSplitReplacesEveryHoldersCertificatesAndCarriesTheAmountPaid() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-02-01", 1000, "0.01");
        issue("s2", "ORD-2", BEN, ORDINARY, "2020-02-01", 500, "0.03");
        record(new StockClassSplit(ISSUER, ORDINARY, date("2022-01-01"), Ratio.of(3, 1), Quantity.of(3_000_000),
                "Board 2021-12-15", List.of(
                new StockClassSplit.Replacement(SecurityId.of("s1"), result("s3", "ORD-3", ANA, ORDINARY, 3000)),
                new StockClassSplit.Replacement(SecurityId.of("s2"), result("s4", "ORD-4", BEN, ORDINARY, 1500))),
                null, null, null));

        List<StockLedgerEntry> lines = ledger(TODAY).entries();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(2).kind()).isEqualTo("SPLIT");
        assertThat(lines.get(2).shares()).isEqualTo("2000");
        assertThat(lines.get(2).certificatesOut()).containsExactly("ORD-1");
        assertThat(lines.get(2).certificatesIn()).containsExactly("ORD-3");
        assertThat(lines.get(2).memo()).isEqualTo("3:1 split of Ordinary: Board 2021-12-15");
        assertThat(lines.get(3).stakeholderId()).isEqualTo("ben");
        assertThat(lines.get(3).shares()).isEqualTo("1000");
        Holding bens = holding(register(TODAY), "ben", "ordinary");
        assertThat(bens.shares()).isEqualTo(Quantity.of(1500));
        assertThat(bens.certificates()).containsExactly("ORD-4");
        assertThat(bens.amountPaidUp()).containsExactly(Money.of("15", "GBP"));
    }

    @Test
    void aPartialConversionMovesSharesBetweenClassesWithTheirAmountPaid() {
        issue("p1", "PRF-1", BEN, PREFERENCE, "2020-02-01", 1000, "1");
        record(new StockConverted(ISSUER, SecurityId.of("p1"), date("2022-06-01"), Quantity.of(400), ORDINARY,
                Ratio.of(2, 1), List.of(result("o1", "ORD-1", BEN, ORDINARY, 800)),
                result("p2", "PRF-2", BEN, PREFERENCE, 600)));

        List<StockLedgerEntry> lines = ledger(TODAY).entries();

        assertThat(lines).hasSize(3);
        StockLedgerEntry out = lines.get(1);
        StockLedgerEntry in = lines.get(2);
        assertThat(out.kind()).isEqualTo("CONVERSION");
        assertThat(out.stockClassId()).isEqualTo("preference");
        assertThat(out.shares()).isEqualTo("-400");
        assertThat(out.certificatesOut()).containsExactly("PRF-1");
        assertThat(out.balanceCertificate()).isEqualTo("PRF-2");
        assertThat(out.memo()).isEqualTo("into Ordinary at 2:1");
        assertThat(in.stockClassId()).isEqualTo("ordinary");
        assertThat(in.shares()).isEqualTo("800");
        assertThat(in.certificatesIn()).containsExactly("ORD-1");
        RegisterOfMembersView register = register(TODAY);
        assertThat(holding(register, "ben", "ordinary").amountPaidUp()).containsExactly(Money.of("400", "GBP"));
        assertThat(holding(register, "ben", "preference").amountPaidUp()).containsExactly(Money.of("600", "GBP"));
    }

    @Test
    void aBackDatedTransactionIsListedAtItsEffectiveDateAndOneDayInRecordingOrder() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-06-01", 100, "1");
        issue("s2", "ORD-2", BEN, ORDINARY, "2020-03-01", 200, "1");
        issue("s3", "ORD-3", ANA, ORDINARY, "2020-06-01", 300, "1");
        issue("s4", "ORD-4", BEN, ORDINARY, "2020-06-01", 400, "1");

        List<StockLedgerEntry> lines = ledger(TODAY).entries();

        assertThat(lines).extracting(l -> l.certificatesIn().get(0))
                .containsExactly("ORD-2", "ORD-1", "ORD-3", "ORD-4");
        assertThat(lines).extracting(StockLedgerEntry::sequenceNumber).containsExactly(6L, 5L, 7L, 8L);
    }

    @Test
    void asOfKeepsTheLinesEffectiveByThenWithLabelsFromEventsRecordedEarlier() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-02-01", 1000, "0.01");
        record(new StockTransferred(ISSUER, SecurityId.of("s1"), date("2021-03-01"), Quantity.of(1000), null,
                List.of(result("s2", "ORD-2", BEN, ORDINARY, 1000)), null));
        // recorded after the transfer, effective before it
        issue("s3", "ORD-3", BEN, ORDINARY, "2021-01-01", 10, "0.01");

        assertThat(ledger(LocalDate.of(2021, 2, 28)).entries()).extracting(StockLedgerEntry::kind)
                .containsExactly("ISSUANCE", "ISSUANCE");
        assertThat(ledger(LocalDate.of(2021, 3, 1)).entries()).extracting(StockLedgerEntry::kind)
                .containsExactly("ISSUANCE", "ISSUANCE", "TRANSFER", "TRANSFER");
        assertThat(ledger(LocalDate.of(2021, 3, 1)).entries().get(2).certificatesOut()).containsExactly("ORD-1");
        assertThat(ledger(LocalDate.of(2020, 1, 31)).entries()).isEmpty();
    }

    @Test
    void aRetractionIsListedAtItsOwnDateAndVoidsTheIssuanceInTheRegister() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-02-01", 500, "0.01");
        issue("s2", "ORD-2", BEN, ORDINARY, "2020-02-01", 100, "0.01");
        record(new StockRetracted(ISSUER, SecurityId.of("s1"), date("2023-01-01"), "No board approval",
                date("2020-02-01")));

        StockLedgerEntry retraction = ledger(TODAY).entries().get(2);

        assertThat(retraction.kind()).isEqualTo("RETRACTION");
        assertThat(retraction.effectiveDate()).isEqualTo(date("2023-01-01"));
        assertThat(retraction.shares()).isEqualTo("-500");
        assertThat(retraction.memo()).isEqualTo("void from 2020-02-01: No board approval");
        assertThat(ledger(date("2021-01-01")).entries()).hasSize(2);
        assertThat(register(date("2021-01-01")).members()).extracting(Member::stakeholderId).containsExactly("ben");
    }

    @Test
    void anOptionExerciseIssuesStockAtTheExercisePrice() {
        record(new EquityCompensationIssued(ISSUER, SecurityId.of("g1"), date("2020-03-01"), "OPT-1", BEN,
                StockPlanId.of("plan"), ORDINARY, CompensationType.OPTION_NSO, Quantity.of(100),
                Money.of("0.5", "GBP"), null, false, null, null, date("2030-03-01"), null, null, null));
        record(new EquityCompensationExercised(ISSUER, SecurityId.of("g1"), date("2021-04-01"), Quantity.of(40),
                "Cheque", List.of(result("x1", "ORD-1", BEN, ORDINARY, 40)),
                new ResultingGrant(SecurityId.of("g2"), "OPT-2", Quantity.of(60))));

        StockLedgerEntry exercise = only(ledger(TODAY).entries());

        assertThat(exercise.kind()).isEqualTo("EXERCISE");
        assertThat(exercise.shares()).isEqualTo("40");
        assertThat(exercise.pricePerShare()).isEqualTo(Money.of("0.5", "GBP"));
        assertThat(exercise.consideration()).isEqualTo("Cheque");
        assertThat(exercise.memo()).isEqualTo("exercise of OPT-1");
        assertThat(holding(register(TODAY), "ben", "ordinary").amountPaidUp())
                .containsExactly(Money.of("20", "GBP"));
    }

    // ---------------------------------------------------------------- register of members

    @Test
    void aMemberEntersWithItsFirstSharesAndCeasesWhenItHasNoneLeftAndMayComeBack() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-02-01", 1000, "0.01");
        record(new StockTransferred(ISSUER, SecurityId.of("s1"), date("2021-03-01"), Quantity.of(1000), null,
                List.of(result("s2", "ORD-2", BEN, ORDINARY, 1000)), null));
        record(new StockTransferred(ISSUER, SecurityId.of("s2"), date("2022-05-01"), Quantity.of(100), null,
                List.of(result("s3", "ORD-3", ANA, ORDINARY, 100)), result("s4", "ORD-4", BEN, ORDINARY, 900)));

        RegisterOfMembersView register = register(TODAY);

        assertThat(register.members()).extracting(Member::stakeholderId, Member::enteredOn, Member::ceasedOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ana", date("2020-02-01"), date("2021-03-01")),
                        org.assertj.core.groups.Tuple.tuple("ana", date("2022-05-01"), null),
                        org.assertj.core.groups.Tuple.tuple("ben", date("2021-03-01"), null));
        assertThat(register.members().get(0).holdings()).isEmpty();
        assertThat(register.members().get(1).holdings()).singleElement()
                .satisfies(h -> assertThat(h.certificates()).containsExactly("ORD-3"));
        assertThat(register.members().get(1).address()).isEqualTo(LONDON);
        assertThat(holding(register, "ben", "ordinary").certificates()).containsExactly("ORD-4");
        // the amount paid on ORD-1 went with its shares: 900 of them at 0.01
        assertThat(holding(register, "ben", "ordinary").amountPaidUp()).containsExactly(Money.of("9", "GBP"));

        assertThat(register(date("2021-12-31")).members()).extracting(Member::stakeholderId, Member::ceasedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", date("2021-03-01")),
                        org.assertj.core.groups.Tuple.tuple("ben", null));
    }

    @Test
    void nameAndAddressAreThoseInForceOnTheDate() {
        issue("s1", "ORD-1", ANA, ORDINARY, "2020-02-01", 10, "1");
        Address paris = new Address(AddressType.LEGAL, "5 rue de Rivoli", "Paris", null, "FR", "75001");
        record(new StakeholderUpdated(ISSUER, ANA, date("2023-01-01"), new StakeholderName("Ana Alves-Brook", null,
                null), null, StakeholderRelationship.FOUNDER, paris, null));

        assertThat(register(date("2022-12-31")).members().get(0).address()).isEqualTo(LONDON);
        assertThat(register(date("2022-12-31")).members().get(0).name()).isEqualTo("Ana Alves");
        assertThat(register(TODAY).members().get(0).address()).isEqualTo(paris);
        assertThat(ledger(TODAY).entries().get(0).holderName()).isEqualTo("Ana Alves-Brook");
    }

    // ---------------------------------------------------------------- helpers

    private void record(CapTableEvent event) {
        int n = events.size();
        events.add(new RecordedEvent(event, n, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(n), "event-" + n));
    }

    private void issue(String id, String label, StakeholderId holder, StockClassId stockClass, String date,
                       long shares, String price) {
        record(new StockIssued(ISSUER, SecurityId.of(id), date(date), label, holder, stockClass, Quantity.of(shares),
                Money.of(price, "GBP"), "Cash"));
    }

    private static ResultingSecurity result(String id, String label, StakeholderId holder, StockClassId stockClass,
                                            long shares) {
        return new ResultingSecurity(SecurityId.of(id), label, holder, stockClass, Quantity.of(shares));
    }

    private StockLedgerView ledger(LocalDate asOf) {
        return RegisterFold.of(asOf, events).stockLedger();
    }

    private RegisterOfMembersView register(LocalDate asOf) {
        return RegisterFold.of(asOf, events).registerOfMembers();
    }

    private static Holding holding(RegisterOfMembersView register, String stakeholderId, String stockClassId) {
        return register.members().stream().filter(m -> m.stakeholderId().equals(stakeholderId) && m.ceasedOn() == null)
                .flatMap(m -> m.holdings().stream()).filter(h -> h.stockClassId().equals(stockClassId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + stockClassId + " of " + stakeholderId));
    }

    private static StockLedgerEntry only(List<StockLedgerEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
