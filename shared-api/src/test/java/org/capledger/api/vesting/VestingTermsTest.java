package org.capledger.api.vesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.VestingTermsId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

class VestingTermsTest {

    /** As in production: Jackson 3 defaults, unknown members refused (application.yml). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final VestingDayOfMonth START_DAY = VestingDayOfMonth.VESTING_START_DAY_OR_LAST_DAY_OF_MONTH;

    private static VestingTerms terms(VestingCondition... conditions) {
        return new VestingTerms(VestingTermsId.of("t"), "Terms", null, AllocationType.CUMULATIVE_ROUNDING,
                Arrays.asList(conditions));
    }

    private static VestingCondition start(String... next) {
        return VestingCondition.of("start", Quantity.ZERO, VestingTrigger.vestingStart(), next);
    }

    private static VestingCondition monthly(String id, long numerator, long denominator, int occurrences,
                                            String relativeTo, String... next) {
        return VestingCondition.of(id, VestingPortion.of(numerator, denominator),
                VestingTrigger.after(VestingPeriod.months(1, occurrences, START_DAY), relativeTo), next);
    }

    private static VestingCondition event(String id, VestingPortion portion, String... next) {
        return VestingCondition.of(id, portion, VestingTrigger.event(), next);
    }

    private static void assertInvalid(ThrowingCallable call, String detail) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(CapledgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VESTING_TERMS);
                    assertThat(e.code().httpStatus()).isEqualTo(422);
                })
                .hasMessageContaining(detail);
    }

    // ---------------------------------------------------------------- valid terms

    @Test
    void rootsAreTheConditionsNoConditionLeadsTo() {
        VestingTerms t = terms(event("sale", VestingPortion.of(1, 2)), start("monthly"),
                monthly("monthly", 1, 48, 48, "start"));

        assertThat(t.roots()).extracting(VestingCondition::id).containsExactly("sale", "start");
        assertThat(t.condition("monthly")).map(VestingCondition::id).hasValue("monthly");
        assertThat(t.condition("nope")).isEmpty();
    }

    @Test
    void zeroPortionsAndZeroQuantitiesAreAllowedBecauseOcfExpiriesUseThem() {
        VestingTerms t = terms(start("expiry"), VestingCondition.of("expiry", VestingPortion.of(0, 1),
                VestingTrigger.on(LocalDate.of(2025, 1, 1))));

        assertThat(t.vestingConditions()).hasSize(2);
    }

    @Test
    void portionsOfExactlyAllOfTheSecurityAlongARouteAreAllowed() {
        VestingTerms t = terms(start("cliff"), monthly("cliff", 12, 48, 1, "start", "rest"),
                monthly("rest", 1, 48, 36, "cliff"));

        assertThat(t.vestingConditions()).hasSize(3);
    }

    @Test
    void remainderPortionsDoNotCountTowardsTheRouteTotal() {
        VestingTerms t = terms(start("half"), event("half", VestingPortion.of(1, 1), "rest"),
                event("rest", VestingPortion.ofRemainder(1, 1)));

        assertThat(t.vestingConditions()).hasSize(3);
    }

    @Test
    void blankDescriptionsBecomeNullAndTextIsStripped() {
        VestingTerms t = new VestingTerms(VestingTermsId.of("t"), "  Four years  ", "  ",
                AllocationType.FRACTIONAL, List.of(start()));

        assertThat(t.name()).isEqualTo("Four years");
        assertThat(t.description()).isNull();
    }

    // ---------------------------------------------------------------- refused terms

    @Test
    void termsNeedANameAnAllocationTypeAndConditions() {
        VestingTermsId id = VestingTermsId.of("t");
        assertInvalid(() -> new VestingTerms(id, " ", null, AllocationType.FRACTIONAL, List.of(start())), "name");
        assertInvalid(() -> new VestingTerms(id, "x".repeat(301), null, AllocationType.FRACTIONAL,
                List.of(start())), "name");
        assertInvalid(() -> new VestingTerms(id, "T", null, null, List.of(start())), "allocationType");
        assertInvalid(() -> new VestingTerms(id, "T", null, AllocationType.FRACTIONAL, List.of()),
                "vestingConditions must hold 1 to 1000");
        assertInvalid(() -> new VestingTerms(null, "T", null, AllocationType.FRACTIONAL, List.of(start())), "id");
        List<VestingCondition> withNull = new ArrayList<>();
        withNull.add(null);
        assertInvalid(() -> new VestingTerms(id, "T", null, AllocationType.FRACTIONAL, withNull), "empty entry");
    }

    @Test
    void conditionIdsMustBeUnique() {
        assertInvalid(() -> terms(start("a"), event("a", VestingPortion.of(1, 2)),
                event("a", VestingPortion.of(1, 2))), "condition id 'a' is used by more than one condition");
    }

    @Test
    void nextConditionIdsMustNameConditionsOfTheTerms() {
        assertInvalid(() -> terms(start("cliff")),
                "condition 'start' lists 'cliff' in nextConditionIds, but there is no condition 'cliff'");
    }

    @Test
    void nextConditionIdsHaveNoRepeatsAndNeverTheConditionItself() {
        assertInvalid(() -> start("a", "a"), "condition 'start' lists 'a' twice");
        assertInvalid(() -> start("start"), "condition 'start' lists itself");
    }

    @Test
    void theGraphMustBeAcyclic() {
        assertInvalid(() -> terms(start("a"), event("a", VestingPortion.of(0, 1), "b"),
                        event("b", VestingPortion.of(0, 1), "c"), event("c", VestingPortion.of(0, 1), "a")),
                "conditions form a cycle: 'a' -> 'b' -> 'c' -> 'a'");
    }

    @Test
    void aRelativeTriggerMustReferToAConditionOfTheTerms() {
        // The mistake in OCF's own options package: "relative_to_condition_id": "cliff" with no condition "cliff".
        assertInvalid(() -> terms(start("monthly"), monthly("monthly", 1, 48, 48, "cliff")),
                "condition 'monthly' is relative to 'cliff', but there is no condition 'cliff'");
        assertInvalid(() -> terms(start("monthly"), monthly("monthly", 1, 48, 48, "monthly")),
                "condition 'monthly' cannot be relative to itself");
    }

    @Test
    void aRelativeTriggerMustReferToAConditionThatComesBeforeIt() {
        assertInvalid(() -> terms(start("a", "b"), monthly("a", 1, 4, 1, "start"), monthly("b", 1, 4, 1, "a")),
                "condition 'b' is relative to 'a', which never comes before it");
    }

    @Test
    void noRouteMayVestMoreThanTheWholeSecurityByPortions() {
        assertInvalid(() -> terms(start("cliff"), monthly("cliff", 12, 48, 1, "start", "rest"),
                        monthly("rest", 1, 48, 37, "cliff")),
                "the route 'start' -> 'cliff' -> 'rest' vests 49/48 of the security by portions");
        assertInvalid(() -> terms(start("a", "b"), event("a", VestingPortion.of(1, 2)),
                        event("b", VestingPortion.of(3, 4), "c"), event("c", VestingPortion.of(1, 2))),
                "the route 'start' -> 'b' -> 'c' vests 5/4");
    }

    @Test
    void aConditionHasExactlyOneOfPortionAndQuantity() {
        assertInvalid(() -> new VestingCondition("c", null, VestingPortion.of(1, 2), Quantity.of(5),
                VestingTrigger.event(), List.of()), "condition 'c' must have exactly one of portion and quantity");
        assertInvalid(() -> new VestingCondition("c", null, null, null, VestingTrigger.event(), List.of()),
                "exactly one of portion and quantity");
    }

    @Test
    void aConditionNeedsAnIdAndATrigger() {
        assertInvalid(() -> new VestingCondition(" ", null, null, Quantity.ZERO, VestingTrigger.event(), List.of()),
                "condition id");
        assertInvalid(() -> new VestingCondition("a\nb", null, null, Quantity.ZERO, VestingTrigger.event(),
                List.of()), "control characters");
        assertInvalid(() -> new VestingCondition("c", null, null, Quantity.ZERO, null, List.of()),
                "condition 'c' needs a trigger");
    }

    @Test
    void aPortionIsBetweenZeroAndOneWithAPositiveDenominator() {
        assertInvalid(() -> VestingPortion.of(49, 48), "portion 49/48 is more than 1");
        assertInvalid(() -> VestingPortion.of(1, 0), "denominator must be more than 0");
        assertInvalid(() -> new VestingPortion(null, Quantity.of(1), false), "needs a numerator and a denominator");
    }

    @Test
    void periodsFollowOcfsShapes() {
        assertInvalid(() -> new VestingPeriod(1, VestingPeriodType.MONTHS, 12, null, null),
                "a period in MONTHS needs dayOfMonth");
        assertInvalid(() -> new VestingPeriod(30, VestingPeriodType.DAYS, 12, START_DAY, null),
                "a period in DAYS has no dayOfMonth");
        assertInvalid(() -> VestingPeriod.months(1, 0, START_DAY), "occurrences must be 1 to 10000");
        assertInvalid(() -> VestingPeriod.months(-1, 1, START_DAY), "length must not be negative");
        assertInvalid(() -> new VestingPeriod(1, null, 1, null, null), "period type is required");
        assertInvalid(() -> VestingPeriod.months(1, 48, START_DAY).withCliffInstallment(49),
                "cliffInstallment must be 0 to occurrences (48)");
        assertInvalid(() -> VestingPeriod.months(12, 101, START_DAY), "at most 1200 months");
        assertInvalid(() -> VestingPeriod.days(365, 101), "at most 36525 days");
    }

    @Test
    void cliffInstallmentsBelowTwoMeanNoCliff() {
        assertThat(VestingPeriod.months(1, 48, START_DAY).cliffOccurrence()).isEqualTo(1);
        assertThat(VestingPeriod.months(1, 48, START_DAY).withCliffInstallment(0).cliffOccurrence()).isEqualTo(1);
        assertThat(VestingPeriod.months(1, 48, START_DAY).withCliffInstallment(1).cliffOccurrence()).isEqualTo(1);
        assertThat(VestingPeriod.months(1, 48, START_DAY).withCliffInstallment(12).cliffOccurrence()).isEqualTo(12);
    }

    @Test
    void triggersNeedTheirParts() {
        assertInvalid(() -> VestingTrigger.on(null), "an absolute trigger needs a date");
        assertInvalid(() -> VestingTrigger.after(null, "start"), "a relative trigger needs a period");
        assertInvalid(() -> VestingTrigger.after(VestingPeriod.days(1, 1), " "), "needs relativeToConditionId");
    }

    // ---------------------------------------------------------------- day of month

    @Test
    void dayOfMonthRulesFallBackToTheLastDayOfShortMonths() {
        YearMonth feb2021 = YearMonth.of(2021, 2);
        YearMonth feb2024 = YearMonth.of(2024, 2);

        assertThat(VestingDayOfMonth.DAY_15.dateIn(feb2021, 31)).isEqualTo("2021-02-15");
        assertThat(VestingDayOfMonth.DAY_29_OR_LAST_DAY_OF_MONTH.dateIn(feb2021, 1)).isEqualTo("2021-02-28");
        assertThat(VestingDayOfMonth.DAY_29_OR_LAST_DAY_OF_MONTH.dateIn(feb2024, 1)).isEqualTo("2024-02-29");
        assertThat(VestingDayOfMonth.DAY_31_OR_LAST_DAY_OF_MONTH.dateIn(YearMonth.of(2021, 4), 1))
                .isEqualTo("2021-04-30");
        assertThat(START_DAY.dateIn(feb2021, 30)).isEqualTo("2021-02-28");
        assertThat(START_DAY.dateIn(YearMonth.of(2021, 3), 30)).isEqualTo("2021-03-30");
    }

    @Test
    void dayOfMonthReadsAndWritesOcfsLiterals() {
        assertThat(VestingDayOfMonth.ofOcf("05")).isEqualTo(VestingDayOfMonth.DAY_05);
        assertThat(VestingDayOfMonth.ofOcf("31_OR_LAST_DAY_OF_MONTH"))
                .isEqualTo(VestingDayOfMonth.DAY_31_OR_LAST_DAY_OF_MONTH);
        assertThat(JSON.writeValueAsString(START_DAY)).isEqualTo("\"VESTING_START_DAY_OR_LAST_DAY_OF_MONTH\"");
        assertThat(JSON.readValue("\"01\"", VestingDayOfMonth.class)).isEqualTo(VestingDayOfMonth.DAY_01);
        assertInvalid(() -> VestingDayOfMonth.ofOcf("29"), "dayOfMonth must be");
        assertThat(VestingDayOfMonth.values()).hasSize(32);
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void jsonIsOcfsShapeWithCamelCaseNamesAndNumericsAsStrings() {
        VestingTerms t = new VestingTerms(VestingTermsId.of("4yr"), "Four years", null,
                AllocationType.CUMULATIVE_ROUNDING, List.of(
                start("cliff", "sale"),
                new VestingCondition("cliff", "25% at one year", VestingPortion.of(12, 48), null,
                        VestingTrigger.after(VestingPeriod.months(12, 1, START_DAY), "start"), List.of()),
                VestingCondition.of("sale", VestingPortion.ofRemainder(1, 1), VestingTrigger.event()),
                VestingCondition.of("expiry", Quantity.ZERO, VestingTrigger.on(LocalDate.of(2030, 1, 1)), "daily"),
                VestingCondition.of("daily", VestingPortion.of(0, 1),
                        VestingTrigger.after(VestingPeriod.days(1, 2).withCliffInstallment(2), "expiry"))));

        String json = JSON.writeValueAsString(t);

        assertThat(json).isEqualTo("{\"id\":\"4yr\",\"name\":\"Four years\",\"description\":null,"
                + "\"allocationType\":\"CUMULATIVE_ROUNDING\",\"vestingConditions\":["
                + "{\"id\":\"start\",\"description\":null,\"portion\":null,\"quantity\":\"0\","
                + "\"trigger\":{\"type\":\"VESTING_START_DATE\"},\"nextConditionIds\":[\"cliff\",\"sale\"]},"
                + "{\"id\":\"cliff\",\"description\":\"25% at one year\","
                + "\"portion\":{\"numerator\":\"12\",\"denominator\":\"48\",\"remainder\":false},\"quantity\":null,"
                + "\"trigger\":{\"type\":\"VESTING_SCHEDULE_RELATIVE\",\"period\":{\"length\":12,\"type\":\"MONTHS\","
                + "\"occurrences\":1,\"dayOfMonth\":\"VESTING_START_DAY_OR_LAST_DAY_OF_MONTH\","
                + "\"cliffInstallment\":null},\"relativeToConditionId\":\"start\"},\"nextConditionIds\":[]},"
                + "{\"id\":\"sale\",\"description\":null,"
                + "\"portion\":{\"numerator\":\"1\",\"denominator\":\"1\",\"remainder\":true},\"quantity\":null,"
                + "\"trigger\":{\"type\":\"VESTING_EVENT\"},\"nextConditionIds\":[]},"
                + "{\"id\":\"expiry\",\"description\":null,\"portion\":null,\"quantity\":\"0\","
                + "\"trigger\":{\"type\":\"VESTING_SCHEDULE_ABSOLUTE\",\"date\":\"2030-01-01\"},"
                + "\"nextConditionIds\":[\"daily\"]},"
                + "{\"id\":\"daily\",\"description\":null,"
                + "\"portion\":{\"numerator\":\"0\",\"denominator\":\"1\",\"remainder\":false},\"quantity\":null,"
                + "\"trigger\":{\"type\":\"VESTING_SCHEDULE_RELATIVE\",\"period\":{\"length\":1,\"type\":\"DAYS\","
                + "\"occurrences\":2,\"dayOfMonth\":null,\"cliffInstallment\":2},\"relativeToConditionId\":\"expiry\"},"
                + "\"nextConditionIds\":[]}]}");
        assertThat(JSON.readValue(json, VestingTerms.class)).isEqualTo(t);
    }

    @Test
    void jsonMayLeaveOutOptionalMembers() {
        String json = "{\"id\":\"t\",\"name\":\"All at once\",\"allocationType\":\"FRACTIONAL\","
                + "\"vestingConditions\":[{\"id\":\"sale\",\"portion\":{\"numerator\":\"1\",\"denominator\":\"1\"},"
                + "\"trigger\":{\"type\":\"VESTING_EVENT\"}}]}";

        VestingTerms t = JSON.readValue(json, VestingTerms.class);

        assertThat(t.vestingConditions().get(0).portion().remainder()).isFalse();
        assertThat(t.vestingConditions().get(0).nextConditionIds()).isEmpty();
        assertThat(t.description()).isNull();
    }

    @Test
    void jsonRefusesUnknownMembersAndBrokenGraphs() {
        String unknown = "{\"id\":\"t\",\"name\":\"T\",\"allocationType\":\"FRACTIONAL\",\"vestingConditions\":["
                + "{\"id\":\"sale\",\"quantity\":\"1\",\"trigger\":{\"type\":\"VESTING_EVENT\"},"
                + "\"next_condition_ids\":[]}]}";
        String dangling = "{\"id\":\"t\",\"name\":\"T\",\"allocationType\":\"FRACTIONAL\",\"vestingConditions\":["
                + "{\"id\":\"sale\",\"quantity\":\"1\",\"trigger\":{\"type\":\"VESTING_EVENT\"},"
                + "\"nextConditionIds\":[\"later\"]}]}";

        assertThatThrownBy(() -> JSON.readValue(unknown, VestingTerms.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> JSON.readValue(dangling, VestingTerms.class))
                .rootCause().isInstanceOfSatisfying(CapledgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VESTING_TERMS))
                .hasMessageContaining("no condition 'later'");
    }
}
