package org.capledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.capledger.ledger.Books.FORMED;
import static org.capledger.ledger.Books.ISSUER;
import static org.capledger.ledger.Books.TODAY;
import static org.capledger.ledger.Books.createClass;
import static org.capledger.ledger.Books.createIssuer;
import static org.capledger.ledger.Books.issue;
import static org.capledger.ledger.Books.register;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.convertible.TransferConvertible;
import org.capledger.api.equity.CancelEquityCompensation;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.ReleaseEquityCompensation;
import org.capledger.api.equity.TransferEquityCompensation;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.stock.CancelStock;
import org.capledger.api.stock.ConsolidateStock;
import org.capledger.api.stock.ConvertStock;
import org.capledger.api.stock.ReissueStock;
import org.capledger.api.stock.RepurchaseStock;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.RetractStock;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stock.Transferee;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labels requested for new securities ({@link Ledger#withRequestedLabels}), as an OCF import keeps the package's
 * {@code custom_id}s: every transaction that creates a security gives it the requested label; a label is unique in
 * the issuer ignoring case; the labels the ledger allots itself go around the requested ones; splits take explicit
 * ids for their results; and the state stays a pure fold of the events.
 */
class RequestedLabelsTest {

    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockClassId PREFERRED = StockClassId.of("preferred");
    private static final StockPlanId PLAN = StockPlanId.of("plan");
    private static final LocalDate ISSUED = LocalDate.of(2021, 3, 1);
    private static final LocalDate LATER = LocalDate.of(2022, 6, 1);
    private static final Money USD = Money.of("1", "USD");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Books books;
    private Ledger ledger;

    /** Ana, Ben; Common (CS-) and Preferred (PS-, converting 1:1 into Common); a plan over Common. */
    @BeforeEach
    void setUp() {
        books = new Books();
        ledger = books.ledger;
        books.record(ledger.createIssuer(createIssuer(null), TODAY));
        books.record(ledger.registerStakeholder(register("ana", "Ana Alves", FORMED, null), TODAY));
        books.record(ledger.registerStakeholder(register("ben", "Ben Brown", FORMED, null), TODAY));
        books.record(ledger.createStockClass(createClass("common", "Common", "CS-", FORMED, "1000000", false), TODAY));
        books.record(ledger.createStockClass(new CreateStockClass(ISSUER, PREFERRED, FORMED, "Preferred",
                StockClassType.PREFERRED, "PS-", null, Quantity.of(1), 2, Quantity.of(100000), false,
                List.of(new ConversionRight(COMMON, Ratio.of(1, 1), null))), TODAY));
        books.record(ledger.createStockPlan(new CreateStockPlan(ISSUER, PLAN, FORMED, "Plan", null, null,
                Quantity.of(100000), CancellationBehavior.RETURN_TO_POOL, List.of(COMMON)), TODAY));
    }

    private static SecurityId id(String value) {
        return SecurityId.of(value);
    }

    /** The ledger deciding with labels for ids: {@code labels("cs1", "CS-7", "cs2", "CS-8")}. */
    private Ledger labels(String... idThenLabel) {
        Map<SecurityId, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < idThenLabel.length; i += 2) {
            labels.put(idThenLabel[i] == null ? null : id(idThenLabel[i]), idThenLabel[i + 1]);
        }
        return ledger.withRequestedLabels(labels);
    }

    private String stockLabel(String id) {
        return ledger.findSecurity(id(id)).orElseThrow().label();
    }

    private String grantLabel(String id) {
        return ledger.findGrant(id(id)).orElseThrow().label();
    }

    private String instrumentLabel(String id) {
        return ledger.findInstrument(id(id)).orElseThrow().label();
    }

    private static CapledgerException refused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CapledgerException.class);
        CapledgerException refusal = (CapledgerException) thrown;
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
        return refusal;
    }

    private void issueStock(String securityId, String holder, String quantity) {
        books.record(ledger.issueStock(issue(securityId, holder, "common", ISSUED, quantity), TODAY));
    }

    private IssueEquityCompensation grant(String securityId, CompensationType type, long quantity) {
        return new IssueEquityCompensation(ISSUER, id(securityId), ISSUED, StakeholderId.of("ben"), PLAN, COMMON,
                type, Quantity.of(quantity), type.isOption() ? Money.of("0.5", "USD") : null, null, false, null, null,
                ISSUED.plusYears(10), List.of(), null, null);
    }

    private IssueWarrant warrant(String securityId, long quantity) {
        return new IssueWarrant(ISSUER, id(securityId), ISSUED, StakeholderId.of("ben"), COMMON,
                Quantity.of(quantity), USD, Money.of("100", "USD"), null, null);
    }

    private IssueConvertible safe(String securityId) {
        return new IssueConvertible(ISSUER, id(securityId), ISSUED, StakeholderId.of("ben"), ConvertibleType.SAFE,
                Money.of("50000", "USD"), null, 1, false, null);
    }

    /** What a snapshot holds: the whole ledger as JSON. */
    private static String json(Ledger l) {
        return JSON.writeValueAsString(l);
    }

    @Nested
    class Stock {

        @Test
        void anIssuanceCarriesItsRequestedLabel() {
            StockIssued e = books.record(labels("cs1", "Founder 1").issueStock(
                    issue("cs1", "ana", "common", ISSUED, "1000"), TODAY));

            assertThat(e.securityLabel()).isEqualTo("Founder 1");
            assertThat(stockLabel("cs1")).isEqualTo("Founder 1");
        }

        @Test
        void theNextAllottedLabelSkipsOneRequestedEarlier() {
            books.record(labels("cs1", "CS-2").issueStock(issue("cs1", "ana", "common", ISSUED, "1000"), TODAY));

            issueStock("cs2", "ben", "10");
            issueStock("cs3", "ben", "10");

            assertThat(stockLabel("cs2")).isEqualTo("CS-3");
            assertThat(stockLabel("cs3")).isEqualTo("CS-4");
        }

        @Test
        void aTransferGivesRequestedLabelsAndAllotsAroundThemInTheSameTransaction() {
            issueStock("cs1", "ana", "1000");
            StockTransferred e = books.record(labels("cs3", "CS-2").transferStock(new TransferStock(ISSUER, id("cs1"),
                    LATER, List.of(new Transferee(StakeholderId.of("ben"), Quantity.of(400), id("cs2"))), null,
                    id("cs3")), TODAY));

            assertThat(e.resultingSecurities()).extracting(ResultingSecurity::securityLabel).containsExactly("CS-3");
            assertThat(e.balance().securityLabel()).isEqualTo("CS-2");
            assertThat(stockLabel("cs2")).isEqualTo("CS-3");
            assertThat(stockLabel("cs3")).isEqualTo("CS-2");
        }

        @Test
        void cancellationAndRepurchaseBalancesCarryRequestedLabels() {
            issueStock("cs1", "ana", "1000");
            books.record(labels("cs2", "B-1").cancelStock(new CancelStock(ISSUER, id("cs1"), LATER,
                    Quantity.of(100), "Forfeited", id("cs2")), TODAY));
            books.record(labels("cs3", "B-2").repurchaseStock(new RepurchaseStock(ISSUER, id("cs2"), LATER,
                    Quantity.of(100), USD, null, id("cs3")), TODAY));

            assertThat(stockLabel("cs2")).isEqualTo("B-1");
            assertThat(stockLabel("cs3")).isEqualTo("B-2");
            assertThat(ledger.findSecurity(id("cs3")).orElseThrow().quantity()).isEqualTo(Quantity.of(800));
        }

        @Test
        void aReissuanceLabelsTheRequestedSecuritiesAndAllotsTheOthers() {
            issueStock("cs1", "ana", "1000");
            books.record(labels("cs3", "R-2").reissueStock(new ReissueStock(ISSUER, id("cs1"), LATER, List.of(
                    new ReissueStock.NewSecurity(id("cs2"), Quantity.of(600)),
                    new ReissueStock.NewSecurity(id("cs3"), Quantity.of(400))), "Lost certificate"), TODAY));

            assertThat(stockLabel("cs2")).isEqualTo("CS-2");
            assertThat(stockLabel("cs3")).isEqualTo("R-2");
        }

        @Test
        void aConversionLabelsItsResultsAndBalance() {
            books.record(ledger.issueStock(issue("ps1", "ana", "preferred", ISSUED, "100"), TODAY));
            books.record(labels("cs1", "CS-X", "ps2", "PS-X").convertStock(new ConvertStock(ISSUER, id("ps1"),
                    LATER, Quantity.of(60), COMMON, id("cs1"), id("ps2"), null), TODAY));
            books.record(labels("cs3", "CS-Y").convertStock(new ConvertStock(ISSUER, id("ps2"), LATER,
                    Quantity.of(40), COMMON, null, null, List.of(new ConvertStock.NewSecurity(id("cs2"),
                    Quantity.of(10)), new ConvertStock.NewSecurity(id("cs3"), Quantity.of(30)))), TODAY));

            assertThat(stockLabel("cs1")).isEqualTo("CS-X");
            assertThat(stockLabel("ps2")).isEqualTo("PS-X");
            assertThat(stockLabel("cs2")).isEqualTo("CS-2");
            assertThat(stockLabel("cs3")).isEqualTo("CS-Y");
        }

        @Test
        void aConsolidationLabelsItsResult() {
            issueStock("cs1", "ana", "100");
            issueStock("cs2", "ana", "200");
            books.record(labels("cs3", "Merged").consolidateStock(new ConsolidateStock(ISSUER,
                    List.of(id("cs1"), id("cs2")), LATER, id("cs3"), null), TODAY));

            assertThat(stockLabel("cs3")).isEqualTo("Merged");
            assertThat(ledger.findSecurity(id("cs3")).orElseThrow().quantity()).isEqualTo(Quantity.of(300));
        }
    }

    @Nested
    class Splits {

        @BeforeEach
        void twoHolders() {
            issueStock("cs1", "ana", "1000");
            issueStock("cs2", "ben", "500");
        }

        private SplitStockClass split(Map<SecurityId, SecurityId> resultingIds) {
            return new SplitStockClass(ISSUER, COMMON, LATER, Ratio.of(2, 1), null, null, null, resultingIds);
        }

        @Test
        void explicitIdsAndRequestedLabelsGoToTheResults() {
            StockClassSplit e = books.record(labels("cs1-split", "CS-1S", "cs2-split", "CS-2S").splitStockClass(
                    split(Map.of(id("cs1"), id("cs1-split"), id("cs2"), id("cs2-split"))), TODAY));

            assertThat(e.splits()).extracting(r -> r.sourceSecurityId().value(),
                            r -> r.resultingSecurity().securityId().value(), r -> r.resultingSecurity().securityLabel(),
                            r -> r.resultingSecurity().quantity())
                    .containsExactly(tuple("cs1", "cs1-split", "CS-1S", Quantity.of(2000)),
                            tuple("cs2", "cs2-split", "CS-2S", Quantity.of(1000)));
            StockSecurity result = ledger.findSecurity(id("cs1-split")).orElseThrow();
            assertThat(result.sourceSecurityIds()).containsExactly(id("cs1"));
            assertThat(result.origin()).isEqualTo("SPLIT");
            assertThat(ledger.findSecurity(id("cs1")).orElseThrow().resultingSecurityIds())
                    .containsExactly(id("cs1-split"));
        }

        @Test
        void securitiesTheMappingDoesNotNameKeepDerivedIdsAndAllottedLabels() {
            SplitStockClass derivedOnly = new SplitStockClass(ISSUER, COMMON, LATER, Ratio.of(2, 1), null, null,
                    null);
            StockClassSplit derived = ledger.splitStockClass(derivedOnly, TODAY);

            StockClassSplit e = books.record(ledger.splitStockClass(split(Map.of(id("cs1"), id("cs1-split"))),
                    TODAY));

            assertThat(derivedOnly.resultingSecurityIds()).isEmpty();
            assertThat(e.splits().get(0).resultingSecurity().securityId()).isEqualTo(id("cs1-split"));
            assertThat(e.splits().get(0).resultingSecurity().securityLabel()).isEqualTo("CS-3");
            assertThat(e.splits().get(1).resultingSecurity()).isEqualTo(derived.splits().get(1).resultingSecurity());
        }

        @Test
        void aMappingNamingAnUnknownSecurityIsRefused() {
            CapledgerException refusal = refused(() -> ledger.splitStockClass(split(Map.of(id("nope"),
                    id("x"))), TODAY), ErrorCode.UNKNOWN_SECURITY);

            assertThat(refusal.getMessage()).contains("resultingSecurityIds", "nope");
        }

        @Test
        void aMappingNamingASecurityTheSplitDoesNotReplaceIsRefused() {
            books.record(ledger.issueStock(issue("ps1", "ana", "preferred", ISSUED, "10"), TODAY));

            CapledgerException refusal = refused(() -> ledger.splitStockClass(split(Map.of(id("ps1"), id("x"))),
                    TODAY), ErrorCode.INVALID_VALUE);

            assertThat(refusal.getMessage()).contains("PS-1", "does not replace");
        }

        @Test
        void aMappingGivingOneIdToTwoResultsIsRefused() {
            CapledgerException refusal = refused(() -> ledger.splitStockClass(split(Map.of(id("cs1"), id("same"),
                    id("cs2"), id("same"))), TODAY), ErrorCode.DUPLICATE_SECURITY);

            assertThat(refusal.getMessage()).contains("same", "both");
        }

        @Test
        void aMappingToAnExistingIdIsRefused() {
            refused(() -> ledger.splitStockClass(split(Map.of(id("cs1"), id("cs2"))), TODAY),
                    ErrorCode.DUPLICATE_SECURITY);
        }

        @Test
        void aMappingWithAMissingIdIsRefused() {
            Map<SecurityId, SecurityId> withNull = new LinkedHashMap<>();
            withNull.put(id("cs1"), null);

            refused(() -> ledger.splitStockClass(split(withNull), TODAY), ErrorCode.INVALID_VALUE);
        }

        @Test
        void aLabelCannotBeRequestedForAResultWhoseIdIsDerived() {
            StockClassSplit derived = ledger.splitStockClass(split(null), TODAY);
            String derivedId = derived.splits().get(0).resultingSecurity().securityId().value();

            refused(() -> labels(derivedId, "Mine").splitStockClass(split(null), TODAY), ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class Grants {

        @Test
        void aGrantCarriesItsRequestedLabelAndTheNextAllottedOneSkipsIt() {
            books.record(labels("opt1", "OPT-2").issueEquityCompensation(grant("opt1", CompensationType.OPTION_NSO,
                    1000), TODAY));
            books.record(ledger.issueEquityCompensation(grant("opt2", CompensationType.OPTION_ISO, 1000), TODAY));

            assertThat(grantLabel("opt1")).isEqualTo("OPT-2");
            assertThat(grantLabel("opt2")).isEqualTo("OPT-3");
        }

        @Test
        void anExerciseLabelsItsStockAndBalanceGrant() {
            books.record(ledger.issueEquityCompensation(grant("opt1", CompensationType.OPTION_NSO, 1000), TODAY));
            books.record(labels("cs1", "CS-E1", "opt1b", "OPT-1B").exerciseEquityCompensation(
                    new ExerciseEquityCompensation(ISSUER, id("opt1"), LATER, Quantity.of(300), null, id("cs1"),
                            id("opt1b")), TODAY));

            assertThat(stockLabel("cs1")).isEqualTo("CS-E1");
            assertThat(grantLabel("opt1b")).isEqualTo("OPT-1B");
        }

        @Test
        void aReleaseCancellationAndTransferLabelTheirNewSecurities() {
            books.record(ledger.issueEquityCompensation(grant("rsu1", CompensationType.RSU, 1000), TODAY));
            books.record(labels("cs1", "CS-R", "rsu2", "RSU-B").releaseEquityCompensation(
                    new ReleaseEquityCompensation(ISSUER, id("rsu1"), LATER, Quantity.of(100), LATER, USD, id("cs1"),
                            id("rsu2")), TODAY));
            books.record(labels("rsu3", "RSU-C").cancelEquityCompensation(new CancelEquityCompensation(ISSUER,
                    id("rsu2"), LATER, Quantity.of(100), "Left", id("rsu3")), TODAY));
            books.record(labels("rsu4", "RSU-T").transferEquityCompensation(new TransferEquityCompensation(ISSUER,
                    id("rsu3"), LATER, StakeholderId.of("ana"), null, id("rsu4")), TODAY));

            assertThat(stockLabel("cs1")).isEqualTo("CS-R");
            assertThat(grantLabel("rsu2")).isEqualTo("RSU-B");
            assertThat(grantLabel("rsu3")).isEqualTo("RSU-C");
            assertThat(grantLabel("rsu4")).isEqualTo("RSU-T");
            assertThat(ledger.findGrant(id("rsu4")).orElseThrow().stakeholderId()).isEqualTo(StakeholderId.of("ana"));
        }
    }

    @Nested
    class WarrantsAndConvertibles {

        @Test
        void warrantTransactionsLabelTheirNewSecurities() {
            books.record(labels("w1", "W-2").issueWarrant(warrant("w1", 1000), TODAY));
            books.record(labels("cs1", "CS-W", "w2", "W-B").exerciseWarrant(new ExerciseWarrant(ISSUER, id("w1"),
                    LATER, Quantity.of(100), null, id("cs1"), id("w2")), TODAY));
            books.record(labels("w3", "W-C").cancelWarrant(new CancelWarrant(ISSUER, id("w2"), LATER,
                    Quantity.of(100), "Lapsed in part", id("w3")), TODAY));
            books.record(labels("w4", "W-T").transferWarrant(new TransferWarrant(ISSUER, id("w3"), LATER,
                    StakeholderId.of("ana"), null, id("w4")), TODAY));
            books.record(ledger.issueWarrant(warrant("w5", 10), TODAY));

            assertThat(instrumentLabel("w1")).isEqualTo("W-2");
            assertThat(stockLabel("cs1")).isEqualTo("CS-W");
            assertThat(instrumentLabel("w2")).isEqualTo("W-B");
            assertThat(instrumentLabel("w3")).isEqualTo("W-C");
            assertThat(instrumentLabel("w4")).isEqualTo("W-T");
            assertThat(instrumentLabel("w5")).as("numbered after the four warrants before it").isEqualTo("W-5");
        }

        @Test
        void convertibleTransactionsLabelTheirNewSecurities() {
            books.record(labels("safe1", "SAFE-2024-1").issueConvertible(safe("safe1"), TODAY));
            books.record(labels("safe2", "SAFE-T").transferConvertible(new TransferConvertible(ISSUER, id("safe1"),
                    LATER, StakeholderId.of("ana"), null, id("safe2")), TODAY));
            books.record(labels("cs1", "CS-C").convertConvertible(new ConvertConvertible(ISSUER, id("safe2"), LATER,
                    COMMON, Quantity.of(5000), "Priced round", id("cs1")), TODAY));
            books.record(ledger.issueConvertible(safe("safe3"), TODAY));

            assertThat(instrumentLabel("safe1")).isEqualTo("SAFE-2024-1");
            assertThat(instrumentLabel("safe2")).isEqualTo("SAFE-T");
            assertThat(stockLabel("cs1")).isEqualTo("CS-C");
            assertThat(instrumentLabel("safe3")).isEqualTo("SAFE-3");
        }

        @Test
        void anAllottedLabelSkipsOneOfAnotherFamilyWithTheSamePrefix() {
            books.record(ledger.issueWarrant(warrant("w1", 10), TODAY));
            books.record(ledger.createStockClass(createClass("wclass", "Class W", "W-", FORMED, "1000", false),
                    TODAY));

            books.record(ledger.issueStock(issue("ws1", "ana", "wclass", ISSUED, "10"), TODAY));

            assertThat(instrumentLabel("w1")).isEqualTo("W-1");
            assertThat(stockLabel("ws1")).isEqualTo("W-2");
        }
    }

    @Nested
    class Rules {

        @Test
        void aLabelThatIsNotOneToSixtyFourPrintableCharactersIsRefusedNamingIt() {
            issueStock("cs1", "ana", "10");
            for (String bad : new String[] {"", "   ", "x".repeat(65), "CS\u00077", " CS-9", "CS-9 ", "two\nlines",
                    "CS\u200B9"}) {
                CapledgerException refusal = refused(() -> labels("cs2", bad).issueStock(
                        issue("cs2", "ana", "common", ISSUED, "10"), TODAY), ErrorCode.INVALID_VALUE);
                assertThat(refusal.getMessage()).as("%s", bad).contains("cs2", "1 to 64 printable characters");
                assertThat(refusal.properties()).containsEntry("securityLabel", bad).containsEntry("securityId", "cs2");
            }
            refused(() -> labels("cs2", null).issueStock(issue("cs2", "ana", "common", ISSUED, "10"), TODAY),
                    ErrorCode.INVALID_VALUE);
            assertThat(ledger.findSecurity(id("cs2"))).isEmpty();
        }

        @Test
        void sixtyFourCharactersAndAnyScriptAreAccepted() {
            String longest = "L".repeat(64);
            books.record(labels("cs1", longest).issueStock(issue("cs1", "ana", "common", ISSUED, "10"), TODAY));
            books.record(labels("cs2", "Aktie Nr. 7 – Ü 株").issueStock(issue("cs2", "ana", "common", ISSUED, "10"),
                    TODAY));

            assertThat(stockLabel("cs1")).isEqualTo(longest);
            assertThat(stockLabel("cs2")).isEqualTo("Aktie Nr. 7 – Ü 株");
        }

        @Test
        void aLabelAnotherSecurityCarriesIsRefusedIgnoringCaseAndAcrossFamilies() {
            issueStock("cs1", "ana", "10");
            books.record(ledger.issueEquityCompensation(grant("opt1", CompensationType.OPTION_NSO, 10), TODAY));

            for (String taken : List.of("CS-1", "cs-1", "OPT-1")) {
                CapledgerException refusal = refused(() -> labels("cs2", taken).issueStock(
                        issue("cs2", "ana", "common", ISSUED, "10"), TODAY), ErrorCode.DUPLICATE_SECURITY_LABEL);
                assertThat(refusal.getMessage()).contains(taken);
                assertThat(refusal.properties()).containsEntry("securityLabel", taken);
            }
            refused(() -> labels("w1", "cs-1").issueWarrant(warrant("w1", 10), TODAY),
                    ErrorCode.DUPLICATE_SECURITY_LABEL);
        }

        @Test
        void aRetractedSecurityKeepsItsLabel() {
            books.record(labels("cs1", "Void-1").issueStock(issue("cs1", "ana", "common", ISSUED, "10"), TODAY));
            books.record(ledger.retractStock(new RetractStock(ISSUER, id("cs1"), LATER, "Mistake"), TODAY));

            refused(() -> labels("cs2", "Void-1").issueStock(issue("cs2", "ana", "common", ISSUED, "10"), TODAY),
                    ErrorCode.DUPLICATE_SECURITY_LABEL);
        }

        @Test
        void oneLabelRequestedForTwoNewSecuritiesIsRefused() {
            issueStock("cs1", "ana", "1000");

            refused(() -> labels("cs2", "Same", "cs3", "same").transferStock(new TransferStock(ISSUER, id("cs1"),
                    LATER, List.of(new Transferee(StakeholderId.of("ben"), Quantity.of(400), id("cs2"))), null,
                    id("cs3")), TODAY), ErrorCode.DUPLICATE_SECURITY_LABEL);
        }

        @Test
        void aLabelForASecurityTheTransactionDoesNotCreateIsRefused() {
            issueStock("cs1", "ana", "1000");
            String before = json(ledger);

            CapledgerException refusal = refused(() -> labels("cs2", "T-1", "cs3", "T-2").transferStock(
                    new TransferStock(ISSUER, id("cs1"), LATER, List.of(new Transferee(StakeholderId.of("ben"),
                            Quantity.of(1000), id("cs2"))), null, id("cs3")), TODAY), ErrorCode.INVALID_VALUE);

            assertThat(refusal.getMessage()).contains("cs3", "does not create");
            assertThat(json(ledger)).as("a refusal changes nothing").isEqualTo(before);
        }

        @Test
        void noLabelsDecidesWithTheLedgerItself() {
            assertThat(ledger.withRequestedLabels(Map.of())).isSameAs(ledger);
            assertThat(ledger.withRequestedLabels(null)).isSameAs(ledger);
        }

        @Test
        void theViewWithLabelsFoldsNothingAndSharesEveryPieceOfState() throws IllegalAccessException {
            Ledger view = labels("cs1", "X");
            StockIssued event = view.issueStock(issue("cs1", "ana", "common", ISSUED, "10"), TODAY);

            assertThatThrownBy(() -> view.apply(event, 99)).isInstanceOf(IllegalStateException.class);
            for (Field field : Ledger.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("requestedLabels")) {
                    continue;
                }
                field.setAccessible(true);
                assertThat(field.get(view)).as(field.getName()).isSameAs(field.get(ledger));
            }
        }
    }

    @Nested
    class BackDatingAndDeterminism {

        @Test
        void aBackDatedIssuanceKeepsItsRequestedLabelInEveryView() {
            books.record(ledger.issueStock(issue("cs1", "ana", "common", LATER, "100"), TODAY));
            books.record(labels("cs0", "CS-2").issueStock(issue("cs0", "ben", "common", ISSUED, "50"), TODAY));
            books.record(ledger.issueStock(issue("cs2", "ana", "common", TODAY, "10"), TODAY));

            assertThat(stockLabel("cs0")).isEqualTo("CS-2");
            assertThat(stockLabel("cs2")).isEqualTo("CS-3");
            Ledger before = books.asOf(ISSUED);
            assertThat(before.securities()).extracting(StockSecurity::label).containsExactly("CS-2");
            assertThat(books.asOf(TODAY).securities()).containsExactlyInAnyOrderElementsOf(ledger.securities());
        }

        @Test
        void theFoldAndASnapshotOfItDecideAsTheLedgerDoes() {
            history();

            Ledger folded = books.asOf(TODAY);
            Ledger restored = JSON.readValue(json(ledger), Ledger.class);

            assertThat(json(folded)).isEqualTo(json(ledger));
            assertThat(json(restored)).isEqualTo(json(ledger));
            for (Ledger l : List.of(ledger, folded, restored)) {
                assertThat(l.issueStock(issue("next", "ana", "common", TODAY, "1"), TODAY).securityLabel())
                        .isEqualTo("CS-7");
                assertThat(l.issueEquityCompensation(grant("nextopt", CompensationType.OPTION_NSO, 1), TODAY)
                        .securityLabel()).isEqualTo("OPT-4");
                refused(() -> l.withRequestedLabels(Map.of(id("next"), "cs-5")).issueStock(
                        issue("next", "ana", "common", TODAY, "1"), TODAY), ErrorCode.DUPLICATE_SECURITY_LABEL);
            }
        }

        /**
         * CS-1 and CS-2 allotted, CS-5 and CS-3 requested; then the fifth security of the class is allotted CS-6, as
         * CS-5 is taken. OPT-2 requested, so the second grant is allotted OPT-3.
         */
        private void history() {
            issueStock("cs1", "ana", "1000");
            books.record(labels("cs3", "CS-5").transferStock(new TransferStock(ISSUER, id("cs1"), LATER,
                    List.of(new Transferee(StakeholderId.of("ben"), Quantity.of(400), id("cs2"))), null, id("cs3")),
                    TODAY));
            books.record(labels("opt1", "OPT-2").issueEquityCompensation(grant("opt1", CompensationType.OPTION_NSO,
                    100), TODAY));
            books.record(labels("cs4", "CS-3").exerciseEquityCompensation(new ExerciseEquityCompensation(ISSUER,
                    id("opt1"), LATER, Quantity.of(100), null, id("cs4"), null), TODAY));
            issueStock("cs5", "ben", "10");
            books.record(ledger.issueEquityCompensation(grant("opt2", CompensationType.OPTION_NSO, 100), TODAY));
            assertThat(List.of(stockLabel("cs1"), stockLabel("cs2"), stockLabel("cs3"), stockLabel("cs4"),
                    stockLabel("cs5"), grantLabel("opt1"), grantLabel("opt2")))
                    .containsExactly("CS-1", "CS-2", "CS-5", "CS-3", "CS-6", "OPT-2", "OPT-3");
        }
    }
}
