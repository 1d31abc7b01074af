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
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConversionTiming;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.RetractWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.capledger.api.warrant.WarrantExercised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Warrants and convertibles on the Ledger, and how they count in the fully diluted cap table. */
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
    }
}
