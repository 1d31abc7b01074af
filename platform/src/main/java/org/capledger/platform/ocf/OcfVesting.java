package org.capledger.platform.ocf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.VestingTermsId;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.VestingCondition;
import org.capledger.api.vesting.VestingDayOfMonth;
import org.capledger.api.vesting.VestingPeriod;
import org.capledger.api.vesting.VestingPeriodType;
import org.capledger.api.vesting.VestingPortion;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;
import org.capledger.api.vesting.VestingTriggerType;
import tools.jackson.databind.JsonNode;

/**
 * OCF 1.2 vesting terms ({@code objects/VestingTerms.schema.json}, {@code types/vesting/*}) as Capledger's
 * {@link VestingTerms}, for objects the {@link OcfValidator} has checked. One member no released schema has is read:
 * the {@code cliff_condition} of an earlier vesting model ({@code {"period": {"type": "MONTHS", "length": 12}}} on a
 * relative condition, as OCF's Acme Holdings sample writes it), which becomes the installment on which the cliff
 * falls ({@code cliff_installment}: its length over the period's, in the same unit). And one broken reference is
 * read: a relative condition whose {@code relative_to_condition_id} names no condition of the terms, when exactly
 * one condition precedes it (lists it in {@code next_condition_ids}), is read relative to that one (OCF's options
 * tutorial: {@code "relative_to_condition_id": "cliff"} on the monthly condition that follows the one-year cliff).
 */
public final class OcfVesting {

    private OcfVesting() {
    }

    /**
     * @param terms  a {@code VESTING_TERMS} object
     * @param quirks receives a message for each tolerated quirk read (see the class comment and
     *               {@link OcfReport.Rule#VESTING_RELATIVE_TO_UNKNOWN_CONDITION})
     * @throws IllegalArgumentException what Capledger cannot read as terms (a cliff in another unit than its period,
     *                                  say), with a message for the import report
     */
    public static VestingTerms terms(JsonNode terms, Consumer<String> quirks) {
        Set<String> ids = new HashSet<>();
        Map<String, List<String>> predecessors = new HashMap<>();
        for (JsonNode c : terms.path("vesting_conditions")) {
            String id = c.path("id").asString();
            ids.add(id);
            c.path("next_condition_ids").forEach(next -> predecessors.computeIfAbsent(next.asString(),
                    k -> new ArrayList<>()).add(id));
        }
        List<VestingCondition> conditions = new ArrayList<>();
        for (JsonNode c : terms.path("vesting_conditions")) {
            VestingCondition condition = condition(c);
            List<String> before = predecessors.getOrDefault(condition.id(), List.of());
            if (condition.trigger() instanceof VestingTrigger.Relative relative
                    && !ids.contains(relative.relativeToConditionId()) && before.size() == 1) {
                String relativeTo = relative.relativeToConditionId();
                quirks.accept("The vesting condition '" + condition.id() + "' of the terms '"
                        + terms.path("id").asString() + "' is relative to '" + relativeTo + "', which no condition "
                        + "is; it is read relative to '" + before.get(0) + "', the one condition it follows");
                condition = new VestingCondition(condition.id(), condition.description(), condition.portion(),
                        condition.quantity(), VestingTrigger.after(relative.period(), before.get(0)),
                        condition.nextConditionIds());
            }
            conditions.add(condition);
        }
        return new VestingTerms(VestingTermsId.of(terms.get("id").stringValue()), text(terms, "name"),
                text(terms, "description"), AllocationType.valueOf(terms.get("allocation_type").stringValue()),
                conditions);
    }

    private static VestingCondition condition(JsonNode n) {
        List<String> next = new ArrayList<>();
        n.path("next_condition_ids").forEach(id -> next.add(id.stringValue()));
        return new VestingCondition(n.get("id").stringValue(), text(n, "description"),
                n.has("portion") ? portion(n.get("portion")) : null,
                n.has("quantity") ? Quantity.of(n.get("quantity").stringValue()) : null,
                trigger(n.get("trigger"), n.get("cliff_condition")), next);
    }

    private static VestingPortion portion(JsonNode n) {
        return new VestingPortion(Quantity.of(n.get("numerator").stringValue()),
                Quantity.of(n.get("denominator").stringValue()),
                n.has("remainder") && n.get("remainder").booleanValue());
    }

    private static VestingTrigger trigger(JsonNode n, JsonNode legacyCliff) {
        String type = n.get("type").stringValue();
        expect(legacyCliff == null || type.equals("VESTING_SCHEDULE_RELATIVE"),
                "cliff_condition is only read on a relative trigger");
        return switch (VestingTriggerType.valueOf(type)) {
            case VESTING_START_DATE -> VestingTrigger.vestingStart();
            case VESTING_EVENT -> VestingTrigger.event();
            case VESTING_SCHEDULE_ABSOLUTE -> VestingTrigger.on(LocalDate.parse(n.get("date").stringValue()));
            default -> VestingTrigger.after(period(n.get("period"), legacyCliff),
                    n.get("relative_to_condition_id").stringValue());
        };
    }

    private static VestingPeriod period(JsonNode n, JsonNode legacyCliff) {
        VestingPeriodType type = VestingPeriodType.valueOf(n.get("type").stringValue());
        int length = n.get("length").intValue();
        Integer cliff = n.has("cliff_installment") ? n.get("cliff_installment").intValue() : null;
        if (legacyCliff != null) {
            JsonNode p = legacyCliff.path("period");
            expect(cliff == null, "both cliff_installment and cliff_condition");
            expect(p.path("type").asString("").equals(type.name()), "a cliff_condition in another unit than its "
                    + "period");
            expect(length > 0 && p.path("length").intValue() % length == 0,
                    "a cliff_condition that is not a whole number of periods");
            cliff = p.get("length").intValue() / length;
        }
        VestingDayOfMonth day = n.has("day_of_month") ? VestingDayOfMonth.ofOcf(n.get("day_of_month").stringValue())
                : null;
        return new VestingPeriod(length, type, n.get("occurrences").intValue(), day, cliff);
    }

    private static String text(JsonNode n, String member) {
        return n.has(member) ? n.get(member).stringValue() : null;
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
