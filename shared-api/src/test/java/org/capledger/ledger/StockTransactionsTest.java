package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;
import static org.capledger.ledger.Books.createClass;
import static org.capledger.ledger.Books.createIssuer;
import static org.capledger.ledger.Books.issue;
import static org.capledger.ledger.Books.register;

import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.stock.AcceptStock;
import org.capledger.api.stock.CancelStock;
import org.capledger.api.stock.ConsolidateStock;
import org.capledger.api.stock.ConvertStock;
import org.capledger.api.stock.ReissueStock;
import org.capledger.api.stock.RepurchaseStock;
import org.capledger.api.stock.RetractStock;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stock.Transferee;
import org.capledger.api.stockclass.AdjustConversionRatio;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The stock lifecycle after issuance, with OCF's semantics: terminal transactions extinguish their source and
 * hand what remains to new securities; an extinguished security accepts nothing more; back-dated entries that
 * would invalidate a later state are refused.
 */
class StockTransactionsTest {

    private static final LocalDate ISSUED = LocalDate.of(2021, 3, 1);
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockClassId PREFERRED = StockClassId.of("preferred");

    private Books books;
    private Ledger ledger;

    /**
     * Alice, Bob and Carol since formation; Common (CS-, 10,000 authorized) and Preferred (PS-, 1,000 authorized,
     * converting 1:1 into Common); CS-1 is Alice's 1,000 Common from 2021-03-01, PS-1 Bob's 100 Preferred.
     */
    @BeforeEach
    void setUp() {
        books = new Books();
        ledger = books.ledger;
        books.record(ledger.createIssuer(createIssuer(null), TODAY));
        books.record(ledger.registerStakeholder(register("alice", "Alice Archer", FORMED, null), TODAY));
        books.record(ledger.registerStakeholder(register("bob", "Bob Baker", FORMED, null), TODAY));
        books.record(ledger.registerStakeholder(register("carol", "Carol Cole", FORMED, null), TODAY));
        books.record(ledger.createStockClass(createClass("common", "Common", "CS-", FORMED, "10000", false), TODAY));
        books.record(ledger.createStockClass(new CreateStockClass(ISSUER, PREFERRED, FORMED, "Preferred",
                StockClassType.PREFERRED, "PS-", null, Quantity.of(1), 2, Quantity.of(1000), false,
                List.of(new ConversionRight(COMMON, Ratio.of(1, 1), null))), TODAY));
        books.record(ledger.issueStock(issue("cs1", "alice", "common", ISSUED, "1000"), TODAY));
        books.record(ledger.issueStock(issue("ps1", "bob", "preferred", ISSUED, "100"), TODAY));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static SecurityId id(String value) {
        return SecurityId.of(value);
    }

    private StockSecurity security(String id) {
        return ledger.findSecurity(id(id)).orElseThrow();
    }

    private static CapledgerException refused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CapledgerException.class);
        CapledgerException refusal = (CapledgerException) thrown;
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
        return refusal;
    }

    private TransferStock transfer(String source, LocalDate date, String to, String quantity, String newId,
                                   String balanceId) {
        return new TransferStock(ISSUER, id(source), date,
                List.of(new Transferee(StakeholderId.of(to), Quantity.of(quantity), id(newId))), "USD 1 per share",
                balanceId == null ? null : id(balanceId));
    }

    private CancelStock cancel(String source, LocalDate date, String quantity, String balanceId) {
        return new CancelStock(ISSUER, id(source), date, Quantity.of(quantity), "Forfeited",
                balanceId == null ? null : id(balanceId));
    }

    /** Holder → shares of a class, as the cap table computes positions. */
    private static List<org.assertj.core.groups.Tuple> positions(Ledger l, StockClassId stockClass) {
        return l.capTable(TODAY).holders().stream()
                .flatMap(h -> h.positions().stream().filter(p -> p.stockClassId().equals(stockClass))
                        .map(p -> tuple(h.stakeholderId().value(), p.shares().toString())))
                .toList();
    }

    /** After every test: the fold of the recorded stream is the state the decisions saw. */
    private void assertReplayMatches() {
        assertThat(books.asOf(TODAY).securities()).containsExactlyInAnyOrderElementsOf(ledger.securities());
    }

    @Nested
    class Transfers {

        @Test
        void partialTransferExtinguishesTheSourceAndIssuesTransfereeAndBalanceSecurities() {
            StockTransferred e = books.record(ledger.transferStock(
                    transfer("cs1", date("2022-01-10"), "bob", "400", "cs2", "cs3"), TODAY));

            assertThat(e.quantity()).isEqualTo(Quantity.of(400));
            assertThat(e.resultingSecurities()).extracting(r -> r.securityLabel(), r -> r.stakeholderId().value(),
                    r -> r.quantity().toString()).containsExactly(tuple("CS-2", "bob", "400"));
            assertThat(e.balance().securityLabel()).isEqualTo("CS-3");
            assertThat(e.balance().quantity()).isEqualTo(Quantity.of(600));
            assertThat(security("cs1").status()).isEqualTo(SecurityStatus.TRANSFERRED);
            assertThat(security("cs1").resultingSecurityIds()).containsExactly(id("cs2"), id("cs3"));
            assertThat(security("cs2").sourceSecurityIds()).containsExactly(id("cs1"));
            assertThat(security("cs2").origin()).isEqualTo("TRANSFER");
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(1000));
            assertThat(positions(ledger, COMMON)).containsExactlyInAnyOrder(tuple("alice", "600"), tuple("bob", "400"));
            assertReplayMatches();
        }

        @Test
        void transferToSeveralHoldersOfTheWholeSecurityNeedsNoBalance() {
            TransferStock command = new TransferStock(ISSUER, id("cs1"), date("2022-01-10"), List.of(
                    new Transferee(StakeholderId.of("bob"), Quantity.of(300), id("cs2")),
                    new Transferee(StakeholderId.of("carol"), Quantity.of(700), id("cs3"))), null, id("unused"));

            StockTransferred e = books.record(ledger.transferStock(command, TODAY));

            assertThat(e.balance()).isNull();
            assertThat(ledger.findSecurity(id("unused"))).isEmpty();
            assertThat(positions(ledger, COMMON)).containsExactlyInAnyOrder(tuple("bob", "300"), tuple("carol", "700"));
            assertReplayMatches();
        }

        @Test
        void cannotTransferMoreThanTheSecurityHolds() {
            refused(() -> ledger.transferStock(transfer("cs1", TODAY, "bob", "1001", "cs2", "cs3"), TODAY),
                    ErrorCode.QUANTITY_EXCEEDS_SECURITY);
        }

        @Test
        void aPartialTransferNeedsABalanceSecurityId() {
            refused(() -> ledger.transferStock(transfer("cs1", TODAY, "bob", "10", "cs2", null), TODAY),
                    ErrorCode.INVALID_VALUE);
        }

        @Test
        void cannotTransferToAnUnknownStakeholderOrAnUnknownSecurity() {
            refused(() -> ledger.transferStock(transfer("cs1", TODAY, "mallory", "10", "cs2", "cs3"), TODAY),
                    ErrorCode.UNKNOWN_STAKEHOLDER);
            refused(() -> ledger.transferStock(transfer("nope", TODAY, "bob", "10", "cs2", "cs3"), TODAY),
                    ErrorCode.UNKNOWN_SECURITY);
        }

        @Test
        void newSecurityIdsMustBeNew() {
            refused(() -> ledger.transferStock(transfer("cs1", TODAY, "bob", "10", "ps1", "cs3"), TODAY),
                    ErrorCode.DUPLICATE_SECURITY);
            refused(() -> ledger.transferStock(transfer("cs1", TODAY, "bob", "10", "cs2", "cs2"), TODAY),
                    ErrorCode.DUPLICATE_SECURITY);
        }

        @Test
        void cannotTransferBeforeTheSecurityWasIssuedOrAFractionOfAWholeShareClass() {
            refused(() -> ledger.transferStock(transfer("cs1", date("2021-02-28"), "bob", "10", "cs2", "cs3"), TODAY),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            refused(() -> ledger.transferStock(transfer("cs1", TODAY, "bob", "0.5", "cs2", "cs3"), TODAY),
                    ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
        }
    }

    @Nested
    class ExtinguishedSecurities {

        @Test
        void anExtinguishedSecurityAcceptsNoFurtherTransaction() {
            books.record(ledger.transferStock(transfer("cs1", date("2022-01-10"), "bob", "400", "cs2", "cs3"), TODAY));

            CapledgerException refusal = refused(() -> ledger.cancelStock(cancel("cs1", TODAY, "10", "x"), TODAY),
                    ErrorCode.SECURITY_NOT_OUTSTANDING);
            assertThat(refusal.properties()).containsEntry("status", "TRANSFERRED")
                    .containsEntry("extinguishedOn", "2022-01-10");
            refused(() -> ledger.transferStock(transfer("cs1", TODAY, "carol", "1", "y", "z"), TODAY),
                    ErrorCode.SECURITY_NOT_OUTSTANDING);
            refused(() -> ledger.acceptStock(new AcceptStock(ISSUER, id("cs1"), TODAY), TODAY),
                    ErrorCode.SECURITY_NOT_OUTSTANDING);
        }

        @Test
        void cancellingBackDatedSharesThatWereLaterTransferredIsRefused() {
            books.record(ledger.transferStock(transfer("cs1", date("2023-01-10"), "bob", "1000", "cs2", null), TODAY));

            refused(() -> ledger.cancelStock(cancel("cs1", date("2022-06-01"), "1000", null), TODAY),
                    ErrorCode.SECURITY_NOT_OUTSTANDING);
        }

        @Test
        void aTerminalTransactionCannotPredateTheHoldersAcceptance() {
            books.record(ledger.acceptStock(new AcceptStock(ISSUER, id("cs1"), date("2022-01-01")), TODAY).orElseThrow());

            refused(() -> ledger.cancelStock(cancel("cs1", date("2021-12-31"), "1000", null), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            assertThat(ledger.acceptStock(new AcceptStock(ISSUER, id("cs1"), TODAY), TODAY)).isEmpty();
        }
    }

    @Nested
    class CancellationsRepurchasesAndReissuances {

        @Test
        void cancellationTakesSharesOutOfOutstandingFromItsDate() {
            books.record(ledger.cancelStock(cancel("cs1", date("2022-01-10"), "250", "cs2"), TODAY));

            assertThat(security("cs1").status()).isEqualTo(SecurityStatus.CANCELLED);
            assertThat(security("cs2").quantity()).isEqualTo(Quantity.of(750));
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(750));
            assertThat(books.asOf(date("2022-01-09")).sharesOutstanding(COMMON)).isEqualTo(Quantity.of(1000));
            assertThat(books.asOf(date("2022-01-10")).sharesOutstanding(COMMON)).isEqualTo(Quantity.of(750));
            assertReplayMatches();
        }

        @Test
        void cancellationNeedsAReason() {
            refused(() -> ledger.cancelStock(new CancelStock(ISSUER, id("cs1"), TODAY, Quantity.of(1), " ", id("b")),
                    TODAY), ErrorCode.INVALID_VALUE);
        }

        @Test
        void repurchaseRecordsThePriceAndLeavesTheRemainderWithTheHolder() {
            books.record(ledger.repurchaseStock(new RepurchaseStock(ISSUER, id("cs1"), date("2023-01-01"),
                    Quantity.of(1000), Money.of("2.50", "USD"), null, null), TODAY));

            assertThat(security("cs1").status()).isEqualTo(SecurityStatus.REPURCHASED);
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.ZERO);
            assertReplayMatches();
        }

        @Test
        void reissuanceIsWholeAndKeepsHolderAndClass() {
            refused(() -> ledger.reissueStock(new ReissueStock(ISSUER, id("cs1"), TODAY,
                    List.of(new ReissueStock.NewSecurity(id("cs2"), Quantity.of(999))), null), TODAY),
                    ErrorCode.INVALID_QUANTITY);

            books.record(ledger.reissueStock(new ReissueStock(ISSUER, id("cs1"), TODAY, List.of(
                    new ReissueStock.NewSecurity(id("cs2"), Quantity.of(600)),
                    new ReissueStock.NewSecurity(id("cs3"), Quantity.of(400))), "New legend"), TODAY));

            assertThat(ledger.securities()).filteredOn(StockSecurity::isOutstanding)
                    .extracting(StockSecurity::label, s -> s.stakeholderId().value())
                    .containsExactlyInAnyOrder(tuple("CS-2", "alice"), tuple("CS-3", "alice"), tuple("PS-1", "bob"));
            assertReplayMatches();
        }
    }

    @Nested
    class Retractions {

        @Test
        void aRetractedIssuanceIsVoidFromItsIssueDate() {
            books.record(ledger.retractStock(new RetractStock(ISSUER, id("cs1"), date("2023-05-01"),
                    "Board approval was missing"), TODAY));

            assertThat(security("cs1").status()).isEqualTo(SecurityStatus.RETRACTED);
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.ZERO);
            assertThat(books.asOf(date("2022-01-01")).sharesOutstanding(COMMON)).isEqualTo(Quantity.ZERO);
            assertThat(positions(books.asOf(date("2022-01-01")), COMMON)).isEmpty();
            assertReplayMatches();
        }

        @Test
        void onlyAnUnacceptedIssuanceCanBeRetracted() {
            books.record(ledger.transferStock(transfer("cs1", TODAY, "bob", "10", "cs2", "cs3"), TODAY));
            refused(() -> ledger.retractStock(new RetractStock(ISSUER, id("cs2"), TODAY, "Mistake"), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);

            books.record(ledger.acceptStock(new AcceptStock(ISSUER, id("ps1"), ISSUED), TODAY).orElseThrow());
            refused(() -> ledger.retractStock(new RetractStock(ISSUER, id("ps1"), TODAY, "Mistake"), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }
    }

    @Nested
    class Conversions {

        @Test
        void convertsPreferredIntoCommonByTheClassesConversionRight() {
            books.record(ledger.convertStock(new ConvertStock(ISSUER, id("ps1"), date("2023-01-01"), Quantity.of(60),
                    COMMON, id("cs2"), id("ps2")), TODAY));

            assertThat(ledger.sharesOutstanding(PREFERRED)).isEqualTo(Quantity.of(40));
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(1060));
            assertThat(security("cs2").label()).isEqualTo("CS-2");
            assertThat(security("ps2").label()).isEqualTo("PS-2");
            assertThat(security("ps1").status()).isEqualTo(SecurityStatus.CONVERTED);
            assertReplayMatches();
        }

        @Test
        void adjustedRatioAppliesFromItsDateAndRoundsToWholeShares() {
            books.record(ledger.adjustConversionRatio(new AdjustConversionRatio(ISSUER, PREFERRED, date("2022-01-01"),
                    COMMON, Ratio.of(3, 2), "anti-dilution"), TODAY).orElseThrow());

            books.record(ledger.convertStock(new ConvertStock(ISSUER, id("ps1"), date("2023-01-01"), Quantity.of(33),
                    COMMON, id("cs2"), id("ps2")), TODAY));

            assertThat(security("cs2").quantity()).isEqualTo(Quantity.of(50));
            refused(() -> ledger.adjustConversionRatio(new AdjustConversionRatio(ISSUER, PREFERRED,
                    date("2022-06-01"), COMMON, Ratio.of(2, 1), null), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            assertReplayMatches();
        }

        @Test
        void dividesTheConvertedSharesAmongSeveralNewSecuritiesThatMustAddUpToTheResult() {
            books.record(ledger.adjustConversionRatio(new AdjustConversionRatio(ISSUER, PREFERRED, ISSUED, COMMON,
                    Ratio.of(2, 1), null), TODAY).orElseThrow());
            refused(() -> ledger.convertStock(new ConvertStock(ISSUER, id("ps1"), TODAY, Quantity.of(60), COMMON, null,
                    id("ps2"), List.of(new ConvertStock.NewSecurity(id("cs2"), Quantity.of(90)),
                    new ConvertStock.NewSecurity(id("cs3"), Quantity.of(20)))), TODAY), ErrorCode.INVALID_QUANTITY);
            refused(() -> ledger.convertStock(new ConvertStock(ISSUER, id("ps1"), TODAY, Quantity.of(60), COMMON,
                    id("cs4"), id("ps2"), List.of(new ConvertStock.NewSecurity(id("cs2"), Quantity.of(120)))), TODAY),
                    ErrorCode.INVALID_VALUE);

            books.record(ledger.convertStock(new ConvertStock(ISSUER, id("ps1"), TODAY, Quantity.of(60), COMMON, null,
                    id("ps2"), List.of(new ConvertStock.NewSecurity(id("cs2"), Quantity.of(90)),
                    new ConvertStock.NewSecurity(id("cs3"), Quantity.of(30)))), TODAY));

            assertThat(List.of(security("cs2"), security("cs3"), security("ps2")))
                    .extracting(StockSecurity::label, StockSecurity::stakeholderId, StockSecurity::quantity)
                    .containsExactly(tuple("CS-2", StakeholderId.of("bob"), Quantity.of(90)),
                            tuple("CS-3", StakeholderId.of("bob"), Quantity.of(30)),
                            tuple("PS-2", StakeholderId.of("bob"), Quantity.of(40)));
            assertThat(security("ps1").resultingSecurityIds()).containsExactly(id("cs2"), id("cs3"), id("ps2"));
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(1120));
            assertReplayMatches();
        }

        @Test
        void cannotConvertWithoutARightOrBeyondTheTargetsAuthorizedShares() {
            refused(() -> ledger.convertStock(new ConvertStock(ISSUER, id("cs1"), TODAY, Quantity.of(1), PREFERRED,
                    id("ps2"), id("cs2")), TODAY), ErrorCode.NO_CONVERSION_RIGHT);

            books.record(ledger.adjustConversionRatio(new AdjustConversionRatio(ISSUER, PREFERRED, TODAY,
                    COMMON, Ratio.of(100, 1), null), TODAY).orElseThrow());
            refused(() -> ledger.convertStock(new ConvertStock(ISSUER, id("ps1"), TODAY, Quantity.of(100), COMMON,
                    id("cs2"), null), TODAY), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);
        }
    }

    @Nested
    class Consolidations {

        @Test
        void combinesOneHoldersSecuritiesOfOneClass() {
            books.record(ledger.issueStock(issue("cs2", "alice", "common", ISSUED, "500"), TODAY));

            books.record(ledger.consolidateStock(new ConsolidateStock(ISSUER, List.of(id("cs1"), id("cs2")), TODAY,
                    id("cs3"), null), TODAY));

            assertThat(security("cs3").quantity()).isEqualTo(Quantity.of(1500));
            assertThat(security("cs3").sourceSecurityIds()).containsExactly(id("cs1"), id("cs2"));
            assertThat(security("cs1").status()).isEqualTo(SecurityStatus.CONSOLIDATED);
            assertReplayMatches();
        }

        @Test
        void refusesSecuritiesOfDifferentHolders() {
            books.record(ledger.issueStock(issue("cs2", "bob", "common", ISSUED, "500"), TODAY));

            refused(() -> ledger.consolidateStock(new ConsolidateStock(ISSUER, List.of(id("cs1"), id("cs2")), TODAY,
                    id("cs3"), null), TODAY), ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class Splits {

        private SplitStockClass split(LocalDate date, Ratio ratio) {
            return new SplitStockClass(ISSUER, COMMON, date, ratio, null, "Board resolution 7", null);
        }

        @Test
        void twoForOneSplitReplacesEveryOutstandingSecurityAndDoublesAuthorized() {
            books.record(ledger.transferStock(transfer("cs1", date("2022-01-10"), "bob", "400", "cs2", "cs3"), TODAY));

            StockClassSplit e = books.record(ledger.splitStockClass(split(date("2023-01-01"), Ratio.of(2, 1)), TODAY));

            assertThat(e.splits()).extracting(r -> r.sourceSecurityId().value(),
                    r -> r.resultingSecurity().securityLabel(), r -> r.resultingSecurity().quantity().toString())
                    .containsExactly(tuple("cs2", "CS-4", "800"), tuple("cs3", "CS-5", "1200"));
            assertThat(e.newSharesAuthorized()).isEqualTo(Quantity.of(20000));
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(2000));
            assertThat(ledger.sharesAuthorized(COMMON)).isEqualTo(Quantity.of(20000));
            assertThat(positions(ledger, COMMON)).containsExactlyInAnyOrder(tuple("alice", "1200"), tuple("bob", "800"));
            assertThat(books.asOf(date("2022-12-31")).sharesOutstanding(COMMON)).isEqualTo(Quantity.of(1000));
            assertThat(security("cs2").status()).isEqualTo(SecurityStatus.SPLIT);
            assertThat(security("cs2").resultingSecurityIds()).containsExactly(
                    e.splits().get(0).resultingSecurity().securityId());
            assertThat(ledger.findSecurity(e.splits().get(1).resultingSecurity().securityId()).orElseThrow()
                    .sourceSecurityIds()).containsExactly(id("cs3"));
            assertReplayMatches();
        }

        @Test
        void aBackDatedSplitCannotReachSharesThatWereActedOnLater() {
            books.record(ledger.transferStock(transfer("cs1", date("2023-01-10"), "bob", "400", "cs2", "cs3"), TODAY));

            CapledgerException refusal = refused(() -> ledger.splitStockClass(split(date("2022-06-01"),
                    Ratio.of(2, 1)), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            assertThat(refusal.properties()).containsEntry("conflictDate", "2023-01-10");
        }

        @Test
        void sharesOfTheClassCannotBeIssuedBeforeItsLatestSplit() {
            books.record(ledger.splitStockClass(split(date("2023-01-01"), Ratio.of(2, 1)), TODAY));

            refused(() -> ledger.issueStock(issue("cs9", "carol", "common", date("2022-12-31"), "10"), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            books.record(ledger.issueStock(issue("cs9", "carol", "common", date("2023-01-01"), "10"), TODAY));
            refused(() -> ledger.splitStockClass(split(date("2022-12-01"), Ratio.of(3, 1)), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }

        @Test
        void aReverseSplitThatLeavesFractionsIsRefusedUnlessTheClassAllowsThem() {
            books.record(ledger.issueStock(issue("cs2", "bob", "common", ISSUED, "15"), TODAY));

            CapledgerException refusal = refused(() -> ledger.splitStockClass(split(TODAY, Ratio.of(1, 10)), TODAY),
                    ErrorCode.FRACTIONAL_SHARES_NOT_ALLOWED);
            assertThat(refusal.properties()).containsEntry("securityId", "cs2");
        }

        @Test
        void aSplitBeyondTheIssuersAuthorizedSharesIsRefused() {
            Books limited = new Books();
            Ledger l = limited.ledger;
            limited.record(l.createIssuer(createIssuer(1500L), TODAY));
            limited.record(l.registerStakeholder(register("alice", "Alice Archer", FORMED, null), TODAY));
            limited.record(l.createStockClass(createClass("common", "Common", "CS-", FORMED, "10000", false), TODAY));
            limited.record(l.issueStock(issue("cs1", "alice", "common", ISSUED, "1000"), TODAY));

            refused(() -> l.splitStockClass(split(TODAY, Ratio.of(2, 1)), TODAY), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);
        }
    }
}
