package org.capledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class DelawareFranchiseTaxTest {

    private static final LocalDate FORMED = LocalDate.of(2020, 3, 2);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void divisionWorkedExampleWithTwoParClassesIsTaxedByAssumedParValueCapital() {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "485000", "1000000", false,
                parClass("common", "1", "1000000"), parClass("preferred", "5", "250000")));

        assertThat(report.assumedPar()).isEqualTo(usd("2.061856"));
        FranchiseTaxPeriod year = single(report);
        assertThat(year.assumedParValueCapital()).isEqualTo(usd("3311856"));
        assertThat(year.classes()).extracting(ClassCapital::name, ClassCapital::basis, ClassCapital::capital)
                .containsExactly(
                        tuple("common", "assumed par", usd("2061856")),
                        tuple("preferred", "par value", usd("1250000")));
        assertThat(report.assumedParValueCapitalMethodTax()).isEqualTo(usd("1600"));
        assertThat(report.authorizedSharesMethodTax()).isEqualTo(usd("10790"));
        assertThat(report.chosenMethod()).isEqualTo(FranchiseTaxMethod.ASSUMED_PAR_VALUE_CAPITAL);
        assertThat(report.franchiseTax()).isEqualTo(usd("1600"));
        assertThat(report.annualReportFee()).isEqualTo(usd("50"));
        assertThat(report.totalDue()).isEqualTo(usd("1650"));
    }

    @Test
    void tenMillionSharesAtTinyParPayTheAssumedParMinimumInsteadOfTheAuthorizedSharesTax() {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "8000000", "100000", false,
                parClass("common", "0.00001", "10000000")));

        assertThat(report.assumedPar()).isEqualTo(usd("0.0125"));
        assertThat(report.working()).anySatisfy(step -> assertThat(step.description())
                .contains("÷ issued shares 8,000,000 = $0.012500 per share"));
        assertThat(single(report).assumedParValueCapital()).isEqualTo(usd("125000"));
        assertThat(report.assumedParValueCapitalMethodTax()).isEqualTo(usd("400"));
        assertThat(report.authorizedSharesMethodTax()).isEqualTo(usd("85165"));
        assertThat(report.franchiseTax()).isEqualTo(usd("400"));
        assertThat(report.working()).anySatisfy(step -> {
            assertThat(step.description()).contains("$50.00 is below its minimum; tax $400.00");
            assertThat(step.source()).contains("§503(c)");
        });
    }

    @Test
    void workingShowsEachStepWithItsSourceInOrder() {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "485000", "1000000", false,
                parClass("common", "1", "1000000"), parClass("preferred", "5", "250000")));

        List<String> descriptions = report.working().stream().map(Step::description).toList();
        assertThat(descriptions).containsSubsequence(
                "Authorized shares method, 2024-01-01 to 2024-12-31: 1,250,000 authorized shares; $250.00 for the "
                        + "first 10,000 shares + 124 × $85.00 for each further 10,000 shares or part (1,240,000 "
                        + "shares) = $10,790.00.",
                "Assumed par = gross assets $1,000,000.00 ÷ issued shares 485,000 = $2.061856 per share, carried "
                        + "to 6 decimal places (rounded half up).",
                "Assumed par value capital, 2024-01-01 to 2024-12-31: $3,311,856.00 is 4 × $1,000,000 or "
                        + "part; 4 × $400.00 = $1,600.00.",
                "Total due: franchise tax $1,600.00 + annual report filing fee $50.00 = $1,650.00.");
        assertThat(report.working()).allSatisfy(step -> assertThat(step.source()).isNotBlank());
        Step assumedPar = report.working().stream().filter(s -> s.description().startsWith("Assumed par ="))
                .findFirst().orElseThrow();
        assertThat(assumedPar.figures()).contains(new Figure("assumed par", "2.061856", "USD per share"));
    }

    @ParameterizedTest(name = "{0} authorized shares: ${1}")
    @CsvSource({
            "1, 175", "5000, 175", "5001, 250", "10000, 250", "10001, 335", "20000, 335", "20001, 420",
            "1000000, 8665", "23510000, 200000"})
    void authorizedSharesMethodFollowsTheStatutoryTiers(String authorized, String tax) {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "0", "0", false,
                parClass("common", "0.0001", authorized)));

        assertThat(report.authorizedSharesMethodTax()).isEqualTo(usd(tax));
    }

    @Test
    void authorizedSharesMethodStopsAtTheMaximumAndAtTheLargeCorporateFilerMaximum() {
        FranchiseTaxStockClass huge = parClass("common", "0.0001", "30000000");

        FranchiseTaxReport ordinary = DelawareFranchiseTax.compute(input(2024, "0", "0", false, huge));
        FranchiseTaxReport largeFiler = DelawareFranchiseTax.compute(input(2024, "0", "0", true, huge));

        assertThat(ordinary.authorizedSharesMethodTax()).isEqualTo(usd("200000"));
        assertThat(ordinary.working()).anySatisfy(step ->
                assertThat(step.description()).contains("$255,165.00 is above the maximum; tax $200,000.00"));
        assertThat(largeFiler.authorizedSharesMethodTax()).isEqualTo(usd("250000"));
        assertThat(largeFiler.working())
                .anySatisfy(step -> assertThat(step.source()).contains("Large Corporate Filer"));
    }

    @Test
    void assumedParValueCapitalMethodStopsAtTheMaximum() {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "1000000", "1000000000", false,
                parClass("common", "0.0001", "1000000")));

        assertThat(single(report).assumedParValueCapital()).isEqualTo(usd("1000000000"));
        assertThat(report.assumedParValueCapitalMethodTax()).isEqualTo(usd("200000"));
        assertThat(report.chosenMethod()).isEqualTo(FranchiseTaxMethod.AUTHORIZED_SHARES);
        assertThat(report.franchiseTax()).isEqualTo(usd("8665"));
    }

    @ParameterizedTest(name = "gross assets ${0}: capital ${1}, tax ${2}")
    @CsvSource({"999999, 999999, 400", "1000000, 1000000, 400", "1000001, 1000001, 800", "2000000, 2000000, 800",
            "2000001, 2000001, 1200"})
    void assumedParValueCapitalIsTaxedPerMillionOrPart(String grossAssets, String capital, String tax) {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "1000000", grossAssets, false,
                parClass("common", "0.0001", "1000000")));

        assertThat(single(report).assumedParValueCapital()).isEqualTo(usd(capital));
        assertThat(report.assumedParValueCapitalMethodTax()).isEqualTo(usd(tax));
    }

    @Test
    void belowOneMillionTheCapitalIsTaxedProportionallyBeforeTheMinimum() {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "1000000", "500000", false,
                parClass("common", "0.0001", "1000000"), noParClass("founders", "6000")));

        // par capital $500,000 → $200.00; no-par capital 6,000 × $100 = $600,000 → $250; together $450.00
        FranchiseTaxPeriod year = single(report);
        assertThat(year.assumedParValueCapital()).isEqualTo(usd("500000"));
        assertThat(year.assumedNoParCapital()).isEqualTo(usd("600000"));
        assertThat(year.assumedParValueCapitalTax()).isEqualTo(usd("450"));
        assertThat(report.working()).anySatisfy(step -> assertThat(step.description())
                .contains("$500,000.00 ÷ $1,000,000 × $400.00 = $200.00"));
    }

    @Test
    void noParSharesAreTakenAtOneHundredDollarsAndTaxedOnTheirOwnScale() {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "500000", "5000000", false,
                parClass("common", "0.001", "1000000"), noParClass("founders", "20000")));

        FranchiseTaxPeriod year = single(report);
        assertThat(report.assumedPar()).isEqualTo(usd("10"));
        assertThat(year.assumedParValueCapital()).isEqualTo(usd("10000000"));
        assertThat(year.assumedNoParCapital()).isEqualTo(usd("2000000"));
        assertThat(year.classes()).filteredOn(c -> c.parValue() == null).singleElement()
                .satisfies(line -> {
                    assertThat(line.basis()).isEqualTo("no par: $100 per share");
                    assertThat(line.capital()).isEqualTo(usd("2000000"));
                });
        // 10 × $400 on the par classes + ($250 + 1 × $85) on the no-par capital
        assertThat(report.assumedParValueCapitalMethodTax()).isEqualTo(usd("4335"));
        // all 1,020,000 shares count for the authorized shares method: $250 + 101 × $85
        assertThat(report.authorizedSharesMethodTax()).isEqualTo(usd("8835"));
        assertThat(report.franchiseTax()).isEqualTo(usd("4335"));
    }

    @Test
    void aSmallNoParCorporationPaysTheAuthorizedSharesMinimum() {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "1000", "50000", false,
                noParClass("common", "3000")));

        assertThat(single(report).assumedNoParCapital()).isEqualTo(usd("300000"));
        assertThat(report.assumedParValueCapitalMethodTax()).isEqualTo(usd("400"));
        assertThat(report.authorizedSharesMethodTax()).isEqualTo(usd("175"));
        assertThat(report.chosenMethod()).isEqualTo(FranchiseTaxMethod.AUTHORIZED_SHARES);
        assertThat(report.totalDue()).isEqualTo(usd("225"));
    }

    @Test
    void withoutIssuedSharesTheAssumedParMethodIsNotComputableAndSaysWhy() {
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "0", "250000", false,
                parClass("common", "0.00001", "10000000")));

        assertThat(report.assumedPar()).isNull();
        assertThat(report.assumedParValueCapitalMethodTax()).isNull();
        assertThat(single(report).assumedParValueCapital()).isNull();
        assertThat(single(report).classes()).isEmpty();
        assertThat(report.chosenMethod()).isEqualTo(FranchiseTaxMethod.AUTHORIZED_SHARES);
        assertThat(report.franchiseTax()).isEqualTo(usd("85165"));
        assertThat(report.working()).anySatisfy(step -> assertThat(step.description())
                .startsWith("Assumed par value capital method not computable")
                .contains("no shares were issued"));
    }

    @Test
    void anIncreaseDuringTheYearProratesBothMethodsByDays() {
        FranchiseTaxStockClass common = new FranchiseTaxStockClass(StockClassId.of("common"), "common", usd("0.0001"),
                List.of(change(FORMED, "1000000"), change(LocalDate.of(2023, 7, 1), "2000000")));

        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2023, "1000000", "500000", false, common));

        assertThat(report.daysInYear()).isEqualTo(365);
        assertThat(report.periods()).extracting(FranchiseTaxPeriod::from, FranchiseTaxPeriod::to,
                FranchiseTaxPeriod::days, FranchiseTaxPeriod::authorizedSharesTax,
                FranchiseTaxPeriod::authorizedSharesShare, FranchiseTaxPeriod::assumedParValueCapitalTax,
                FranchiseTaxPeriod::assumedParValueCapitalShare)
                .containsExactly(
                        tuple(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), 181,
                                usd("8665"), usd("4296.89"), usd("400"), usd("198.36")),
                        tuple(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 12, 31), 184,
                                usd("17165"), usd("8653.04"), usd("400"), usd("201.64")));
        assertThat(report.authorizedSharesMethodTax()).isEqualTo(usd("12949.93"));
        assertThat(report.assumedParValueCapitalMethodTax()).isEqualTo(usd("400"));
        assertThat(report.franchiseTax()).isEqualTo(usd("400"));
        assertThat(report.working()).anySatisfy(step -> assertThat(step.description())
                .isEqualTo("Proration 2023-01-01 to 2023-06-30: 181 of 365 days; authorized shares method "
                        + "$8,665.00 × 181 ÷ 365 = $4,296.89; assumed par value capital method $400.00 × 181 ÷ 365 = "
                        + "$198.36 (to the cent, half up)."));
    }

    @Test
    void aLeapYearProratesOver366Days() {
        FranchiseTaxStockClass common = new FranchiseTaxStockClass(StockClassId.of("common"), "common", usd("0.0001"),
                List.of(change(FORMED, "5000"), change(LocalDate.of(2024, 3, 1), "10001")));

        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "0", "0", false, common));

        assertThat(report.daysInYear()).isEqualTo(366);
        assertThat(report.periods()).extracting(FranchiseTaxPeriod::days, FranchiseTaxPeriod::authorizedSharesShare)
                .containsExactly(tuple(60, usd("28.69")),
                        tuple(306, usd("280.08")));
        assertThat(report.franchiseTax()).isEqualTo(usd("308.77"));
    }

    @Test
    void aClassAddedDuringTheYearStartsANewPeriodAndChangesOutsideTheYearOnlySetTheStartingCount() {
        FranchiseTaxStockClass common = new FranchiseTaxStockClass(StockClassId.of("common"), "common", usd("0.0001"),
                List.of(change(FORMED, "1000000"), change(LocalDate.of(2022, 5, 1), "2000000"),
                        change(LocalDate.of(2024, 2, 1), "9000000")));
        FranchiseTaxStockClass preferred = new FranchiseTaxStockClass(StockClassId.of("series-a"), "Series A",
                usd("0.0001"), List.of(change(LocalDate.of(2023, 10, 1), "500000")));

        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2023, "2000000", "2000000", false, common,
                preferred));

        assertThat(report.periods()).extracting(FranchiseTaxPeriod::from, FranchiseTaxPeriod::totalAuthorizedShares)
                .containsExactly(tuple(LocalDate.of(2023, 1, 1), Quantity.of(2_000_000)),
                        tuple(LocalDate.of(2023, 10, 1), Quantity.of(2_500_000)));
    }

    @Test
    void aChangeThatRestatesTheSameCountDoesNotSplitTheYear() {
        FranchiseTaxStockClass common = new FranchiseTaxStockClass(StockClassId.of("common"), "common", usd("0.0001"),
                List.of(change(FORMED, "1000000"), change(LocalDate.of(2024, 6, 1), "1000000")));

        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "0", "0", false, common));

        assertThat(report.periods()).hasSize(1);
        assertThat(report.franchiseTax()).isEqualTo(usd("8665"));
    }

    @Test
    void daysBeforeTheFirstAuthorizedSharesAreNotTaxed() {
        FranchiseTaxStockClass common = new FranchiseTaxStockClass(StockClassId.of("common"), "common",
                usd("0.00001"), List.of(change(LocalDate.of(2024, 10, 1), "10000000")));

        FranchiseTaxReport report = DelawareFranchiseTax.compute(input(2024, "8000000", "100000", false, common));

        assertThat(report.periods()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo(LocalDate.of(2024, 10, 1));
            assertThat(p.days()).isEqualTo(92);
        });
        assertThat(report.authorizedSharesMethodTax()).isEqualTo(usd("21407.60"));
        assertThat(report.assumedParValueCapitalMethodTax()).isEqualTo(usd("100.55"));
        assertThat(report.working()).anySatisfy(step -> assertThat(step.description())
                .startsWith("No class had authorized shares from 2024-01-01 to 2024-09-30"));
    }

    @Test
    void aJsonRequestGivesAJsonReportWithAmountsAsStringsThatReadsBackTheSame() {
        FranchiseTaxInput input = JSON.readValue("""
                {"taxYear": 2024, "issuedShares": "485000", "largeCorporateFiler": false,
                 "grossAssets": {"amount": "1000000", "currency": "USD"},
                 "stockClasses": [
                   {"stockClassId": "common", "name": "Common", "parValue": {"amount": "1", "currency": "USD"},
                    "authorizedShares": [{"effectiveDate": "2020-03-02", "authorizedShares": "1000000"}]},
                   {"stockClassId": "preferred", "name": "Preferred", "parValue": {"amount": "5", "currency": "USD"},
                    "authorizedShares": [{"effectiveDate": "2020-03-02", "authorizedShares": "250000"}]}]}
                """, FranchiseTaxInput.class);

        FranchiseTaxReport report = DelawareFranchiseTax.compute(input);
        String json = JSON.writeValueAsString(report);

        assertThat(json).contains("\"franchiseTax\":{\"amount\":\"1600\",\"currency\":\"USD\"}")
                .contains("\"assumedPar\":{\"amount\":\"2.061856\",\"currency\":\"USD\"}")
                .contains("\"chosenMethod\":\"ASSUMED_PAR_VALUE_CAPITAL\"")
                .contains("{\"name\":\"assumed par\",\"value\":\"2.061856\",\"unit\":\"USD per share\"}");
        assertThat(JSON.readValue(json, FranchiseTaxReport.class)).isEqualTo(report);
    }

    @Test
    void refusesTaxYearsBeforeTheCurrentRates() {
        assertRefused(() -> DelawareFranchiseTax.compute(input(2017, "1", "1", false,
                parClass("common", "1", "1000"))), ErrorCode.INVALID_VALUE, "2018");
    }

    @Test
    void refusesAmountsNotInDollars() {
        assertRefused(() -> DelawareFranchiseTax.compute(new FranchiseTaxInput(2024,
                List.of(parClass("common", "1", "1000")), Quantity.of(1), new Money(BigDecimal.TEN, "EUR"), false)),
                ErrorCode.INVALID_MONEY, "USD");
    }

    @Test
    void refusesFractionalAuthorizedSharesAndTwoCountsOnOneDay() {
        assertRefused(() -> DelawareFranchiseTax.compute(input(2024, "1", "1", false,
                parClass("common", "1", "1000.5"))), ErrorCode.INVALID_VALUE, "whole number");
        FranchiseTaxStockClass twice = new FranchiseTaxStockClass(StockClassId.of("common"), "common", usd("1"),
                List.of(change(FORMED, "1000"), change(FORMED, "2000")));
        assertRefused(() -> DelawareFranchiseTax.compute(input(2024, "1", "1", false, twice)),
                ErrorCode.INVALID_VALUE, "two authorized share counts");
    }

    @Test
    void refusesAnInputWithoutAuthorizedSharesInTheYear() {
        assertRefused(() -> DelawareFranchiseTax.compute(new FranchiseTaxInput(2024, List.of(), Quantity.of(1),
                usd("1"), false)), ErrorCode.INVALID_VALUE, "at least one stock class");
        FranchiseTaxStockClass later = new FranchiseTaxStockClass(StockClassId.of("common"), "common", usd("1"),
                List.of(change(LocalDate.of(2025, 1, 1), "1000")));
        assertRefused(() -> DelawareFranchiseTax.compute(input(2024, "1", "1", false, later)),
                ErrorCode.INVALID_VALUE, "no stock class had authorized shares in 2024");
    }

    static void assertRefused(Runnable call, ErrorCode code, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CapledgerException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    private static FranchiseTaxPeriod single(FranchiseTaxReport report) {
        assertThat(report.periods()).hasSize(1);
        return report.periods().get(0);
    }

    static FranchiseTaxInput input(int year, String issued, String grossAssets, boolean largeFiler,
                                   FranchiseTaxStockClass... classes) {
        return new FranchiseTaxInput(year, Arrays.asList(classes), Quantity.of(issued), usd(grossAssets), largeFiler);
    }

    static FranchiseTaxStockClass parClass(String name, String par, String authorized) {
        return new FranchiseTaxStockClass(StockClassId.of(name), name, usd(par), List.of(change(FORMED, authorized)));
    }

    static FranchiseTaxStockClass noParClass(String name, String authorized) {
        return new FranchiseTaxStockClass(StockClassId.of(name), name, null, List.of(change(FORMED, authorized)));
    }

    static AuthorizedSharesChange change(LocalDate date, String authorized) {
        return new AuthorizedSharesChange(date, Quantity.of(authorized));
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
