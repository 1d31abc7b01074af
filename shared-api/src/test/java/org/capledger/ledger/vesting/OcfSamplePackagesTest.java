package org.capledger.ledger.vesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.capledger.ledger.vesting.Vesting.date;
import static org.capledger.ledger.vesting.Vesting.lines;

import java.util.List;
import java.util.stream.Stream;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Quantity;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.OcfVestingJson;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Real vesting terms from OCF's sample packages, read strictly from OCF's JSON into the records and computed. */
class OcfSamplePackagesTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final String OPTIONS = "/ocf/packages/options/VestingTerms.ocf.json";
    private static final String ACME = "/ocf/packages/acme_holdings_limited/VestingTerms.ocf.json";

    @Test
    void everySampleTermsObjectMapsToTheRecordsAndSurvivesTheirJsonUnchanged() {
        List<VestingTerms> all = Stream.of("VestingTerms.ocf.json", "VestingTerms.example1.ocf.json",
                        "VestingTerms.example2.ocf.json")
                .flatMap(f -> OcfVestingJson.termsFile("/ocf/examples/" + f).stream()).toList();

        assertThat(all).extracting(t -> t.id().value()).containsExactly("4yr-1yr-cliff-schedule",
                "multi-tranche-event-based", "custom-vesting-100pct-upfront", "6-yr-option-back-loaded",
                "path-dependent-milestone-vesting", "all-or-nothing", "all-or-nothing-with-expiration");
        for (VestingTerms t : all) {
            assertThat(JSON.readValue(JSON.writeValueAsString(t), VestingTerms.class)).isEqualTo(t);
        }
        VestingTerms multi = all.get(1);
        assertThat(multi.condition("double-trigger-acceleration").orElseThrow().portion().remainder()).isTrue();
        assertThat(multi.roots()).extracting(c -> c.id()).containsExactly("vesting-start");
    }

    @Test
    void theOptionsPackageIsRefusedBecauseItsMonthlyConditionIsRelativeToAnUnknownCliff() {
        assertThatThrownBy(() -> OcfVestingJson.termsFile(OPTIONS))
                .isInstanceOfSatisfying(CapledgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VESTING_TERMS))
                .hasMessage("condition 'f8a04380-114a-467a-8d08-e58cf31a9cb4' is relative to 'cliff', but there is"
                        + " no condition 'cliff'");
    }

    @Test
    void theOptionsPackageGrantVestsFourYearsMonthlyAfterAOneYearCliffOnceTheReferenceIsRepaired() {
        JsonNode item = OcfVestingJson.read(OPTIONS).get("items").get(0);
        ((ObjectNode) item.get("vesting_conditions").get(2).get("trigger"))
                .put("relative_to_condition_id", "057d08c6-d7a8-4e0c-917c-bdf610651c25");
        VestingTerms terms = OcfVestingJson.terms(item);

        // TX_PLAN_SECURITY_ISSUANCE CA-1: 100,000 options; TX_VESTING_START 2022-12-31.
        VestingSchedule s = VestingSchedule.compute(terms, Quantity.of(100_000), date("2022-12-31"), List.of(),
                List.of());

        assertThat(terms.allocationType()).isEqualTo(AllocationType.CUMULATIVE_ROUNDING);
        assertThat(lines(s)).hasSize(37).startsWith(
                "2023-12-31 25000 057d08c6-d7a8-4e0c-917c-bdf610651c25",
                "2024-01-31 2083 f8a04380-114a-467a-8d08-e58cf31a9cb4",
                "2024-02-29 2084 f8a04380-114a-467a-8d08-e58cf31a9cb4",
                "2024-03-31 2083 f8a04380-114a-467a-8d08-e58cf31a9cb4",
                "2024-04-30 2083 f8a04380-114a-467a-8d08-e58cf31a9cb4");
        assertThat(s.fullyVestedOn()).hasValue(date("2026-12-31"));
    }

    @Test
    void theAcmePackagesLegacyCliffConditionBecomesATwelfthInstallmentCliff() {
        VestingTerms terms = OcfVestingJson.termsFile(ACME).get(0);

        VestingTrigger.Relative monthly = (VestingTrigger.Relative) terms.condition("monthly_vesting_condition")
                .orElseThrow().trigger();
        assertThat(monthly.period().occurrences()).isEqualTo(48);
        assertThat(monthly.period().cliffInstallment()).isEqualTo(12);
        assertThat(terms.allocationType()).isEqualTo(AllocationType.CUMULATIVE_ROUND_DOWN);
    }

    @Test
    void acmesFirstGrantVests90000OnTheCliffThen7500AMonthAndCoversEveryExercise() {
        VestingTerms terms = OcfVestingJson.termsFile(ACME).get(0);

        // eci_01: 360,000 options, TX_VESTING_START 2019-06-01, not early exercisable.
        VestingSchedule s = VestingSchedule.compute(terms, Quantity.of(360_000), date("2019-06-01"), List.of(),
                List.of());

        assertThat(lines(s)).hasSize(37)
                .startsWith("2020-06-01 90000 monthly_vesting_condition", "2020-07-01 7500 monthly_vesting_condition")
                .endsWith("2023-06-01 7500 monthly_vesting_condition");
        assertThat(s.vested(date("2020-05-31"))).isEqualTo(Quantity.ZERO);
        // EXERCISE_01..04 of equity_compensation_issuance_01: 500, 400, 750 and 350 options.
        String[][] exercises = {{"2020-06-15", "500"}, {"2021-05-15", "900"}, {"2023-06-01", "1650"},
                {"2023-06-15", "2000"}};
        for (String[] e : exercises) {
            assertThat(s.vested(date(e[0]))).isGreaterThanOrEqualTo(Quantity.of(e[1]));
        }
    }
}
