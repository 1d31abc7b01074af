package org.capledger.api.vesting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link VestingTerms} as an OCF 1.2 {@code VESTING_TERMS} object (snake_case, as in
 * {@code objects/VestingTerms.schema.json} and {@code types/vesting/*}), the inverse of the tests' strict reader
 * {@code OcfVestingJson.terms}: reading what this writes gives back equal terms.
 *
 * <p>The result is plain maps, lists, strings, integers and booleans in OCF's member order, so that it needs no JSON
 * library here; any JSON writer turns it into the object. Where OCF requires a member that Capledger may leave out,
 * the empty value is written: {@code description} as {@code ""} (read back as none) and {@code next_condition_ids} as
 * {@code []}. Numerics are strings, as OCF's {@code Numeric} type wants.
 */
public final class OcfVestingTerms {

    private OcfVestingTerms() {
    }

    /** @return the {@code VESTING_TERMS} object, under the terms' own id */
    public static Map<String, Object> json(VestingTerms terms) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("object_type", "VESTING_TERMS");
        n.put("id", terms.id().value());
        n.put("name", terms.name());
        n.put("description", terms.description() == null ? "" : terms.description());
        n.put("allocation_type", terms.allocationType().name());
        List<Object> conditions = new ArrayList<>();
        terms.vestingConditions().forEach(c -> conditions.add(condition(c)));
        n.put("vesting_conditions", conditions);
        return n;
    }

    /** @return the id of the first condition triggered by the vesting start, or null when none is */
    public static String startConditionId(VestingTerms terms) {
        return terms.vestingConditions().stream().filter(c -> c.trigger() instanceof VestingTrigger.Start)
                .map(VestingCondition::id).findFirst().orElse(null);
    }

    static Map<String, Object> condition(VestingCondition c) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", c.id());
        if (c.description() != null) {
            n.put("description", c.description());
        }
        if (c.portion() != null) {
            Map<String, Object> portion = new LinkedHashMap<>();
            portion.put("numerator", c.portion().numerator().toString());
            portion.put("denominator", c.portion().denominator().toString());
            portion.put("remainder", c.portion().remainder());
            n.put("portion", portion);
        } else {
            n.put("quantity", c.quantity().toString());
        }
        n.put("trigger", trigger(c.trigger()));
        n.put("next_condition_ids", List.copyOf(c.nextConditionIds()));
        return n;
    }

    static Map<String, Object> trigger(VestingTrigger trigger) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", trigger.type().name());
        if (trigger instanceof VestingTrigger.Absolute a) {
            n.put("date", a.date().toString());
        } else if (trigger instanceof VestingTrigger.Relative r) {
            n.put("period", period(r.period()));
            n.put("relative_to_condition_id", r.relativeToConditionId());
        }
        return n;
    }

    static Map<String, Object> period(VestingPeriod p) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("length", p.length());
        n.put("type", p.type().name());
        n.put("occurrences", p.occurrences());
        if (p.dayOfMonth() != null) {
            n.put("day_of_month", p.dayOfMonth().ocf());
        }
        if (p.cliffInstallment() != null) {
            n.put("cliff_installment", p.cliffInstallment());
        }
        return n;
    }
}
