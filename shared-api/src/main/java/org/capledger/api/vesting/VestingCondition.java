package org.capledger.api.vesting;

import static org.capledger.api.vesting.VestingTermsValidation.invalid;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.capledger.api.value.Quantity;

/**
 * A node of the vesting graph (OCF 1.2 {@code types/vesting/VestingCondition}): when {@code trigger} fires, the
 * condition is met and {@code portion} of the security, or a fixed {@code quantity} of it, vests; then the conditions
 * in {@code nextConditionIds} become candidates, in that order of priority. A repeating
 * {@link VestingTrigger.Relative relative trigger} vests the portion or quantity at every occurrence.
 *
 * @param id               unique within the terms: 1 to {@value #MAX_ID} characters, not blank, no control characters
 * @param description      optional, at most {@value VestingTerms#MAX_DESCRIPTION} characters; blank becomes
 *                         {@code null}
 * @param portion          the fraction that vests; exactly one of {@code portion} and {@code quantity} is given
 * @param quantity         the fixed number of shares that vests (may be 0, as for an expiry)
 * @param trigger          what enters this condition, required
 * @param nextConditionIds the conditions that may follow, highest priority first, no repeats, not this one;
 *                         {@code null} is read as none (a final condition)
 */
public record VestingCondition(String id, String description, VestingPortion portion, Quantity quantity,
                               VestingTrigger trigger, List<String> nextConditionIds) {

    public static final int MAX_ID = 128;

    /** @throws org.capledger.api.CapledgerException INVALID_VESTING_TERMS when a rule above is broken */
    public VestingCondition {
        if (id == null || id.isBlank() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw invalid("a condition id must be 1 to " + MAX_ID + " characters, not blank, without control"
                    + " characters");
        }
        String where = "condition '" + id + "'";
        description = VestingTermsValidation.optionalText(description, where + " description");
        if ((portion == null) == (quantity == null)) {
            throw invalid(where + " must have exactly one of portion and quantity");
        }
        if (trigger == null) {
            throw invalid(where + " needs a trigger");
        }
        nextConditionIds = nextConditionIds == null ? List.of() : List.copyOf(nextConditionIdsChecked(where, id,
                nextConditionIds));
    }

    /** A condition vesting {@code portion}, followed by {@code next}, highest priority first. */
    public static VestingCondition of(String id, VestingPortion portion, VestingTrigger trigger, String... next) {
        return new VestingCondition(id, null, portion, null, trigger, Arrays.asList(next));
    }

    /** A condition vesting a fixed {@code quantity}, followed by {@code next}, highest priority first. */
    public static VestingCondition of(String id, Quantity quantity, VestingTrigger trigger, String... next) {
        return new VestingCondition(id, null, null, quantity, trigger, Arrays.asList(next));
    }

    private static List<String> nextConditionIdsChecked(String where, String id, List<String> next) {
        Set<String> seen = new HashSet<>();
        for (String n : next) {
            if (n == null) {
                throw invalid(where + " has an empty entry in nextConditionIds");
            }
            if (n.equals(id)) {
                throw invalid(where + " lists itself in nextConditionIds");
            }
            if (!seen.add(n)) {
                throw invalid(where + " lists '" + n + "' twice in nextConditionIds");
            }
        }
        return next;
    }
}
