package org.capledger.api.vesting;

import static org.capledger.api.vesting.VestingTermsValidation.invalid;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.capledger.api.value.VestingTermsId;

/**
 * The terms under which securities vest (OCF 1.2 {@code objects/VestingTerms}): a directed acyclic graph of
 * {@link VestingCondition}s. Securities refer to terms by {@code id}; each security's own vesting start, vesting
 * events and accelerations decide the route it takes (see {@code org.capledger.ledger.vesting.VestingSchedule}).
 *
 * <p>JSON form, Example 3 of OCF {@code docs/VestingTerms.md} (four years monthly, one-year cliff):
 * <pre>{@code
 * {"id": "4yr-1yr-cliff-schedule", "name": "Four Year / One Year Cliff", "description": "...",
 *  "allocationType": "CUMULATIVE_ROUNDING",
 *  "vestingConditions": [
 *   {"id": "vesting-start", "description": null, "portion": null, "quantity": "0",
 *    "trigger": {"type": "VESTING_START_DATE"}, "nextConditionIds": ["cliff"]},
 *   {"id": "cliff", "description": null, "portion": {"numerator": "12", "denominator": "48", "remainder": false},
 *    "quantity": null, "trigger": {"type": "VESTING_SCHEDULE_RELATIVE", "period": {"length": 12, "type": "MONTHS",
 *    "occurrences": 1, "dayOfMonth": "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH", "cliffInstallment": null},
 *    "relativeToConditionId": "vesting-start"}, "nextConditionIds": ["monthly-thereafter"]},
 *   {"id": "monthly-thereafter", ... "portion": {"numerator": "1", "denominator": "48", ...},
 *    "trigger": {... "period": {"length": 1, "type": "MONTHS", "occurrences": 36, ...},
 *    "relativeToConditionId": "cliff"}, "nextConditionIds": []}]}
 * }</pre>
 *
 * <p>Rules, each refused with {@link org.capledger.api.ErrorCode#INVALID_VESTING_TERMS} and a detail naming the
 * condition:
 * <ul>
 *   <li>a name; 1 to {@value #MAX_CONDITIONS} conditions with unique ids;</li>
 *   <li>every id in {@code nextConditionIds} and every {@code relativeToConditionId} names a condition of these
 *       terms, and a relative trigger's reference comes before it on some route;</li>
 *   <li>no cycles: "graphs should be acyclic" (OCF {@code docs/VestingTerms.md}, Example 2);</li>
 *   <li>along every route, the fixed portions (each times its occurrences; {@code remainder} portions excluded)
 *       add up to at most 1, so no route vests more than the whole security by portions.</li>
 * </ul>
 * Rules on single conditions, portions and periods are on {@link VestingCondition}, {@link VestingPortion} and
 * {@link VestingPeriod}. Fixed quantities cannot be checked against a security here; the schedule never vests more
 * than the security's quantity.
 *
 * @param id                the terms' id, required
 * @param name              concise name, required, at most {@value #MAX_NAME} characters
 * @param description       optional, at most {@value #MAX_DESCRIPTION} characters; blank becomes {@code null}
 * @param allocationType    how the schedule rounds to whole shares, required
 * @param vestingConditions the graph's nodes; conditions that no other condition lists as next are where vesting
 *                          begins
 */
public record VestingTerms(VestingTermsId id, String name, String description, AllocationType allocationType,
                           List<VestingCondition> vestingConditions) {

    public static final int MAX_NAME = 300;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_CONDITIONS = 1_000;

    /** @throws org.capledger.api.CapledgerException INVALID_VESTING_TERMS when a rule above is broken */
    public VestingTerms {
        if (id == null) {
            throw invalid("vesting terms need an id");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw invalid("name is required, at most " + MAX_NAME + " characters");
        }
        name = name.strip();
        description = VestingTermsValidation.optionalText(description, "description");
        if (allocationType == null) {
            throw invalid("allocationType is required");
        }
        if (vestingConditions == null || vestingConditions.isEmpty() || vestingConditions.size() > MAX_CONDITIONS) {
            throw invalid("vestingConditions must hold 1 to " + MAX_CONDITIONS + " conditions");
        }
        if (vestingConditions.stream().anyMatch(Objects::isNull)) {
            throw invalid("vestingConditions has an empty entry");
        }
        vestingConditions = List.copyOf(vestingConditions);
        VestingTermsValidation.checkGraph(vestingConditions);
    }

    /** @return the condition with that id, if these terms have one */
    public Optional<VestingCondition> condition(String conditionId) {
        return vestingConditions.stream().filter(c -> c.id().equals(conditionId)).findFirst();
    }

    /**
     * @return the conditions where vesting begins: those no condition lists in {@code nextConditionIds}, in the
     *         order of {@link #vestingConditions()}; never empty, since the graph has no cycles
     */
    public List<VestingCondition> roots() {
        Set<String> followers = new HashSet<>();
        vestingConditions.forEach(c -> followers.addAll(c.nextConditionIds()));
        return vestingConditions.stream().filter(c -> !followers.contains(c.id())).toList();
    }
}
