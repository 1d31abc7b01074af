package org.capledger.api.vesting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Fraction;

/** The rules on {@link VestingTerms} that look at more than one condition: references, cycles, route totals. */
final class VestingTermsValidation {

    private VestingTermsValidation() {
    }

    static CapledgerException invalid(String detail) {
        return new CapledgerException(ErrorCode.INVALID_VESTING_TERMS, detail);
    }

    static String optionalText(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > VestingTerms.MAX_DESCRIPTION) {
            throw invalid(field + " has more than " + VestingTerms.MAX_DESCRIPTION + " characters");
        }
        return text.strip();
    }

    static void checkGraph(List<VestingCondition> conditions) {
        Map<String, VestingCondition> byId = new LinkedHashMap<>();
        for (VestingCondition c : conditions) {
            if (byId.putIfAbsent(c.id(), c) != null) {
                throw invalid("condition id '" + c.id() + "' is used by more than one condition");
            }
        }
        for (VestingCondition c : conditions) {
            for (String next : c.nextConditionIds()) {
                if (!byId.containsKey(next)) {
                    throw invalid("condition '" + c.id() + "' lists '" + next + "' in nextConditionIds, but there is"
                            + " no condition '" + next + "'");
                }
            }
            if (c.trigger() instanceof VestingTrigger.Relative r) {
                if (r.relativeToConditionId().equals(c.id())) {
                    throw invalid("condition '" + c.id() + "' cannot be relative to itself");
                }
                if (!byId.containsKey(r.relativeToConditionId())) {
                    throw invalid("condition '" + c.id() + "' is relative to '" + r.relativeToConditionId()
                            + "', but there is no condition '" + r.relativeToConditionId() + "'");
                }
            }
        }
        List<VestingCondition> order = topologicalOrder(byId);
        checkRelativeReferencesComeFirst(byId);
        checkPortionsPerRoute(order);
    }

    /** @return the conditions so that each comes before all its next conditions; refuses a cycle, naming it */
    private static List<VestingCondition> topologicalOrder(Map<String, VestingCondition> byId) {
        Deque<VestingCondition> order = new ArrayDeque<>();
        Set<String> done = new HashSet<>();
        for (VestingCondition c : byId.values()) {
            visit(c, byId, new ArrayList<>(), done, order);
        }
        return List.copyOf(order);
    }

    /** Depth-first; at most {@value VestingTerms#MAX_CONDITIONS} deep. */
    private static void visit(VestingCondition c, Map<String, VestingCondition> byId, List<String> path,
                              Set<String> done, Deque<VestingCondition> order) {
        if (done.contains(c.id())) {
            return;
        }
        int repeated = path.indexOf(c.id());
        if (repeated >= 0) {
            List<String> loop = new ArrayList<>(path.subList(repeated, path.size()));
            loop.add(c.id());
            throw invalid("conditions form a cycle: " + route(loop) + " (the vesting graph must be acyclic)");
        }
        path.add(c.id());
        for (String next : c.nextConditionIds()) {
            visit(byId.get(next), byId, path, done, order);
        }
        path.remove(path.size() - 1);
        done.add(c.id());
        order.push(c);
    }

    private static void checkRelativeReferencesComeFirst(Map<String, VestingCondition> byId) {
        Map<String, List<String>> predecessors = new HashMap<>();
        byId.values().forEach(c -> c.nextConditionIds()
                .forEach(n -> predecessors.computeIfAbsent(n, k -> new ArrayList<>()).add(c.id())));
        for (VestingCondition c : byId.values()) {
            if (c.trigger() instanceof VestingTrigger.Relative r
                    && !ancestors(c.id(), predecessors).contains(r.relativeToConditionId())) {
                throw invalid("condition '" + c.id() + "' is relative to '" + r.relativeToConditionId()
                        + "', which never comes before it: no route through nextConditionIds leads from '"
                        + r.relativeToConditionId() + "' to '" + c.id() + "'");
            }
        }
    }

    private static Set<String> ancestors(String id, Map<String, List<String>> predecessors) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(predecessors.getOrDefault(id, List.of()));
        while (!todo.isEmpty()) {
            String p = todo.pop();
            if (seen.add(p)) {
                todo.addAll(predecessors.getOrDefault(p, List.of()));
            }
        }
        return seen;
    }

    /** The route with the largest sum of fixed portions, found from the last conditions backwards, must be ≤ 1. */
    private static void checkPortionsPerRoute(List<VestingCondition> order) {
        Map<String, Fraction> most = new HashMap<>();
        Map<String, String> bestNext = new HashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            VestingCondition c = order.get(i);
            Fraction after = Fraction.ZERO;
            for (String next : c.nextConditionIds()) {
                if (!bestNext.containsKey(c.id()) || most.get(next).compareTo(after) > 0) {
                    after = most.get(next);
                    bestNext.put(c.id(), next);
                }
            }
            most.put(c.id(), fixedPortion(c).plus(after));
        }
        // Portions are never negative, so the largest total starts at a condition nothing leads to.
        VestingCondition first = order.get(0);
        for (VestingCondition c : order) {
            if (most.get(c.id()).compareTo(most.get(first.id())) > 0) {
                first = c;
            }
        }
        Fraction total = most.get(first.id());
        if (total.compareTo(Fraction.ONE) > 0) {
            List<String> route = new ArrayList<>();
            for (String at = first.id(); at != null; at = bestNext.get(at)) {
                route.add(at);
            }
            throw invalid("the route " + route(route) + " vests " + total + " of the security by portions;"
                    + " at most 1 (all of it) can vest");
        }
    }

    private static Fraction fixedPortion(VestingCondition c) {
        if (c.portion() == null || c.portion().remainder()) {
            return Fraction.ZERO;
        }
        int occurrences = c.trigger() instanceof VestingTrigger.Relative r ? r.period().occurrences() : 1;
        return c.portion().ratio().times(occurrences);
    }

    private static String route(List<String> ids) {
        return String.join(" -> ", ids.stream().map(id -> "'" + id + "'").toList());
    }
}
