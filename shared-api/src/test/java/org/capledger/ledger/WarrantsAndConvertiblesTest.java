package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;
import static org.capledger.ledger.Books.createClass;
import static org.capledger.ledger.Books.createIssuer;
import static org.capledger.ledger.Books.register;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.convertible.AcceptConvertible;
import org.capledger.api.convertible.CancelConvertible;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConversionTiming;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.convertible.ConvertibleAccepted;
import org.capledger.api.convertible.ConvertibleTransferred;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.convertible.RetractConvertible;
import org.capledger.api.convertible.TransferConvertible;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.StockClassId;
import org.capledger.api.warrant.AcceptWarrant;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.RetractWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.capledger.api.warrant.WarrantAccepted;
import org.capledger.api.warrant.WarrantCancelled;
import org.capledger.api.warrant.WarrantExercised;
import org.capledger.api.warrant.WarrantTransferred;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Warrants and convertibles on the Ledger: every transaction on them (exercise, conversion, cancellation, transfer,
 * retraction, acceptance), the extinguished-source rule, back-dating conflicts, and how they count in the fully
 * diluted cap table now and as of earlier dates.
 */
class WarrantsAndConvertiblesTest {

    private static final StockClassId COMMON = StockClassId.of("common");
    private static final LocalDate ISSUED = LocalDate.of(2022, 1, 1);

    private Books books;
    private Ledger ledger;

    @BeforeEach
    void setUp() {
        books = new Books();
        ledger = books.ledger;
        books.record(ledger.createIssuer(createIssuer(null), TODAY));
        books.record(ledger.registerStakeholder(register("ana", "Ana Alves", FORMED, null), TODAY));
        books.record(ledger.registerStakeholder(register("vc", "Venture Fund", FORMED, null), TODAY));
        books.record(ledger.createStockClass(createClass("common", "Common", "CS-", FORMED, "100000", false), TODAY));
        books.record(ledger.issueStock(Books.issue("cs1", "ana", "common", FORMED, "10000"), TODAY));
    }

    private static SecurityId id(String value) {
        return SecurityId.of(value);
    }

    private static CapledgerException refused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CapledgerException.class);
        CapledgerException refusal = (CapledgerException) thrown;
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
        return refusal;
    }

    private void warrant(String securityId, Long quantity, LocalDate expires) {
        books.record(ledger.issueWarrant(new IssueWarrant(ISSUER, id(securityId), ISSUED, StakeholderId.of("vc"),
                COMMON, quantity == null ? null : Quantity.of(quantity), Money.of("1", "USD"), Money.of("100", "USD"),
                expires, null), TODAY));
    }

    private void safe(String securityId, String amount, ConversionTerms terms, ConvertibleType type) {
        books.record(ledger.issueConvertible(new IssueConvertible(ISSUER, id(securityId), ISSUED,
                StakeholderId.of("vc"), type, Money.of(amount, "USD"), terms, 1, false, null), TODAY));
    }

    @Nested
    class Warrants {

        @Test
        void exercisingPartOfAWarrantIssuesStockAndLeavesABalance() {
            warrant("w1", 5000L, LocalDate.of(2030, 1, 1));

            WarrantExercised e = books.record(ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"),
                    LocalDate.of(2023, 1, 1), Quantity.of(2000), "Cash", id("cs2"), id("w2")), TODAY));

            assertThat(e.resultingStock()).singleElement().satisfies(r -> assertThat(r.securityLabel())
                    .isEqualTo("CS-2"));
            assertThat(e.balance().securityLabel()).isEqualTo("W-2");
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(12_000));
            CapTableView table = ledger.capTable(TODAY);
            assertThat(table.totals().warrantsOutstanding()).isEqualTo(Quantity.of(3000));
            assertThat(table.totals().fullyDiluted()).isEqualTo(Quantity.of(15_000));
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), TODAY, Quantity.of(1), null,
                    id("x"), id("y")), TODAY), ErrorCode.SECURITY_NOT_OUTSTANDING);
            assertThat(books.asOf(TODAY).instruments()).containsExactlyInAnyOrderElementsOf(ledger.instruments());
        }

        @Test
        void aSplitAdjustsAWarrantsSharesAndPrice() {
            warrant("w1", 5000L, null);
            books.record(ledger.splitStockClass(new org.capledger.api.stock.SplitStockClass(ISSUER, COMMON,
                    LocalDate.of(2023, 1, 1), org.capledger.api.value.Ratio.of(2, 1), null, null, null), TODAY));

            InstrumentRecord w = ledger.findInstrument(id("w1")).orElseThrow();
            assertThat(w.quantity()).isEqualTo(Quantity.of(10_000));
            assertThat(w.exercisePrice()).isEqualTo(Money.of("0.5", "USD"));
            assertThat(books.asOf(LocalDate.of(2022, 12, 31)).findInstrument(id("w1")).orElseThrow().quantity())
                    .isEqualTo(Quantity.of(5000));
        }

        @Test
        void anExpiredWarrantOrTooManySharesIsRefused() {
            warrant("w1", 5000L, LocalDate.of(2022, 12, 31));
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), LocalDate.of(2023, 1, 1),
                    Quantity.of(1), null, id("x"), id("y")), TODAY), ErrorCode.SECURITY_EXPIRED);
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), LocalDate.of(2022, 6, 1),
                    Quantity.of(5001), null, id("x"), id("y")), TODAY), ErrorCode.QUANTITY_EXCEEDS_SECURITY);
        }

        @Test
        void aFormulaWarrantIsListedNotCounted() {
            warrant("w1", null, null);

            CapTableView table = ledger.capTable(TODAY);

            assertThat(table.totals().warrantsOutstanding()).isEqualTo(Quantity.ZERO);
            assertThat(table.notCounted()).singleElement().satisfies(u -> {
                assertThat(u.label()).isEqualTo("W-1");
                assertThat(u.kind()).isEqualTo("WARRANT");
            });
        }

        @Test
        void transferCancellationAndRetraction() {
            warrant("w1", 5000L, null);
            books.record(ledger.transferWarrant(new TransferWarrant(ISSUER, id("w1"), LocalDate.of(2022, 6, 1),
                    StakeholderId.of("ana"), null, id("w2")), TODAY));
            assertThat(ledger.findInstrument(id("w2")).orElseThrow().stakeholderId()).isEqualTo(StakeholderId.of("ana"));

            books.record(ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w2"), LocalDate.of(2022, 7, 1),
                    Quantity.of(1000), "Partly waived", id("w3")), TODAY));
            assertThat(ledger.findInstrument(id("w3")).orElseThrow().quantity()).isEqualTo(Quantity.of(4000));

            warrant("w4", 10L, null);
            books.record(ledger.retractWarrant(new RetractWarrant(ISSUER, id("w4"), TODAY, "Never approved"), TODAY));
            assertThat(books.asOf(LocalDate.of(2022, 3, 1)).capTable(LocalDate.of(2022, 3, 1)).totals()
                    .warrantsOutstanding()).isEqualTo(Quantity.of(5000));
        }

        @Test
        void acceptanceIsRecordedOnceAndNoTerminalTransactionMayPrecedeIt() {
            warrant("w1", 5000L, null);
            LocalDate accepted = LocalDate.of(2022, 6, 1);
            LocalDate before = accepted.minusDays(1);

            WarrantAccepted e = books.record(ledger.acceptWarrant(new AcceptWarrant(ISSUER, id("w1"), accepted), TODAY)
                    .orElseThrow());

            assertThat(e.date()).isEqualTo(accepted);
            assertThat(ledger.findInstrument(id("w1")).orElseThrow().acceptedOn()).isEqualTo(accepted);
            assertThat(books.asOf(before).findInstrument(id("w1")).orElseThrow().acceptedOn()).isNull();
            assertThat(ledger.acceptWarrant(new AcceptWarrant(ISSUER, id("w1"), TODAY), TODAY)).isEmpty();
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), before, Quantity.of(1), null,
                    id("cs2"), id("w2")), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w1"), before, Quantity.of(1), "Waived",
                    id("w2")), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.transferWarrant(new TransferWarrant(ISSUER, id("w1"), before, StakeholderId.of("ana"),
                    null, id("w2")), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.retractWarrant(new RetractWarrant(ISSUER, id("w1"), TODAY, "Never approved"), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }

        @Test
        void anAcceptanceCannotPrecedeTheWarrantOrFollowToday() {
            warrant("w1", 5000L, null);
            refused(() -> ledger.acceptWarrant(new AcceptWarrant(ISSUER, id("w1"), ISSUED.minusDays(1)), TODAY),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            refused(() -> ledger.acceptWarrant(new AcceptWarrant(ISSUER, id("w1"), TODAY.plusDays(1)), TODAY),
                    ErrorCode.DATE_IN_FUTURE);
            refused(() -> ledger.acceptWarrant(new AcceptWarrant(ISSUER, id("nope"), TODAY), TODAY),
                    ErrorCode.UNKNOWN_SECURITY);
        }

        @Test
        void anExtinguishedWarrantAcceptsNoTransactionWhateverItsDate() {
            warrant("w1", 5000L, null);
            books.record(ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), LocalDate.of(2023, 1, 1),
                    Quantity.of(5000), null, id("cs2"), null), TODAY));
            assertThat(ledger.findInstrument(id("w1")).orElseThrow().status()).isEqualTo("EXERCISED");

            for (LocalDate date : new LocalDate[] {LocalDate.of(2022, 6, 1), TODAY}) {
                refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), date, Quantity.of(1), null,
                        id("x"), id("y")), TODAY), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(() -> ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w1"), date, null, "Late", null),
                        TODAY), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(() -> ledger.transferWarrant(new TransferWarrant(ISSUER, id("w1"), date,
                        StakeholderId.of("ana"), null, id("x")), TODAY), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(() -> ledger.retractWarrant(new RetractWarrant(ISSUER, id("w1"), date, "Void"), TODAY),
                        ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(() -> ledger.acceptWarrant(new AcceptWarrant(ISSUER, id("w1"), date), TODAY),
                        ErrorCode.SECURITY_NOT_OUTSTANDING);
            }
        }

        @Test
        void aCancellationLeavesABalanceOrEndsTheWarrant() {
            warrant("w1", 5000L, null);
            LocalDate cancelled = LocalDate.of(2022, 7, 1);
            refused(() -> ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w1"), cancelled, Quantity.of(1000),
                    "Partly waived", null), TODAY), ErrorCode.INVALID_VALUE);
            refused(() -> ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w1"), cancelled, Quantity.of(1000), " ",
                    id("w2")), TODAY), ErrorCode.INVALID_VALUE);
            refused(() -> ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w1"), cancelled, Quantity.of(5001),
                    "Too many", id("w2")), TODAY), ErrorCode.QUANTITY_EXCEEDS_SECURITY);
            refused(() -> ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w1"), cancelled, Quantity.of(1000),
                    "Partly waived", id("cs1")), TODAY), ErrorCode.DUPLICATE_SECURITY);

            WarrantCancelled partly = books.record(ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w1"), cancelled,
                    Quantity.of(1000), "Partly waived", id("w2")), TODAY));
            assertThat(partly.balance().securityLabel()).isEqualTo("W-2");
            InstrumentRecord balance = ledger.findInstrument(id("w2")).orElseThrow();
            assertThat(balance.quantity()).isEqualTo(Quantity.of(4000));
            assertThat(balance.origin()).isEqualTo("CANCELLATION");
            assertThat(balance.sourceSecurityIds()).containsExactly(id("w1"));
            assertThat(ledger.findInstrument(id("w1")).orElseThrow().resultingSecurityIds()).containsExactly(id("w2"));

            WarrantCancelled wholly = books.record(ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w2"),
                    LocalDate.of(2023, 1, 1), Quantity.of(4000), "Waived", null), TODAY));
            assertThat(wholly.balance()).isNull();
            assertThat(ledger.capTable(TODAY).totals().warrantsOutstanding()).isEqualTo(Quantity.ZERO);
            assertThat(books.asOf(cancelled.minusDays(1)).capTable(cancelled.minusDays(1)).totals()
                    .warrantsOutstanding()).isEqualTo(Quantity.of(5000));
            assertThat(books.asOf(cancelled).capTable(cancelled).totals().warrantsOutstanding())
                    .isEqualTo(Quantity.of(4000));
        }

        @Test
        void aFormulaWarrantIsCancelledWhole() {
            warrant("w1", null, null);
            WarrantCancelled e = books.record(ledger.cancelWarrant(new CancelWarrant(ISSUER, id("w1"), TODAY,
                    Quantity.of(10), "Round abandoned", id("w2")), TODAY));
            assertThat(e.quantity()).isNull();
            assertThat(e.balance()).isNull();
            assertThat(ledger.capTable(TODAY).notCounted()).isEmpty();
        }

        @Test
        void aTransferMovesTheWholeWarrantToAnotherStakeholder() {
            warrant("w1", 5000L, LocalDate.of(2030, 1, 1));
            books.record(ledger.registerStakeholder(register("late", "Late Comer", LocalDate.of(2023, 1, 1), null),
                    TODAY));
            LocalDate transferred = LocalDate.of(2022, 6, 1);
            refused(() -> ledger.transferWarrant(new TransferWarrant(ISSUER, id("w1"), transferred,
                    StakeholderId.of("nobody"), null, id("w2")), TODAY), ErrorCode.UNKNOWN_STAKEHOLDER);
            refused(() -> ledger.transferWarrant(new TransferWarrant(ISSUER, id("w1"), transferred,
                    StakeholderId.of("late"), null, id("w2")), TODAY), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            refused(() -> ledger.transferWarrant(new TransferWarrant(ISSUER, id("w1"), transferred,
                    StakeholderId.of("ana"), null, id("cs1")), TODAY), ErrorCode.DUPLICATE_SECURITY);
            refused(() -> ledger.transferWarrant(new TransferWarrant(ISSUER, id("w1"), ISSUED.minusDays(1),
                    StakeholderId.of("ana"), null, id("w2")), TODAY), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);

            WarrantTransferred e = books.record(ledger.transferWarrant(new TransferWarrant(ISSUER, id("w1"),
                    transferred, StakeholderId.of("ana"), "USD 100", id("w2")), TODAY));

            assertThat(e.transferred().securityLabel()).isEqualTo("W-2");
            assertThat(e.transferred().quantity()).isEqualTo(Quantity.of(5000));
            InstrumentRecord w2 = ledger.findInstrument(id("w2")).orElseThrow();
            assertThat(w2.stakeholderId()).isEqualTo(StakeholderId.of("ana"));
            assertThat(w2.origin()).isEqualTo("TRANSFER");
            assertThat(w2.issueDate()).isEqualTo(transferred);
            assertThat(w2.expirationDate()).isEqualTo(LocalDate.of(2030, 1, 1));
            assertThat(w2.exercisePrice()).isEqualTo(Money.of("1", "USD"));
            assertThat(ledger.findInstrument(id("w1")).orElseThrow().status()).isEqualTo("TRANSFERRED");
            // the transferee's warrant did not exist before the transfer
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w2"), transferred.minusDays(1),
                    Quantity.of(1), null, id("x"), id("y")), TODAY), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            assertThat(books.asOf(transferred.minusDays(1)).findInstrument(id("w2"))).isEmpty();
        }

        @Test
        void aRetractionVoidsAnUntouchedWarrantFromItsIssueDate() {
            warrant("w1", 5000L, null);
            warrant("w2", 700L, null);
            refused(() -> ledger.retractWarrant(new RetractWarrant(ISSUER, id("w1"), TODAY, ""), TODAY),
                    ErrorCode.INVALID_VALUE);
            books.record(ledger.transferWarrant(new TransferWarrant(ISSUER, id("w2"), LocalDate.of(2022, 6, 1),
                    StakeholderId.of("ana"), null, id("w3")), TODAY));
            refused(() -> ledger.retractWarrant(new RetractWarrant(ISSUER, id("w3"), TODAY, "Void"), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);

            books.record(ledger.retractWarrant(new RetractWarrant(ISSUER, id("w1"), TODAY, "Never approved"), TODAY));

            assertThat(ledger.findInstrument(id("w1")).orElseThrow().status()).isEqualTo("RETRACTED");
            LocalDate earlier = LocalDate.of(2022, 3, 1);
            Ledger then = books.asOf(earlier);
            assertThat(then.findInstrument(id("w1")).orElseThrow().status()).isEqualTo("RETRACTED");
            assertThat(then.capTable(earlier).totals().warrantsOutstanding()).isEqualTo(Quantity.of(700));
        }

        @Test
        void backDatedExercisesAreCheckedAgainstEveryLaterDate() {
            warrant("w1", 5000L, null);
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), ISSUED.minusDays(1),
                    Quantity.of(1), null, id("cs2"), id("w2")), TODAY), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), TODAY.plusDays(1),
                    Quantity.of(1), null, id("cs2"), id("w2")), TODAY), ErrorCode.DATE_IN_FUTURE);
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), TODAY, Quantity.of(1), null,
                    id("cs1"), id("w2")), TODAY), ErrorCode.DUPLICATE_SECURITY);
            // 10,000 issued at formation and 89,000 more in mid-2023 leave room for 1,000 of the 100,000 from then
            books.record(ledger.issueStock(Books.issue("cs3", "ana", "common", LocalDate.of(2023, 6, 1), "89000"),
                    TODAY));
            LocalDate backDated = LocalDate.of(2022, 6, 1);
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), backDated, Quantity.of(1001),
                    null, id("cs2"), id("w2")), TODAY), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            books.record(ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), backDated, Quantity.of(1000),
                    null, id("cs2"), id("w2")), TODAY));

            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(100_000));
            assertThat(books.asOf(backDated).sharesOutstanding(COMMON)).isEqualTo(Quantity.of(11_000));
        }

        @Test
        void noWarrantTransactionMayPrecedeALaterSplitOfItsClass() {
            warrant("w1", 5000L, null);
            LocalDate split = LocalDate.of(2023, 1, 1);
            books.record(ledger.splitStockClass(new SplitStockClass(ISSUER, COMMON, split, Ratio.of(2, 1), null, null,
                    null), TODAY));
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), split.minusDays(1),
                    Quantity.of(1), null, id("cs9"), id("w2")), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.issueWarrant(new IssueWarrant(ISSUER, id("w2"), split.minusDays(1),
                    StakeholderId.of("vc"), COMMON, Quantity.of(10), Money.of("1", "USD"), Money.of("0", "USD"), null,
                    null), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);

            books.record(ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"), split, Quantity.of(10_000),
                    null, id("cs9"), null), TODAY));
            assertThat(ledger.findSecurity(id("cs9")).orElseThrow().quantity()).isEqualTo(Quantity.of(10_000));
        }
    }

    @Nested
    class Convertibles {

        @Test
        void aSafeWithoutAConversionPriceIsListedWithItsTerms() {
            safe("s1", "500000", new ConversionTerms(null, Money.of("10000000", "USD"), new BigDecimal("0.2"),
                    ConversionTiming.POST_MONEY, null, null, null), ConvertibleType.SAFE);

            CapTableView table = ledger.capTable(TODAY);

            assertThat(table.notCounted()).singleElement().satisfies(u -> {
                assertThat(u.label()).isEqualTo("SAFE-1");
                assertThat(u.investmentAmount()).isEqualTo(Money.of("500000", "USD"));
                assertThat(u.valuationCap()).isEqualTo(Money.of("10000000", "USD"));
            });
            assertThat(table.totals().fullyDiluted()).isEqualTo(Quantity.of(10_000));
        }

        @Test
        void aNoteWithAFixedPriceCountsWithItsInterest() {
            safe("n1", "100000", new ConversionTerms(COMMON, null, null, null, Money.of("10", "USD"),
                    new BigDecimal("0.1"), null), ConvertibleType.NOTE);

            // a year of 10% simple interest: 110,000 / 10 = 11,000 shares
            assertThat(ledger.capTable(LocalDate.of(2023, 1, 1)).totals().convertiblesAsConverted())
                    .isEqualTo(Quantity.of(11_000));
            assertThat(ledger.findInstrument(id("n1")).orElseThrow().label()).isEqualTo("CN-1");
        }

        @Test
        void conversionIssuesStockWithinAuthorizedShares() {
            safe("s1", "500000", null, ConvertibleType.SAFE);
            refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), TODAY, COMMON,
                    Quantity.of(90_001), "Series A", id("cs9")), TODAY), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);

            books.record(ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), TODAY, COMMON,
                    Quantity.of(50_000), "Series A", id("cs9")), TODAY));

            assertThat(ledger.findInstrument(id("s1")).orElseThrow().status()).isEqualTo("CONVERTED");
            assertThat(ledger.findSecurity(id("cs9")).orElseThrow().origin()).isEqualTo("CONVERSION");
            assertThat(ledger.capTable(TODAY).notCounted()).isEmpty();
            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(60_000));
        }

        private void aSafe(String securityId) {
            safe(securityId, "500000", null, ConvertibleType.SAFE);
        }

        @Test
        void acceptanceIsRecordedOnceAndNoTerminalTransactionMayPrecedeIt() {
            aSafe("s1");
            LocalDate accepted = LocalDate.of(2022, 6, 1);
            LocalDate before = accepted.minusDays(1);

            ConvertibleAccepted e = books.record(ledger.acceptConvertible(new AcceptConvertible(ISSUER, id("s1"),
                    accepted), TODAY).orElseThrow());

            assertThat(e.date()).isEqualTo(accepted);
            assertThat(ledger.findInstrument(id("s1")).orElseThrow().acceptedOn()).isEqualTo(accepted);
            assertThat(ledger.acceptConvertible(new AcceptConvertible(ISSUER, id("s1"), TODAY), TODAY)).isEmpty();
            refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), before, COMMON,
                    Quantity.of(1), "Series A", id("cs9")), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.cancelConvertible(new CancelConvertible(ISSUER, id("s1"), before, "Repaid"), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.transferConvertible(new TransferConvertible(ISSUER, id("s1"), before,
                    StakeholderId.of("ana"), null, id("s2")), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.retractConvertible(new RetractConvertible(ISSUER, id("s1"), TODAY, "Void"), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.acceptConvertible(new AcceptConvertible(ISSUER, id("s1"), ISSUED.minusDays(1)),
                    TODAY), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
        }

        @Test
        void anExtinguishedConvertibleAcceptsNoTransactionWhateverItsDate() {
            aSafe("s1");
            books.record(ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), LocalDate.of(2023, 1, 1),
                    COMMON, Quantity.of(5000), "Series A", id("cs9")), TODAY));

            for (LocalDate date : new LocalDate[] {LocalDate.of(2022, 6, 1), TODAY}) {
                refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), date, COMMON,
                        Quantity.of(1), "Again", id("x")), TODAY), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(() -> ledger.cancelConvertible(new CancelConvertible(ISSUER, id("s1"), date, "Repaid"),
                        TODAY), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(() -> ledger.transferConvertible(new TransferConvertible(ISSUER, id("s1"), date,
                        StakeholderId.of("ana"), null, id("x")), TODAY), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(() -> ledger.retractConvertible(new RetractConvertible(ISSUER, id("s1"), date, "Void"),
                        TODAY), ErrorCode.SECURITY_NOT_OUTSTANDING);
                refused(() -> ledger.acceptConvertible(new AcceptConvertible(ISSUER, id("s1"), date), TODAY),
                        ErrorCode.SECURITY_NOT_OUTSTANDING);
            }
        }

        @Test
        void aCancellationEndsTheConvertibleFromItsDate() {
            aSafe("s1");
            LocalDate cancelled = LocalDate.of(2023, 1, 1);
            refused(() -> ledger.cancelConvertible(new CancelConvertible(ISSUER, id("s1"), cancelled, null), TODAY),
                    ErrorCode.INVALID_VALUE);

            books.record(ledger.cancelConvertible(new CancelConvertible(ISSUER, id("s1"), cancelled, "Repaid"),
                    TODAY));

            assertThat(ledger.findInstrument(id("s1")).orElseThrow().status()).isEqualTo("CANCELLED");
            assertThat(ledger.capTable(TODAY).notCounted()).isEmpty();
            assertThat(books.asOf(cancelled.minusDays(1)).capTable(cancelled.minusDays(1)).notCounted())
                    .extracting(CapTableView.UncountedRow::label).containsExactly("SAFE-1");
        }

        @Test
        void aTransferGivesTheTransfereeTheSameTermsUnderANewLabel() {
            ConversionTerms terms = new ConversionTerms(null, Money.of("8000000", "USD"), new BigDecimal("0.15"),
                    ConversionTiming.POST_MONEY, null, null, null);
            safe("s1", "250000", terms, ConvertibleType.SAFE);
            LocalDate transferred = LocalDate.of(2022, 9, 1);
            refused(() -> ledger.transferConvertible(new TransferConvertible(ISSUER, id("s1"), transferred,
                    StakeholderId.of("nobody"), null, id("s2")), TODAY), ErrorCode.UNKNOWN_STAKEHOLDER);
            refused(() -> ledger.transferConvertible(new TransferConvertible(ISSUER, id("s1"), ISSUED.minusDays(1),
                    StakeholderId.of("ana"), null, id("s2")), TODAY), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);

            ConvertibleTransferred e = books.record(ledger.transferConvertible(new TransferConvertible(ISSUER,
                    id("s1"), transferred, StakeholderId.of("ana"), "Secondary sale", id("s2")), TODAY));

            assertThat(e.transferred().securityLabel()).isEqualTo("SAFE-2");
            InstrumentRecord s2 = ledger.findInstrument(id("s2")).orElseThrow();
            assertThat(s2.stakeholderId()).isEqualTo(StakeholderId.of("ana"));
            assertThat(s2.origin()).isEqualTo("TRANSFER");
            assertThat(s2.investmentAmount()).isEqualTo(Money.of("250000", "USD"));
            assertThat(s2.terms()).isEqualTo(terms);
            assertThat(ledger.findInstrument(id("s1")).orElseThrow().status()).isEqualTo("TRANSFERRED");
            assertThat(ledger.capTable(TODAY).notCounted()).extracting(CapTableView.UncountedRow::stakeholderId)
                    .containsExactly(StakeholderId.of("ana"));
            assertThat(books.asOf(transferred.minusDays(1)).capTable(transferred.minusDays(1)).notCounted())
                    .extracting(CapTableView.UncountedRow::stakeholderId).containsExactly(StakeholderId.of("vc"));
        }

        @Test
        void aRetractionVoidsAnUntouchedConvertibleFromItsIssueDate() {
            aSafe("s1");
            aSafe("s2");
            books.record(ledger.transferConvertible(new TransferConvertible(ISSUER, id("s2"), TODAY,
                    StakeholderId.of("ana"), null, id("s3")), TODAY));
            refused(() -> ledger.retractConvertible(new RetractConvertible(ISSUER, id("s3"), TODAY, "Void"), TODAY),
                    ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
            refused(() -> ledger.retractConvertible(new RetractConvertible(ISSUER, id("s1"), TODAY, " "), TODAY),
                    ErrorCode.INVALID_VALUE);

            books.record(ledger.retractConvertible(new RetractConvertible(ISSUER, id("s1"), TODAY, "Never signed"),
                    TODAY));

            LocalDate earlier = LocalDate.of(2022, 6, 1);
            assertThat(books.asOf(earlier).capTable(earlier).notCounted()).extracting(CapTableView.UncountedRow::label)
                    .containsExactly("SAFE-2");
        }

        @Test
        void backDatedConversionsAreCheckedAgainstEveryLaterDate() {
            aSafe("s1");
            books.record(ledger.createStockClass(createClass("pref", "Preferred", "PS-", LocalDate.of(2023, 1, 1),
                    "50000", false), TODAY));
            books.record(ledger.issueStock(Books.issue("cs3", "ana", "common", LocalDate.of(2023, 6, 1), "89000"),
                    TODAY));
            LocalDate backDated = LocalDate.of(2022, 6, 1);
            refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), ISSUED.minusDays(1),
                    COMMON, Quantity.of(1), "Series A", id("cs9")), TODAY), ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), backDated,
                    StockClassId.of("pref"), Quantity.of(1), "Series A", id("cs9")), TODAY),
                    ErrorCode.DATE_BEFORE_REFERENCED_RECORD);
            refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), backDated,
                    StockClassId.of("nope"), Quantity.of(1), "Series A", id("cs9")), TODAY),
                    ErrorCode.UNKNOWN_STOCK_CLASS);
            refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), backDated, COMMON,
                    Quantity.of(1001), "Series A", id("cs9")), TODAY), ErrorCode.AUTHORIZED_SHARES_EXCEEDED);
            refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), backDated, COMMON,
                    Quantity.of(1), "", id("cs9")), TODAY), ErrorCode.INVALID_VALUE);

            books.record(ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), backDated, COMMON,
                    Quantity.of(1000), "Series A", id("cs9")), TODAY));

            assertThat(ledger.sharesOutstanding(COMMON)).isEqualTo(Quantity.of(100_000));
            assertThat(books.asOf(backDated.minusDays(1)).findSecurity(id("cs9"))).isEmpty();
        }

        @Test
        void noConversionMayPrecedeALaterSplitOfTheClassItIssues() {
            aSafe("s1");
            LocalDate split = LocalDate.of(2023, 1, 1);
            books.record(ledger.splitStockClass(new SplitStockClass(ISSUER, COMMON, split, Ratio.of(2, 1), null, null,
                    null), TODAY));
            refused(() -> ledger.convertConvertible(new ConvertConvertible(ISSUER, id("s1"), split.minusDays(1),
                    COMMON, Quantity.of(1), "Series A", id("cs9")), TODAY), ErrorCode.CONFLICTS_WITH_LATER_TRANSACTION);
        }

        @Test
        void warrantAndConvertibleTransactionsNameTheirOwnKind() {
            aSafe("s1");
            warrant("w1", 10L, null);
            refused(() -> ledger.cancelConvertible(new CancelConvertible(ISSUER, id("w1"), TODAY, "Wrong kind"),
                    TODAY), ErrorCode.UNKNOWN_SECURITY);
            refused(() -> ledger.exerciseWarrant(new ExerciseWarrant(ISSUER, id("s1"), TODAY, Quantity.of(1), null,
                    id("x"), id("y")), TODAY), ErrorCode.UNKNOWN_SECURITY);
            refused(() -> ledger.transferWarrant(new TransferWarrant(ISSUER, id("cs1"), TODAY,
                    StakeholderId.of("vc"), null, id("x")), TODAY), ErrorCode.UNKNOWN_SECURITY);
        }
    }
}
