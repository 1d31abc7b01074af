package org.capledger.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.capledger.query.reports.History.balanceGrant;
import static org.capledger.query.reports.History.d;
import static org.capledger.query.reports.History.replaced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.query.reports.IntegrityReport.Check;
import org.capledger.query.reports.IntegrityReport.Finding;
import org.junit.jupiter.api.Test;

/**
 * The integrity checks on hand-made event streams: a rich clean history passes every check, and histories broken on
 * purpose (events built directly, as no Ledger would have accepted them) fail the check they break, naming the date,
 * class, security and figures.
 */
class IntegrityChecksTest {

    private static final String COMMON = "common";
    private static final String PREFERRED = "preferred";

    /** A stock security whose id is its label in lower case. */
    private static ResultingSecurity r(String label, String holder, String stockClass, long quantity) {
        return History.result(label.toLowerCase(Locale.ROOT), label, holder, stockClass, quantity);
    }

    private static CertificateRecord row(String label, String holder, long quantity, boolean active) {
        return new CertificateRecord(label.toLowerCase(Locale.ROOT), label, holder, BigDecimal.valueOf(quantity),
                active);
    }

    /**
     * Every kind of terminal transaction, a retraction, a conversion between classes, exercises of a grant and a
     * warrant, a convertible's conversion and a 2:1 split of Common with its authorized count and a grant adjusted.
     */
    private static History cleanHistory() {
        return new History()
                .formed("2020-01-01", 20_000_000L)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000_000)
                .stockClass(PREFERRED, "Series A Preferred", "PA-", "2020-01-01", 1_000_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 4_000_000, "2020-01-02")
                .issue("cs-2", "CS-2", "bob", COMMON, 1_000_000, "2020-01-02")
                .issue("pa-1", "PA-1", "carol", PREFERRED, 500_000, "2020-03-01")
                .issue("cs-3", "CS-3", "dave", COMMON, 100, "2020-04-01")
                .retract("cs-3", "2020-05-01", "2020-04-01")
                .transfer("cs-1", "2020-06-01", 1_000_000, r("CS-5", "alice", COMMON, 3_000_000),
                        r("CS-4", "carol", COMMON, 1_000_000))
                .cancel("cs-2", "2020-07-01", 200_000, r("CS-6", "bob", COMMON, 800_000))
                .repurchase("cs-6", "2020-08-01", 100_000, r("CS-7", "bob", COMMON, 700_000))
                .reissue("cs-7", "2020-09-01", r("CS-8", "bob", COMMON, 400_000), r("CS-9", "bob", COMMON, 300_000))
                .consolidate("2020-10-01", r("CS-10", "bob", COMMON, 700_000), "cs-8", "cs-9")
                .convert("pa-1", "2021-01-01", 200_000, COMMON, Ratio.of(2, 1), r("PA-2", "carol", PREFERRED, 300_000),
                        r("CS-11", "carol", COMMON, 400_000))
                .grant("opt-1", "OPT-1", "erin", COMMON, 100_000, "2021-02-01")
                .exercise("opt-1", "2021-03-01", 40_000, balanceGrant("opt-2", "OPT-2", 60_000),
                        r("CS-12", "erin", COMMON, 40_000))
                .warrant("w-1", "W-1", "frank", COMMON, 50_000L, "2021-02-01")
                .exerciseWarrant("w-1", "2021-04-01", 50_000, null, r("CS-13", "frank", COMMON, 50_000))
                .convertible("safe-1", "SAFE-1", "gina", "2021-02-01")
                .convertConvertible("safe-1", "2021-05-01", r("CS-14", "gina", COMMON, 25_000))
                .split(COMMON, "2022-01-01", Ratio.of(2, 1), 20_000_000L, List.of(
                        replaced("cs-5", r("CS-15", "alice", COMMON, 6_000_000)),
                        replaced("cs-4", r("CS-16", "carol", COMMON, 2_000_000)),
                        replaced("cs-10", r("CS-17", "bob", COMMON, 1_400_000)),
                        replaced("cs-11", r("CS-18", "carol", COMMON, 800_000)),
                        replaced("cs-12", r("CS-19", "erin", COMMON, 80_000)),
                        replaced("cs-13", r("CS-20", "frank", COMMON, 100_000)),
                        replaced("cs-14", r("CS-21", "gina", COMMON, 50_000))),
                        List.of(new StockClassSplit.Adjustment(SecurityId.of("opt-2"), History.q(120_000), null)));
    }

    /** The register as it should be after {@link #cleanHistory()}: every security, live ones active. */
    private static List<CertificateRecord> cleanRegister() {
        List<CertificateRecord> rows = new ArrayList<>(List.of(
                row("CS-1", "alice", 4_000_000, false), row("CS-2", "bob", 1_000_000, false),
                row("PA-1", "carol", 500_000, false), row("CS-3", "dave", 100, false),
                row("CS-4", "carol", 1_000_000, false), row("CS-5", "alice", 3_000_000, false),
                row("CS-6", "bob", 800_000, false), row("CS-7", "bob", 700_000, false),
                row("CS-8", "bob", 400_000, false), row("CS-9", "bob", 300_000, false),
                row("CS-10", "bob", 700_000, false), row("CS-11", "carol", 400_000, false),
                row("PA-2", "carol", 300_000, true), row("CS-12", "erin", 40_000, false),
                row("CS-13", "frank", 50_000, false), row("CS-14", "gina", 25_000, false),
                row("CS-15", "alice", 6_000_000, true), row("CS-16", "carol", 2_000_000, true),
                row("CS-17", "bob", 1_400_000, true), row("CS-18", "carol", 800_000, true),
                row("CS-19", "erin", 80_000, true), row("CS-20", "frank", 100_000, true),
                row("CS-21", "gina", 50_000, true)));
        return rows;
    }

    private static IntegrityReport report(History history, String asOf, List<CertificateRecord> register) {
        return IntegrityChecks.report(History.ISSUER.value(), history.events, d(asOf), Map.of("test register",
                register));
    }

    private static IntegrityReport report(History history, String asOf) {
        return report(history, asOf, List.of());
    }

    private static Check check(IntegrityReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** @return whether checks 1 to 4 pass (a test without a register fails the fifth as a matter of course) */
    private static boolean ledgerChecksPass(IntegrityReport report) {
        return report.checks().stream().filter(c -> !c.name().equals(IntegrityChecks.CERTIFICATES_CONSISTENT))
                .allMatch(Check::passed);
    }

    private static void onlyFails(IntegrityReport report, String... names) {
        // a test without a register fails the certificates check as a matter of course: judged only when named
        List<String> expected = List.of(names);
        List<String> failing = report.checks().stream().filter(c -> !c.passed()).map(Check::name)
                .filter(name -> expected.contains(name) || !name.equals(IntegrityChecks.CERTIFICATES_CONSISTENT))
                .toList();
        assertThat(failing).as("failing checks").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.passed()).isFalse();
    }

    // ---------------------------------------------------------------- a clean history

    @Test
    void aCleanHistoryOfEveryKindOfTransactionPassesEveryCheck() {
        IntegrityReport report = report(cleanHistory(), "2024-06-30", cleanRegister());

        assertThat(report.checks()).extracting(Check::name).containsExactly(IntegrityChecks.AUTHORIZED_NOT_EXCEEDED,
                IntegrityChecks.TRACED_TO_ISSUANCE, IntegrityChecks.NO_NEGATIVE_POSITION,
                IntegrityChecks.QUANTITIES_CONSERVED, IntegrityChecks.CERTIFICATES_CONSISTENT);
        assertThat(report.checks()).allSatisfy(c -> {
            assertThat(c.passed()).as(c.name() + ": " + c.offending()).isTrue();
            assertThat(c.offending()).isEmpty();
            assertThat(c.examined()).as(c.name()).isPositive();
        });
        assertThat(report.passed()).isTrue();
        assertThat(report.issuerLegalName()).isEqualTo("Acme Corp");
        assertThat(report.eventsFolded()).isEqualTo(cleanHistory().events.size());
        // 21 Common and 2 Preferred securities; ten terminal transactions (the SAFE's conversion is not counted)
        assertThat(check(report, IntegrityChecks.TRACED_TO_ISSUANCE).examined()).isEqualTo(23);
        assertThat(check(report, IntegrityChecks.QUANTITIES_CONSERVED).examined()).isEqualTo(10);
        assertThat(check(report, IntegrityChecks.CERTIFICATES_CONSISTENT).examined()).isEqualTo(23);
    }

    @Test
    void anEarlierDateFoldsOnlyTheEventsThatApplyByThen() {
        IntegrityReport report = report(cleanHistory(), "2020-06-30", cleanRegister());

        assertThat(report.passed()).isTrue();
        assertThat(report.asOf()).isEqualTo(d("2020-06-30"));
        // formation, two classes, four issuances, the retraction (it applies from 2020-04-01), the transfer
        assertThat(report.eventsFolded()).isEqualTo(9);
        assertThat(check(report, IntegrityChecks.TRACED_TO_ISSUANCE).examined()).isEqualTo(6);
        assertThat(check(report, IntegrityChecks.QUANTITIES_CONSERVED).examined()).isEqualTo(2);
        // the register holds the present: compared with every event whatever the date
        assertThat(check(report, IntegrityChecks.CERTIFICATES_CONSISTENT).examined()).isEqualTo(23);
    }

    // ---------------------------------------------------------------- 1. authorized shares

    @Test
    void anIssuanceAboveTheClassAuthorizedFailsFromTheDayItTookEffect() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 1_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 800, "2020-02-01")
                .issue("cs-2", "CS-2", "bob", COMMON, 300, "2020-03-01");

        IntegrityReport report = report(history, "2020-12-31");

        onlyFails(report, IntegrityChecks.AUTHORIZED_NOT_EXCEEDED);
        Check check = check(report, IntegrityChecks.AUTHORIZED_NOT_EXCEEDED);
        assertThat(check.offendingCount()).isEqualTo(1);
        Finding finding = check.offending().get(0);
        assertThat(finding.date()).isEqualTo(d("2020-03-01"));
        assertThat(finding.stockClassId()).isEqualTo(COMMON);
        assertThat(finding.stockClassName()).isEqualTo("Common");
        assertThat(finding.sequence()).isEqualTo(3);
        assertThat(finding.figures()).containsExactly(Map.entry("outstanding", "1100"),
                Map.entry("authorized", "1000"));
        // the day before, nothing was wrong yet
        assertThat(ledgerChecksPass(report(history, "2020-02-29"))).isTrue();
    }

    @Test
    void aRetractionVoidsItsIssuanceFromTheIssuanceDateNotFromItsOwn() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 1_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 800, "2020-02-01")
                .issue("cs-2", "CS-2", "bob", COMMON, 300, "2020-03-01")
                .retract("cs-2", "2020-04-01", "2020-03-01");

        IntegrityReport report = report(history, "2020-12-31");

        assertThat(ledgerChecksPass(report)).as(report.toString()).isTrue();
        // a retraction recorded after the date asked for still voids the issuance from its own date
        assertThat(ledgerChecksPass(report(history, "2020-03-15"))).isTrue();
    }

    @Test
    void theIssuerWideCountBindsAllClassesTogether() {
        History history = new History().formed("2020-01-01", 1_500L)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 1_000)
                .stockClass(PREFERRED, "Preferred", "PA-", "2020-01-01", 1_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 800, "2020-02-01")
                .issue("pa-1", "PA-1", "bob", PREFERRED, 800, "2020-02-01");

        Check check = check(report(history, "2020-12-31"), IntegrityChecks.AUTHORIZED_NOT_EXCEEDED);

        assertThat(check.passed()).isFalse();
        assertThat(check.offending()).singleElement().satisfies(f -> {
            assertThat(f.stockClassId()).isNull();
            assertThat(f.date()).isEqualTo(d("2020-02-01"));
            assertThat(f.figures()).containsEntry("outstanding", "1600").containsEntry("authorized", "1500");
        });
        // raising the issuer's count on a later date ends the breach from then on, not before
        history.issuerAuthorized("2020-06-01", 2_000);
        assertThat(check(report(history, "2020-12-31"), IntegrityChecks.AUTHORIZED_NOT_EXCEEDED).offendingCount())
                .isEqualTo(1);
    }

    @Test
    void loweringTheAuthorizedCountBelowWhatIsOutstandingFailsOnTheAdjustmentDate() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 1_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 800, "2020-02-01")
                .classAuthorized(COMMON, "2021-01-01", 500);

        Finding finding = check(report(history, "2021-12-31"), IntegrityChecks.AUTHORIZED_NOT_EXCEEDED).offending()
                .get(0);

        assertThat(finding.date()).isEqualTo(d("2021-01-01"));
        assertThat(finding.figures()).containsEntry("outstanding", "800").containsEntry("authorized", "500");
    }

    @Test
    void aSplitThatDoublesTheSharesButNotTheAuthorizedCountFails() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 1_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 800, "2020-02-01")
                .split(COMMON, "2021-01-01", Ratio.of(2, 1), 1_000L,
                        List.of(replaced("cs-1", r("CS-2", "alice", COMMON, 1_600))), List.of());

        IntegrityReport report = report(history, "2021-12-31");

        onlyFails(report, IntegrityChecks.AUTHORIZED_NOT_EXCEEDED);
        assertThat(check(report, IntegrityChecks.AUTHORIZED_NOT_EXCEEDED).offending()).singleElement()
                .satisfies(f -> assertThat(f.figures()).containsEntry("outstanding", "1600")
                        .containsEntry("authorized", "1000"));
    }

    @Test
    void aConversionOrAnExerciseThatOverfillsTheTargetClassFails() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 150)
                .stockClass(PREFERRED, "Preferred", "PA-", "2020-01-01", 1_000)
                .issue("pa-1", "PA-1", "alice", PREFERRED, 100, "2020-02-01")
                .convert("pa-1", "2020-03-01", 100, COMMON, Ratio.of(2, 1), null, r("CS-1", "alice", COMMON, 200))
                .grant("opt-1", "OPT-1", "bob", PREFERRED, 5_000, "2020-02-01")
                .exercise("opt-1", "2020-04-01", 5_000, null, r("PA-2", "bob", PREFERRED, 5_000));

        Check check = check(report(history, "2020-12-31"), IntegrityChecks.AUTHORIZED_NOT_EXCEEDED);

        assertThat(check.offending()).extracting(Finding::date, Finding::stockClassId)
                .containsExactly(tuple(d("2020-03-01"), COMMON),
                        tuple(d("2020-04-01"), PREFERRED));
    }

    // ---------------------------------------------------------------- 2. traced to an issuance

    @Test
    void aTransferOfASecurityNeverIssuedLeavesItsResultsUntraced() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 1_000)
                .transfer("ghost", "2020-02-01", 100, null, r("CS-1", "alice", COMMON, 100));

        IntegrityReport report = report(history, "2020-12-31");

        onlyFails(report, IntegrityChecks.TRACED_TO_ISSUANCE, IntegrityChecks.QUANTITIES_CONSERVED);
        assertThat(check(report, IntegrityChecks.TRACED_TO_ISSUANCE).offending()).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("CS-1");
            assertThat(f.transaction()).isEqualTo("TRANSFER");
            assertThat(f.detail()).contains("ghost was never created");
        });
    }

    @Test
    void aSecurityTransferredTwiceLeavesTheSecondResultsUntracedAndAPositionNegative() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 1_000, "2020-02-01")
                .transfer("cs-1", "2020-03-01", 1_000, null, r("CS-2", "bob", COMMON, 1_000))
                .transfer("cs-1", "2020-04-01", 1_000, null, r("CS-3", "carol", COMMON, 1_000));

        IntegrityReport report = report(history, "2020-12-31");

        onlyFails(report, IntegrityChecks.TRACED_TO_ISSUANCE, IntegrityChecks.NO_NEGATIVE_POSITION);
        assertThat(check(report, IntegrityChecks.TRACED_TO_ISSUANCE).offending()).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("CS-3");
            assertThat(f.detail()).contains("CS-1 had already been extinguished by a TRANSFER on 2020-03-01");
        });
        assertThat(check(report, IntegrityChecks.NO_NEGATIVE_POSITION).offending()).singleElement().satisfies(f -> {
            assertThat(f.stakeholderId()).isEqualTo("alice");
            assertThat(f.date()).isEqualTo(d("2020-04-01"));
            assertThat(f.figures()).containsEntry("position", "-1000");
        });
    }

    @Test
    void stockFromAGrantNeverIssuedIsUntracedAndSoIsWhatWasMadeOfIt() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .exercise("opt-9", "2020-03-01", 100, null, r("CS-1", "alice", COMMON, 100))
                .transfer("cs-1", "2020-04-01", 100, null, r("CS-2", "bob", COMMON, 100));

        Check check = check(report(history, "2020-12-31"), IntegrityChecks.TRACED_TO_ISSUANCE);

        assertThat(check.offending()).extracting(Finding::label, Finding::detail).containsExactly(
                tuple("CS-1", "its grant, warrant or convertible opt-9 was never issued"),
                tuple("CS-2", "its chain breaks at CS-1: its grant, warrant or "
                        + "convertible opt-9 was never issued"));
    }

    @Test
    void aTransferDatedBeforeItsSourceWasIssuedIsUntracedAndLeavesAPositionNegative() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 1_000, "2020-05-01")
                .transfer("cs-1", "2020-03-01", 1_000, null, r("CS-2", "bob", COMMON, 1_000));

        IntegrityReport report = report(history, "2020-12-31");

        onlyFails(report, IntegrityChecks.TRACED_TO_ISSUANCE, IntegrityChecks.NO_NEGATIVE_POSITION);
        assertThat(check(report, IntegrityChecks.TRACED_TO_ISSUANCE).offending().get(0).detail())
                .isEqualTo("its source CS-1 came to be on 2020-05-01, after this security's 2020-03-01");
        assertThat(check(report, IntegrityChecks.NO_NEGATIVE_POSITION).offending()).singleElement()
                .satisfies(f -> assertThat(f.date()).isEqualTo(d("2020-03-01")));
    }

    // ---------------------------------------------------------------- 3. no negative position

    @Test
    void aSecurityCancelledTwiceDrivesItsHolderNegative() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 800, "2020-02-01")
                .cancel("cs-1", "2020-03-01", 800, null)
                .cancel("cs-1", "2020-04-01", 800, null);

        IntegrityReport report = report(history, "2020-12-31");

        onlyFails(report, IntegrityChecks.NO_NEGATIVE_POSITION);
        Finding finding = check(report, IntegrityChecks.NO_NEGATIVE_POSITION).offending().get(0);
        assertThat(finding.date()).isEqualTo(d("2020-04-01"));
        assertThat(finding.stakeholderId()).isEqualTo("alice");
        assertThat(finding.stockClassId()).isEqualTo(COMMON);
        assertThat(finding.sequence()).isEqualTo(4);
        assertThat(finding.figures()).containsEntry("position", "-800");
    }

    @Test
    void aSecurityOfNoSharesIsReported() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 0, "2020-02-01");

        IntegrityReport report = report(history, "2020-12-31");

        onlyFails(report, IntegrityChecks.NO_NEGATIVE_POSITION);
        assertThat(check(report, IntegrityChecks.NO_NEGATIVE_POSITION).offending()).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("CS-1");
            assertThat(f.figures()).containsEntry("quantity", "0");
        });
    }

    @Test
    void aLongListOfOffendersIsCutButCountedInFull() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000);
        for (int i = 1; i <= 150; i++) {
            history.issue("cs-" + i, "CS-" + i, "alice", COMMON, 0, "2020-02-01");
        }

        Check check = check(report(history, "2020-12-31"), IntegrityChecks.NO_NEGATIVE_POSITION);

        assertThat(check.offendingCount()).isEqualTo(150);
        assertThat(check.offending()).hasSize(IntegrityReport.MAX_LISTED);
    }

    // ---------------------------------------------------------------- 4. quantities conserved

    @Test
    void aTransferWhoseResultsAndBalanceDoNotAddUpToItsSourceFails() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 1_000, "2020-02-01")
                .transfer("cs-1", "2020-03-01", 300, r("CS-3", "alice", COMMON, 600), r("CS-2", "bob", COMMON, 300));

        IntegrityReport report = report(history, "2020-12-31");

        onlyFails(report, IntegrityChecks.QUANTITIES_CONSERVED);
        assertThat(check(report, IntegrityChecks.QUANTITIES_CONSERVED).offending()).singleElement().satisfies(f -> {
            assertThat(f.transaction()).isEqualTo("TRANSFER");
            assertThat(f.label()).isEqualTo("CS-1");
            assertThat(f.figures()).containsExactly(Map.entry("source", "1000"), Map.entry("resulting", "300"),
                    Map.entry("balance", "600"));
        });
    }

    @Test
    void aCancellationWithAWrongBalanceFails() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 1_000, "2020-02-01")
                .cancel("cs-1", "2020-03-01", 100, r("CS-2", "alice", COMMON, 950));

        Finding finding = check(report(history, "2020-12-31"), IntegrityChecks.QUANTITIES_CONSERVED).offending()
                .get(0);

        assertThat(finding.figures()).containsExactly(Map.entry("source", "1000"), Map.entry("cancelled", "100"),
                Map.entry("balance", "950"));
    }

    @Test
    void aConversionAtAnotherRatioThanItsOwnFails() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .stockClass(PREFERRED, "Preferred", "PA-", "2020-01-01", 10_000)
                .issue("pa-1", "PA-1", "alice", PREFERRED, 100, "2020-02-01")
                .convert("pa-1", "2020-03-01", 100, COMMON, Ratio.of(2, 1), null, r("CS-1", "alice", COMMON, 150));

        IntegrityReport report = report(history, "2020-12-31");

        onlyFails(report, IntegrityChecks.QUANTITIES_CONSERVED);
        assertThat(check(report, IntegrityChecks.QUANTITIES_CONSERVED).offending()).singleElement()
                .satisfies(f -> assertThat(f.figures()).containsEntry("ratio", "2:1").containsEntry("expected", "200")
                        .containsEntry("resulting", "150"));
    }

    @Test
    void aSplitReplacementOffTheRatioAndASecurityLeftUnsplitFail() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .issue("cs-1", "CS-1", "alice", COMMON, 100, "2020-02-01")
                .issue("cs-2", "CS-2", "bob", COMMON, 100, "2020-02-01")
                .split(COMMON, "2021-01-01", Ratio.of(3, 1), 30_000L,
                        List.of(replaced("cs-1", r("CS-3", "alice", COMMON, 200))), List.of());

        Check check = check(report(history, "2021-12-31"), IntegrityChecks.QUANTITIES_CONSERVED);

        assertThat(check.offending()).extracting(Finding::label, Finding::detail).containsExactlyInAnyOrder(
                tuple("CS-1", "the replacement is not its source at the split ratio 3:1"),
                tuple("CS-2", "outstanding in the split class on the split's date but "
                        + "not replaced by it"));
    }

    @Test
    void anExerciseThatIssuesMoreStockThanExercisedFails() {
        History history = new History().formed("2020-01-01", null)
                .stockClass(COMMON, "Common", "CS-", "2020-01-01", 10_000)
                .grant("opt-1", "OPT-1", "erin", COMMON, 1_000, "2020-02-01")
                .exercise("opt-1", "2020-03-01", 100, balanceGrant("opt-2", "OPT-2", 900),
                        r("CS-1", "erin", COMMON, 150))
                .warrant("w-1", "W-1", "frank", COMMON, 500L, "2020-02-01")
                .exerciseWarrant("w-1", "2020-03-01", 100, balanceGrant("w-2", "W-2", 300),
                        r("CS-2", "frank", COMMON, 100));

        Check check = check(report(history, "2020-12-31"), IntegrityChecks.QUANTITIES_CONSERVED);

        assertThat(check.examined()).isEqualTo(2);
        assertThat(check.offending()).extracting(Finding::label, Finding::figures).containsExactlyInAnyOrder(
                tuple("OPT-1", Map.of("exercised", "100", "resulting", "150")),
                tuple("W-1", Map.of("source", "500", "taken", "100", "balance", "300")));
    }

    // ---------------------------------------------------------------- 5. certificates

    @Test
    void everyDifferenceBetweenTheRegisterAndTheEventsIsReported() {
        List<CertificateRecord> register = new ArrayList<>(cleanRegister());
        register.removeIf(row -> row.label().equals("CS-15"));
        register.replaceAll(row -> switch (row.label()) {
            case "CS-16" -> new CertificateRecord(row.securityId(), "CS-99", row.stakeholderId(), row.quantity(), true);
            case "CS-17" -> new CertificateRecord(row.securityId(), row.label(), "mallory", new BigDecimal("1400001"),
                    true);
            case "CS-1" -> new CertificateRecord(row.securityId(), row.label(), row.stakeholderId(), row.quantity(),
                    true);
            default -> row;
        });
        register.add(new CertificateRecord("forged", "CS-100", "mallory", BigDecimal.TEN, true));

        IntegrityReport report = report(cleanHistory(), "2024-06-30", register);

        onlyFails(report, IntegrityChecks.CERTIFICATES_CONSISTENT);
        Check check = check(report, IntegrityChecks.CERTIFICATES_CONSISTENT);
        assertThat(check.examined()).isEqualTo(24);
        assertThat(check.offending()).extracting(Finding::label, Finding::detail).containsExactlyInAnyOrder(
                tuple("CS-15", "no row in the register"),
                tuple("CS-16", "the register differs from the events"),
                tuple("CS-17", "the register differs from the events"),
                tuple("CS-1", "the register differs from the events"),
                tuple("CS-100", "a row for a security the events never created"));
        assertThat(check.offending()).filteredOn(f -> "CS-16".equals(f.label())).singleElement()
                .satisfies(f -> assertThat(f.figures()).containsExactly(Map.entry("register", "test register"),
                        Map.entry("label", "CS-16 in the events, CS-99 in the register")));
        assertThat(check.offending()).filteredOn(f -> "CS-17".equals(f.label())).singleElement()
                .satisfies(f -> assertThat(f.figures()).containsExactly(Map.entry("register", "test register"),
                        Map.entry("stakeholderId", "bob in the events, mallory in the register"),
                        Map.entry("quantity", "1400000 in the events, 1400001 in the register")));
        assertThat(check.offending()).filteredOn(f -> "CS-1".equals(f.label())).singleElement()
                .satisfies(f -> {
                    assertThat(f.figures()).containsExactly(Map.entry("register", "test register"),
                            Map.entry("active", "false in the events, true in the register"));
                    assertThat(f.transaction()).isEqualTo("TRANSFER");
                    assertThat(f.date()).isEqualTo(d("2020-06-01"));
                });
    }

    @Test
    void everyRegisterIsCheckedAndEachFindingNamesItsRegister() {
        List<CertificateRecord> lagging = new ArrayList<>(cleanRegister());
        lagging.removeIf(row -> row.label().equals("CS-21"));
        Map<String, List<CertificateRecord>> registers = new java.util.LinkedHashMap<>();
        registers.put("certificate", cleanRegister());
        registers.put("security_view", lagging);

        IntegrityReport report = IntegrityChecks.report(History.ISSUER.value(), cleanHistory().events,
                d("2024-06-30"), registers);

        Check check = check(report, IntegrityChecks.CERTIFICATES_CONSISTENT);
        assertThat(check.examined()).isEqualTo(46);
        assertThat(check.description()).contains("(certificate, security_view)");
        assertThat(check.offending()).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("CS-21");
            assertThat(f.figures()).containsExactly(Map.entry("register", "security_view"));
        });
    }
}
