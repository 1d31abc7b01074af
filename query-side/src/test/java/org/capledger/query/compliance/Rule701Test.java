package org.capledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.capledger.query.compliance.DelawareFranchiseTaxTest.JSON;
import static org.capledger.query.compliance.DelawareFranchiseTaxTest.assertRefused;
import static org.capledger.query.compliance.DelawareFranchiseTaxTest.usd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.capledger.api.ErrorCode;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Rule701Test {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final LocalDate BALANCE_SHEET = LocalDate.of(2024, 12, 31);
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockClassId PREFERRED = StockClassId.of("preferred");

    @ParameterizedTest(name = "{0} options at ${1}: within {2}")
    @CsvSource({"99999, 10, true", "100000, 10, true", "100000, 10.0000001, false"})
    void oneMillionDollarLimitHoldsUpToAndIncludingOneMillion(String quantity, String price, boolean within) {
        // (ii) 15% of $1,000,000 = $150,000; (iii) 15% of 500,000 = 75,000 securities: (i) is the greatest
        Rule701Report report = Rule701.compute(input("1000000", outstanding(COMMON, "500000"),
                option(LocalDate.of(2025, 1, 15), COMMON, quantity, price)));

        Rule701Window window = report.asOfWindow();
        assertThat(window.greatestLimit()).isEqualTo(Rule701Limit.ONE_MILLION_DOLLARS);
        assertThat(window.withinLimits()).isEqualTo(within);
        assertThat(check(window, Rule701Limit.ONE_MILLION_DOLLARS).satisfied()).isEqualTo(within);
        assertThat(report.withinLimitsInEveryWindow()).isEqualTo(within);
    }

    @ParameterizedTest(name = "{0} options at ${1}: within {2}")
    @CsvSource({"9999, 150, true", "10000, 150, true", "10000, 150.000001, false"})
    void fifteenPercentOfTotalAssetsHoldsUpToAndIncludingTheLimit(String quantity, String price, boolean within) {
        // (ii) 15% of $10,000,000 = $1,500,000; (iii) 15% of 50,000 = 7,500 securities
        Rule701Report report = Rule701.compute(input("10000000", outstanding(COMMON, "50000"),
                option(LocalDate.of(2025, 1, 15), COMMON, quantity, price)));

        Rule701Window window = report.asOfWindow();
        assertThat(check(window, Rule701Limit.FIFTEEN_PERCENT_OF_TOTAL_ASSETS).amount()).isEqualTo(usd("1500000"));
        assertThat(window.greatestLimit()).isEqualTo(Rule701Limit.FIFTEEN_PERCENT_OF_TOTAL_ASSETS);
        assertThat(window.withinLimits()).isEqualTo(within);
        assertThat(check(window, Rule701Limit.ONE_MILLION_DOLLARS).satisfied()).isFalse();
    }

    @ParameterizedTest(name = "{0} options: within {1}")
    @CsvSource({"1499999, true", "1500000, true", "1500001, false"})
    void fifteenPercentOfTheClassIsCountedInSecuritiesNotDollars(String quantity, boolean within) {
        // $1 options: $1.5 million exceeds (i) and (ii) = $150,000; (iii) 15% of 10,000,000 = 1,500,000 securities
        Rule701Report report = Rule701.compute(input("1000000", outstanding(COMMON, "10000000"),
                option(LocalDate.of(2025, 1, 15), COMMON, quantity, "1")));

        Rule701Window window = report.asOfWindow();
        assertThat(window.classes()).singleElement().satisfies(c -> {
            assertThat(c.amountSold()).isEqualTo(Quantity.of(quantity));
            assertThat(c.limit()).isEqualTo(Quantity.of(1_500_000));
            assertThat(c.withinLimit()).isEqualTo(within);
        });
        assertThat(window.greatestLimit()).isEqualTo(Rule701Limit.FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS);
        assertThat(window.withinLimits()).isEqualTo(within);
        assertThat(report.working()).anySatisfy(step -> assertThat(step.description())
                .startsWith("Class common, 2024-07-01 to 2025-06-30: " + Numbers.grouped(new BigDecimal(quantity))
                        + " securities sold; 15% of 10,000,000 outstanding at 2024-12-31 = 1,500,000 securities"));
    }

    @Test
    void theClassLimitHoldsOnlyWhenEveryClassSoldIsWithinItsOwnFifteenPercent() {
        Rule701Report report = Rule701.compute(input("1000000",
                List.of(outstanding(COMMON, "1000000").get(0), outstanding(PREFERRED, "100000").get(0)),
                option(LocalDate.of(2025, 2, 1), COMMON, "100000", "20"),
                stock(LocalDate.of(2025, 3, 1), PREFERRED, "16000", "1")));

        Rule701Window window = report.asOfWindow();
        assertThat(window.aggregateSalesPrice()).isEqualTo(usd("2016000"));
        assertThat(window.classes()).extracting(Rule701ClassAmount::name, Rule701ClassAmount::withinLimit,
                        Rule701ClassAmount::utilizationPercent)
                .containsExactly(tuple("common", true, new BigDecimal("66.67")),
                        tuple("preferred", false, new BigDecimal("106.67")));
        assertThat(window.greatestLimit()).isEqualTo(Rule701Limit.FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS);
        assertThat(check(window, Rule701Limit.FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS).satisfied()).isFalse();
        assertThat(window.withinLimits()).isFalse();
    }

    @ParameterizedTest(name = "aggregate ${0} × {1}: disclosure {2}")
    @CsvSource({"9999999.99, 1, false", "10000000, 1, false", "10000000.01, 1, true"})
    void enhancedDisclosureIsRequiredOnlyAboveTenMillion(String price, String quantity, boolean required) {
        Rule701Report report = Rule701.compute(input("100000000", outstanding(COMMON, "1000000"),
                stock(LocalDate.of(2025, 1, 15), COMMON, quantity, price)));

        assertThat(report.asOfWindow().withinLimits()).isTrue();
        assertThat(report.asOfWindow().enhancedDisclosureRequired()).isEqualTo(required);
        assertThat(report.enhancedDisclosureEverRequired()).isEqualTo(required);
        // the window ending on the sale and the one ending on the as-of date both hold it
        assertThat(report.windowsRequiringDisclosure())
                .isEqualTo(required ? List.of(LocalDate.of(2025, 1, 15), AS_OF) : List.of());
    }

    @Test
    void optionsAreValuedAtTheirExercisePriceAtGrant() {
        Rule701Report report = Rule701.compute(input("1000000", outstanding(COMMON, "10000000"),
                new CompensatoryIssuance(LocalDate.of(2025, 3, 1), SecurityId.of("opt-12"), "ES-12", COMMON,
                        CompensatoryIssuanceKind.OPTION, Quantity.of(40_000), usd("0.25"))));

        assertThat(report.asOfWindow().issuances()).singleElement()
                .satisfies(line -> assertThat(line.salesPrice()).isEqualTo(usd("10000")));
        assertThat(report.working()).anySatisfy(step -> {
            assertThat(step.description()).isEqualTo("2025-03-01 option grant ES-12: 40,000 common securities × "
                    + "$0.25 exercise price at grant = $10,000.00.");
            assertThat(step.source()).contains("230.701(d)(4)(i), (ii)(A)");
        });
    }

    @Test
    void theWindowIsTheTwelveMonthsEndingOnTheAsOfDateAndLaterSalesAreIgnored() {
        Rule701Report report = Rule701.compute(input("1000000", outstanding(COMMON, "10000000"),
                stock(LocalDate.of(2024, 6, 30), COMMON, "1000", "1"),
                stock(LocalDate.of(2024, 7, 1), COMMON, "2000", "1"),
                stock(LocalDate.of(2025, 7, 1), COMMON, "4000", "1")));

        assertThat(report.asOfWindow().from()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(report.asOfWindow().to()).isEqualTo(AS_OF);
        assertThat(report.asOfWindow().aggregateSalesPrice()).isEqualTo(usd("2000"));
        assertThat(report.working().get(0).description()).contains("(1 later one(s) ignored)");
    }

    @Test
    void thePeakWindowFindsAnEarlierBreachThatTheAsOfWindowNoLongerShows() {
        Rule701Report report = Rule701.compute(input("1000000", outstanding(COMMON, "1000000"),
                option(LocalDate.of(2023, 1, 15), COMMON, "90000", "10"),
                option(LocalDate.of(2023, 6, 1), COMMON, "90000", "10"),
                option(LocalDate.of(2024, 3, 1), COMMON, "10000", "10")));

        assertThat(report.asOfWindow().aggregateSalesPrice()).isEqualTo(usd("0"));
        assertThat(report.asOfWindow().withinLimits()).isTrue();
        assertThat(report.peakWindow().to()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(report.peakWindow().aggregateSalesPrice()).isEqualTo(usd("1800000"));
        assertThat(report.peakWindow().withinLimits()).isFalse();
        assertThat(report.windowsExceedingLimits()).containsExactly(LocalDate.of(2023, 6, 1));
        assertThat(report.withinLimitsInEveryWindow()).isFalse();
    }

    @Test
    void withoutSalesTheWindowIsWithinTheLimitsAndReportsTheLargerDollarLimit() {
        Rule701Report report = Rule701.compute(input("20000000", outstanding(COMMON, "1000000")));

        assertThat(report.asOfWindow().withinLimits()).isTrue();
        assertThat(report.asOfWindow().greatestLimit()).isEqualTo(Rule701Limit.FIFTEEN_PERCENT_OF_TOTAL_ASSETS);
        assertThat(report.peakWindow()).isEqualTo(report.asOfWindow());
    }

    @Test
    void aJsonRequestGivesAJsonReportThatReadsBackTheSame() {
        Rule701Input input = JSON.readValue("""
                {"asOf": "2025-06-30", "balanceSheetDate": "2024-12-31",
                 "totalAssets": {"amount": "1000000", "currency": "USD"},
                 "outstanding": [{"stockClassId": "common", "name": "Common", "outstanding": "1000000"}],
                 "issuances": [{"date": "2025-02-01", "securityId": "opt-1", "securityLabel": "ES-1",
                                "stockClassId": "common", "kind": "OPTION", "quantity": "100000",
                                "pricePerSecurity": {"amount": "0.5", "currency": "USD"}}]}
                """, Rule701Input.class);

        Rule701Report report = Rule701.compute(input);
        String json = JSON.writeValueAsString(report);

        assertThat(report.asOfWindow().aggregateSalesPrice()).isEqualTo(usd("50000"));
        assertThat(json).contains("\"utilizationPercent\":\"66.67\"")
                .contains("\"greatestLimit\":\"ONE_MILLION_DOLLARS\"");
        assertThat(JSON.readValue(json, Rule701Report.class)).isEqualTo(report);
    }

    @Test
    void refusesASaleOfAClassWithoutItsOutstandingAmount() {
        assertRefused(() -> Rule701.compute(input("1000000", outstanding(COMMON, "1000000"),
                        stock(LocalDate.of(2025, 1, 1), PREFERRED, "10", "1"))),
                ErrorCode.INVALID_VALUE, "outstanding amount of class preferred is required");
    }

    @Test
    void refusesABalanceSheetAfterTheAsOfDateAndAmountsNotInDollarsAndEmptySales() {
        assertRefused(() -> Rule701.compute(new Rule701Input(AS_OF, List.of(), usd("1"), AS_OF.plusDays(1),
                List.of())), ErrorCode.INVALID_VALUE, "after asOf");
        assertRefused(() -> Rule701.compute(new Rule701Input(AS_OF, List.of(), new Money(BigDecimal.ONE, "EUR"),
                BALANCE_SHEET, List.of())), ErrorCode.INVALID_MONEY, "USD");
        assertRefused(() -> Rule701.compute(input("1000000", outstanding(COMMON, "10"),
                stock(LocalDate.of(2025, 1, 1), COMMON, "0", "1"))), ErrorCode.INVALID_VALUE, "must be positive");
    }

    private static Rule701LimitCheck check(Rule701Window window, Rule701Limit limit) {
        return window.limits().stream().filter(c -> c.limit() == limit).findFirst().orElseThrow();
    }

    static Rule701Input input(String totalAssets, List<ClassOutstanding> outstanding,
                              CompensatoryIssuance... issuances) {
        return new Rule701Input(AS_OF, Arrays.asList(issuances), usd(totalAssets), BALANCE_SHEET, outstanding);
    }

    static List<ClassOutstanding> outstanding(StockClassId id, String amount) {
        return List.of(new ClassOutstanding(id, id.value(), Quantity.of(amount)));
    }

    static CompensatoryIssuance option(LocalDate date, StockClassId stockClass, String quantity, String price) {
        return new CompensatoryIssuance(date, null, null, stockClass, CompensatoryIssuanceKind.OPTION,
                Quantity.of(quantity), usd(price));
    }

    static CompensatoryIssuance stock(LocalDate date, StockClassId stockClass, String quantity, String price) {
        return new CompensatoryIssuance(date, null, null, stockClass, CompensatoryIssuanceKind.STOCK,
                Quantity.of(quantity), usd(price));
    }
}
