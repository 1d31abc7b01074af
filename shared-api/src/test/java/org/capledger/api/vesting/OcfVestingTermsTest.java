package org.capledger.api.vesting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.VestingTermsId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OCF JSON written from vesting terms ({@link OcfVestingTerms}) reads back, through the strict OCF reader
 * {@link OcfVestingJson}, as equal terms: cliffs as conditions and as installments, months on every day-of-month rule,
 * days, absolute dates, events, relative triggers, portions with and without remainder, fixed quantities, every
 * allocation type, and every vesting terms object of OCF's samples.
 */
class OcfVestingTermsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final VestingDayOfMonth START_DAY = VestingDayOfMonth.VESTING_START_DAY_OR_LAST_DAY_OF_MONTH;

    private static VestingTerms roundTrip(VestingTerms terms) {
        Map<String, Object> written = OcfVestingTerms.json(terms);
        JsonNode node = JSON.readTree(JSON.writeValueAsString(written));
        return OcfVestingJson.terms(node);
    }

    private static VestingTerms terms(String id, AllocationType allocation, String description,
                                      VestingCondition... conditions) {
        return new VestingTerms(VestingTermsId.of(id), "Terms " + id, description, allocation, List.of(conditions));
    }

    private static VestingCondition start(String... next) {
        return VestingCondition.of("start", Quantity.ZERO, VestingTrigger.vestingStart(), next);
    }

    @Test
    void fourYearsMonthlyWithAOneYearCliffAsAConditionOfItsOwn() {
        VestingTerms terms = terms("4y-1y", AllocationType.CUMULATIVE_ROUNDING, "Four years, one-year cliff",
                start("cliff"),
                VestingCondition.of("cliff", VestingPortion.of(12, 48),
                        VestingTrigger.after(VestingPeriod.months(12, 1, START_DAY), "start"), "monthly"),
                VestingCondition.of("monthly", VestingPortion.of(1, 48),
                        VestingTrigger.after(VestingPeriod.months(1, 36, START_DAY), "cliff")));

        assertThat(roundTrip(terms)).isEqualTo(terms);
        Map<String, Object> json = OcfVestingTerms.json(terms);
        assertThat(json).containsEntry("object_type", "VESTING_TERMS").containsEntry("id", "4y-1y")
                .containsEntry("allocation_type", "CUMULATIVE_ROUNDING");
        assertThat(JSON.writeValueAsString(json)).contains("\"day_of_month\":\"VESTING_START_DAY_OR_LAST_DAY_OF_MONTH\"",
                "\"relative_to_condition_id\":\"cliff\"", "\"next_condition_ids\":[]");
        assertThat(OcfVestingTerms.startConditionId(terms)).isEqualTo("start");
    }

    @Test
    void aCliffInstallmentOnMonthsVestingOnAFixedDay() {
        VestingTerms terms = terms("cliff-installment", AllocationType.BACK_LOADED, null, start("monthly"),
                VestingCondition.of("monthly", VestingPortion.of(1, 48), VestingTrigger.after(
                        VestingPeriod.months(1, 48, VestingDayOfMonth.DAY_01).withCliffInstallment(12), "start")));

        VestingTerms back = roundTrip(terms);

        assertThat(back).isEqualTo(terms);
        assertThat(back.description()).isNull();
        assertThat(OcfVestingTerms.json(terms)).containsEntry("description", "");
    }

    @Test
    void aCliffInstallmentOfZeroStaysZero() {
        VestingTerms terms = terms("zero-cliff", AllocationType.FRONT_LOADED, null, start("q"),
                VestingCondition.of("q", VestingPortion.of(1, 4),
                        VestingTrigger.after(VestingPeriod.months(3, 4, VestingDayOfMonth.DAY_15)
                                .withCliffInstallment(0), "start")));

        assertThat(roundTrip(terms)).isEqualTo(terms);
    }

    @Test
    void everyDayOfMonthRuleAndEveryAllocationType() {
        for (AllocationType allocation : AllocationType.values()) {
            for (VestingDayOfMonth day : VestingDayOfMonth.values()) {
                VestingTerms terms = terms("m-" + allocation + "-" + day.ocf(), allocation, null, start("m"),
                        VestingCondition.of("m", VestingPortion.of(1, 12),
                                VestingTrigger.after(VestingPeriod.months(1, 12, day), "start")));
                assertThat(roundTrip(terms)).as(terms.id().value()).isEqualTo(terms);
            }
        }
    }

    @Test
    void periodsInDaysWithDescriptionsOnTermsAndConditions() {
        VestingTerms terms = terms("days", AllocationType.CUMULATIVE_ROUND_DOWN, "Quarterly by days over a year",
                new VestingCondition("start", "Vesting commencement", null, Quantity.ZERO,
                        VestingTrigger.vestingStart(), List.of("quarters")),
                new VestingCondition("quarters", "Every 90 days", VestingPortion.of(1, 4), null,
                        VestingTrigger.after(VestingPeriod.days(90, 4).withCliffInstallment(2), "start"), null));

        VestingTerms back = roundTrip(terms);

        assertThat(back).isEqualTo(terms);
        assertThat(back.vestingConditions().get(1).trigger()).isInstanceOfSatisfying(VestingTrigger.Relative.class,
                r -> assertThat(r.period().dayOfMonth()).isNull());
    }

    @Test
    void eventsWithRemainderPortionsAndSeveralNextConditions() {
        VestingTerms terms = terms("double-trigger", AllocationType.CUMULATIVE_ROUNDING, null,
                start("acquisition", "monthly"),
                VestingCondition.of("acquisition", VestingPortion.ofRemainder(1, 1), VestingTrigger.event()),
                VestingCondition.of("monthly", VestingPortion.of(1, 24),
                        VestingTrigger.after(VestingPeriod.months(1, 24, START_DAY), "start"), "acceleration"),
                VestingCondition.of("acceleration", VestingPortion.ofRemainder(1, 2), VestingTrigger.event(),
                        "after-acceleration"),
                VestingCondition.of("after-acceleration", VestingPortion.ofRemainder(1, 1),
                        VestingTrigger.after(VestingPeriod.days(365, 1), "acceleration")));

        VestingTerms back = roundTrip(terms);

        assertThat(back).isEqualTo(terms);
        assertThat(back.condition("start").orElseThrow().nextConditionIds()).containsExactly("acquisition", "monthly");
        assertThat(back.condition("acceleration").orElseThrow().portion().remainder()).isTrue();
    }

    @Test
    void absoluteDatesAndFixedFractionalQuantitiesWithoutAVestingStart() {
        VestingTerms terms = terms("absolute", AllocationType.FRACTIONAL, null,
                VestingCondition.of("first", Quantity.of("100.5"), VestingTrigger.on(LocalDate.of(2024, 2, 29)),
                        "second"),
                VestingCondition.of("second", Quantity.of("0.0000000001"), VestingTrigger.on(LocalDate.of(2025, 1, 1)),
                        "milestone"),
                VestingCondition.of("milestone", new VestingPortion(Quantity.of("0.5"), Quantity.of("1.5"), false),
                        VestingTrigger.event()));

        assertThat(roundTrip(terms)).isEqualTo(terms);
        assertThat(OcfVestingTerms.startConditionId(terms)).isNull();
    }

    @Test
    void everyVestingTermsObjectOfOcfsSamples() {
        List<VestingTerms> samples = Stream.concat(
                Stream.of("VestingTerms.ocf.json", "VestingTerms.example1.ocf.json", "VestingTerms.example2.ocf.json")
                        .flatMap(f -> OcfVestingJson.termsFile("/ocf/examples/" + f).stream()),
                OcfVestingJson.termsFile("/ocf/packages/acme_holdings_limited/VestingTerms.ocf.json").stream())
                .toList();

        assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
        for (VestingTerms t : samples) {
            assertThat(roundTrip(t)).as(t.id().value()).isEqualTo(t);
        }
    }

    @Property(tries = 300)
    void anyChainOfConditionsSurvives(@ForAll("chains") VestingTerms terms) {
        assertThat(roundTrip(terms)).isEqualTo(terms);
    }

    /** A start condition followed by one to five conditions of any trigger, portion or quantity. */
    @Provide
    Arbitrary<VestingTerms> chains() {
        Arbitrary<VestingPeriod> months = Combinators.combine(Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(1, 48), Arbitraries.of(VestingDayOfMonth.class),
                        Arbitraries.integers().between(0, 48).injectNull(0.5))
                .as((length, occurrences, day, cliff) -> new VestingPeriod(length, VestingPeriodType.MONTHS,
                        occurrences, day, cliff == null ? null : Math.min(cliff, occurrences)));
        Arbitrary<VestingPeriod> days = Combinators.combine(Arbitraries.integers().between(0, 365),
                        Arbitraries.integers().between(1, 40), Arbitraries.integers().between(0, 40).injectNull(0.5))
                .as((length, occurrences, cliff) -> new VestingPeriod(length, VestingPeriodType.DAYS, occurrences,
                        null, cliff == null ? null : Math.min(cliff, occurrences)));
        Arbitrary<String> kinds = Arbitraries.of("relative-months", "relative-days", "absolute", "event");
        Arbitrary<Boolean> portions = Arbitraries.of(true, false);
        Arbitrary<Long> numbers = Arbitraries.longs().between(0, 1000);
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 365 * 40)
                .map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
        Arbitrary<String> texts = Arbitraries.strings().alpha().numeric().withChars(' ', '-', 'é').ofMinLength(1)
                .ofMaxLength(20).injectNull(0.6);
        Arbitrary<Step> steps = Combinators.combine(kinds, months, days, dates, portions, numbers, texts)
                .as(Step::new);
        return Combinators.combine(steps.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(AllocationType.class),
                texts).as((list, allocation, description) -> {
                    List<VestingCondition> conditions = new ArrayList<>();
                    conditions.add(start("c0"));
                    for (int i = 0; i < list.size(); i++) {
                        Step s = list.get(i);
                        String id = "c" + i;
                        VestingTrigger trigger = switch (s.kind) {
                            case "relative-months" -> VestingTrigger.after(s.months, i == 0 ? "start" : "c" + (i - 1));
                            case "relative-days" -> VestingTrigger.after(s.days, i == 0 ? "start" : "c" + (i - 1));
                            case "absolute" -> VestingTrigger.on(s.date);
                            default -> VestingTrigger.event();
                        };
                        List<String> next = i + 1 < list.size() ? List.of("c" + (i + 1)) : List.of();
                        // portions of a whole chain stay within 1: each at most 1/(5 * occurrences)
                        int occurrences = trigger instanceof VestingTrigger.Relative r ? r.period().occurrences() : 1;
                        VestingPortion portion = s.portion ? new VestingPortion(Quantity.of(s.number % 2),
                                Quantity.of(5L * occurrences), s.number % 3 == 0) : null;
                        conditions.add(new VestingCondition(id, s.text, portion,
                                portion == null ? Quantity.of(s.number) : null, trigger, next));
                    }
                    return new VestingTerms(VestingTermsId.of("generated"), "Generated", description, allocation,
                            conditions);
                });
    }

    private record Step(String kind, VestingPeriod months, VestingPeriod days, LocalDate date, boolean portion,
                        long number, String text) {
    }
}
