package org.capledger.ledger.vesting;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Decimals;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Fraction;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.VestingCondition;
import org.capledger.api.vesting.VestingPeriod;
import org.capledger.api.vesting.VestingPeriodType;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;

/**
 * When a security's shares vest: the tranches (date, quantity) that follow from its {@link VestingTerms}, its
 * quantity, its vesting start, the vesting events recorded for it and its accelerations, and from those the vested
 * and unvested quantity on any date. Immutable; computed once by {@link #compute}.
 *
 * <h2>The route (OCF 1.2 {@code docs/VestingTerms.md}, Example 2)</h2>
 * Vesting follows one route through the condition graph. The candidates are first the terms'
 * {@link VestingTerms#roots() roots}, then the {@code nextConditionIds} of the condition last met. Of the candidates
 * that can be met, the one met earliest is taken; on the same date, the one listed first. The others are dropped
 * ("only one path is ever taken"). A candidate is met:
 * <ul>
 *   <li>{@link VestingTrigger.Start}: on the vesting start date; never while there is none;</li>
 *   <li>{@link VestingTrigger.Event}: on the date of the earliest {@link VestingEventOccurrence} for it; never
 *       without one;</li>
 *   <li>{@link VestingTrigger.Absolute}: on its date;</li>
 *   <li>{@link VestingTrigger.Relative}: {@code k * length} days or months after the condition it is relative to,
 *       for {@code k} = 1 to {@code occurrences}; never if that condition is not on the route. Months are calendar
 *       months: the month is the reference date's plus {@code k * length}, and the day in it is set by the period's
 *       {@link org.capledger.api.vesting.VestingDayOfMonth} (so "01" from Jan 15 vests on Feb 1), where "vesting
 *       start day" is the day of month on which the route's start condition was met (or, without one, of the
 *       reference condition's date). Each occurrence is computed from the reference date, never from the previous
 *       occurrence, so a start on Jan 31 vests on Feb 28, Mar 31, Apr 30.</li>
 * </ul>
 * No condition is met before the condition preceding it on the route: an earlier date is moved to that condition's
 * date. So an absolute date already past when a condition becomes a candidate is met at once, and relative
 * occurrences that fell while the route waited for an event vest together on the event's date.
 *
 * <p>A repeating condition is a candidate with the date of its first occurrence, and is complete at its last: its
 * next conditions, and conditions relative to it, count from its last occurrence (so OCF's "6-yr-option-back-loaded"
 * runs 12 months at each rate one after another). An event therefore cannot interrupt a repeating condition.
 *
 * <h2>Amounts</h2>
 * Each occurrence vests the condition's {@code quantity}, or its portion of the security's quantity &mdash; with
 * {@code remainder}, of the part not yet vested by the terms when the condition is reached. The terms never vest more
 * than the security's quantity: an amount that would pass it is cut. Exact amounts are rational; they are turned
 * into tranches by the terms' {@link AllocationType}:
 * <ul>
 *   <li>{@code CUMULATIVE_ROUNDING} / {@code CUMULATIVE_ROUND_DOWN}: over the whole route, the amount vested so far is
 *       the exact amount so far rounded half up / down to a whole share; each tranche is the difference;</li>
 *   <li>{@code FRACTIONAL}: the same, rounded half up to ten decimal places (a {@link Quantity}'s limit), so the
 *       tranches are exact where a decimal can be and always add up exactly;</li>
 *   <li>{@code FRONT_LOADED}, {@code BACK_LOADED}, {@code FRONT_LOADED_TO_SINGLE_TRANCHE},
 *       {@code BACK_LOADED_TO_SINGLE_TRANCHE}: each condition first gets a whole number of shares (its exact end
 *       total rounded down, less what earlier conditions got, so the fractions carry forward); a repeating condition
 *       splits its shares into equal whole tranches and gives the leftover shares, one each, to its first or last
 *       occurrences, or all to its first or last occurrence. This is OCF's definition (18 shares in 4 tranches)
 *       applied to each condition's occurrences, as OCF's reference tools do.</li>
 * </ul>
 * When the amount vested reaches the whole quantity it is exactly the quantity, so a fractional quantity under a
 * whole-share allocation vests its fraction with the last tranche. A {@link VestingPeriod#cliffInstallment() cliff}
 * then moves the occurrences before it onto the cliff's occurrence.
 *
 * <h2>Accelerations</h2>
 * An acceleration vests its quantity on its date, ahead of the terms, and never beyond the security's quantity: on
 * any date, vested = min(quantity, vested by the terms + accelerated so far). The last tranches of the terms shrink
 * or disappear accordingly; on one date, the terms' tranches come before accelerations.
 *
 * <p>The vested quantity on a date depends only on what happened on or before it: events and accelerations dated
 * later change later tranches only.
 */
public final class VestingSchedule {

    private final Quantity quantity;
    private final List<VestingTranche> tranches;
    private final List<ConditionMet> route;
    private final List<VestingEventOccurrence> unusedEvents;
    private final TreeMap<LocalDate, BigDecimal> vestedByDate = new TreeMap<>();

    private VestingSchedule(Quantity quantity, List<VestingTranche> tranches, List<ConditionMet> route,
                            List<VestingEventOccurrence> unusedEvents) {
        this.quantity = quantity;
        this.tranches = List.copyOf(tranches);
        this.route = List.copyOf(route);
        this.unusedEvents = List.copyOf(unusedEvents);
        BigDecimal vested = BigDecimal.ZERO;
        for (VestingTranche t : tranches) {
            vested = vested.add(t.quantity().value());
            vestedByDate.put(t.date(), vested);
        }
    }

    /**
     * @param terms         the security's vesting terms
     * @param quantity      the security's quantity, all of which vests under the terms
     * @param vestingStart  the date of the security's vesting start ({@code TX_VESTING_START}), or {@code null} while
     *                      it has none
     * @param events        the vesting events recorded for the security, in any order
     * @param accelerations the accelerations recorded for the security, in any order
     * @throws CapledgerException INVALID_VALUE when an event names a condition the terms do not have, or one not
     *                            triggered by a vesting event
     */
    public static VestingSchedule compute(VestingTerms terms, Quantity quantity, LocalDate vestingStart,
                                          Collection<VestingEventOccurrence> events,
                                          Collection<VestingAcceleration> accelerations) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(quantity, "quantity");
        Map<String, VestingEventOccurrence> firstEvents = firstEventPerCondition(terms, events);

        Route walk = new Route(terms, Fraction.of(quantity.value()), vestingStart, firstEvents);
        List<VestingTranche> scheduled = walk.tranches(allocate(walk.installments, terms.allocationType(),
                walk.total, quantity.value()));
        List<VestingTranche> tranches = withAccelerations(scheduled, accelerations, quantity.value());

        List<VestingEventOccurrence> unused = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (VestingEventOccurrence e : events) {
            boolean meets = walk.metIds().contains(e.conditionId()) && firstEvents.get(e.conditionId()).equals(e);
            if (!meets || !used.add(e.conditionId())) {
                unused.add(e);
            }
        }
        return new VestingSchedule(quantity, tranches, walk.route, unused);
    }

    /** @return the security's quantity */
    public Quantity quantity() {
        return quantity;
    }

    /**
     * @return every tranche, by date: those of the terms (one per occurrence that vests shares; occurrences on one
     *         date for one condition together) and accelerations. Each has a positive quantity; together they add up
     *         to at most the security's quantity, exactly to it once everything has vested
     */
    public List<VestingTranche> tranches() {
        return tranches;
    }

    /** @return the conditions met, in route order, with their dates; the last may lie in the future */
    public List<ConditionMet> route() {
        return route;
    }

    /**
     * @return the events that did not meet a condition: their condition is not on the route (another candidate was
     *         met first), or an earlier event already met it
     */
    public List<VestingEventOccurrence> unusedEvents() {
        return unusedEvents;
    }

    /** @return the shares vested at the end of {@code asOf}: 0 to the quantity, never decreasing with the date */
    public Quantity vested(LocalDate asOf) {
        Map.Entry<LocalDate, BigDecimal> e = vestedByDate.floorEntry(Objects.requireNonNull(asOf, "asOf"));
        return e == null ? Quantity.ZERO : new Quantity(e.getValue());
    }

    /** @return the quantity less {@link #vested(LocalDate)} */
    public Quantity unvested(LocalDate asOf) {
        return new Quantity(quantity.value().subtract(vested(asOf).value()));
    }

    /** @return the date on which the last share vests, if the route as known vests all of a positive quantity */
    public Optional<LocalDate> fullyVestedOn() {
        if (!quantity.isPositive()) {
            return Optional.empty();
        }
        return vestedByDate.entrySet().stream()
                .filter(e -> e.getValue().compareTo(quantity.value()) == 0)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    // ---------------------------------------------------------------- the route

    private static Map<String, VestingEventOccurrence> firstEventPerCondition(VestingTerms terms,
                                                                              Collection<VestingEventOccurrence> events) {
        Map<String, VestingEventOccurrence> first = new HashMap<>();
        for (VestingEventOccurrence e : events) {
            VestingCondition c = terms.condition(e.conditionId()).orElseThrow(() -> new CapledgerException(
                    ErrorCode.INVALID_VALUE, "vesting terms '" + terms.id() + "' have no condition '"
                    + e.conditionId() + "'"));
            if (!(c.trigger() instanceof VestingTrigger.Event)) {
                throw new CapledgerException(ErrorCode.INVALID_VALUE, "condition '" + c.id() + "' of vesting terms '"
                        + terms.id() + "' is met by its " + c.trigger().type() + " trigger, not by a vesting event");
            }
            first.merge(e.conditionId(), e, (a, b) -> b.date().isBefore(a.date()) ? b : a);
        }
        return first;
    }

    /** One occurrence of a condition on the route, with the exact amount vested by the terms up to and with it. */
    private record Installment(VestingCondition condition, int occurrence, LocalDate date, Fraction vestedSoFar) {
    }

    /** A candidate that can be met, with the dates of its occurrences (one unless it repeats). */
    private record Candidate(VestingCondition condition, List<LocalDate> dates) {
        LocalDate first() {
            return dates.get(0);
        }

        LocalDate last() {
            return dates.get(dates.size() - 1);
        }
    }

    /** Walks the graph once, from the roots to the last condition that can be met. */
    private static final class Route {
        final Fraction total;
        final List<Installment> installments = new ArrayList<>();
        final List<ConditionMet> route = new ArrayList<>();
        private final LocalDate vestingStart;
        private final Map<String, VestingEventOccurrence> events;
        private final Map<String, LocalDate> completedOn = new HashMap<>();
        private Integer vestingStartDay;

        Route(VestingTerms terms, Fraction total, LocalDate vestingStart, Map<String, VestingEventOccurrence> events) {
            this.total = total;
            this.vestingStart = vestingStart;
            this.events = events;

            Fraction vested = Fraction.ZERO;
            LocalDate previous = null;
            List<VestingCondition> candidates = terms.roots();
            while (true) {
                Candidate met = null;
                for (VestingCondition c : candidates) {
                    List<LocalDate> dates = dates(c, previous);
                    if (dates != null && (met == null || dates.get(0).isBefore(met.first()))) {
                        met = new Candidate(c, dates);
                    }
                }
                if (met == null) {
                    break;
                }
                VestingCondition c = met.condition();
                if (c.trigger() instanceof VestingTrigger.Start && vestingStartDay == null) {
                    vestingStartDay = met.first().getDayOfMonth();
                }
                Fraction each = amountPerOccurrence(c, vested);
                for (int k = 0; k < met.dates().size(); k++) {
                    vested = vested.plus(each).min(total);
                    installments.add(new Installment(c, k + 1, met.dates().get(k), vested));
                }
                completedOn.put(c.id(), met.last());
                route.add(new ConditionMet(c.id(), met.first(), met.last()));
                previous = met.last();
                candidates = c.nextConditionIds().stream().map(id -> terms.condition(id).orElseThrow()).toList();
            }
        }

        Set<String> metIds() {
            return completedOn.keySet();
        }

        /** @return the dates on which {@code c} is met, none moved before {@code previous}; null if it cannot be */
        private List<LocalDate> dates(VestingCondition c, LocalDate previous) {
            List<LocalDate> raw;
            if (c.trigger() instanceof VestingTrigger.Absolute a) {
                raw = List.of(a.date());
            } else if (c.trigger() instanceof VestingTrigger.Relative r) {
                raw = occurrences(r);
            } else if (c.trigger() instanceof VestingTrigger.Start) {
                raw = vestingStart == null ? null : List.of(vestingStart);
            } else {
                raw = events.containsKey(c.id()) ? List.of(events.get(c.id()).date()) : null;
            }
            if (raw == null || previous == null) {
                return raw;
            }
            return raw.stream().map(d -> d.isBefore(previous) ? previous : d).toList();
        }

        private List<LocalDate> occurrences(VestingTrigger.Relative r) {
            LocalDate base = completedOn.get(r.relativeToConditionId());
            if (base == null) {
                return null;
            }
            VestingPeriod p = r.period();
            int startDay = vestingStartDay != null ? vestingStartDay : base.getDayOfMonth();
            List<LocalDate> dates = new ArrayList<>(p.occurrences());
            for (int k = 1; k <= p.occurrences(); k++) {
                long units = (long) k * p.length();
                dates.add(p.type() == VestingPeriodType.DAYS
                        ? base.plusDays(units)
                        : p.dayOfMonth().dateIn(YearMonth.from(base).plusMonths(units), startDay));
            }
            return dates;
        }

        private Fraction amountPerOccurrence(VestingCondition c, Fraction vested) {
            if (c.quantity() != null) {
                return Fraction.of(c.quantity().value());
            }
            Fraction base = c.portion().remainder() ? total.minus(vested) : total;
            return c.portion().ratio().times(base);
        }

        /**
         * @param amounts the allocated amount of each installment, in installment order
         * @return the terms' tranches: cliffs paid out, empty occurrences left out, one condition's occurrences on
         *         one date together
         */
        List<VestingTranche> tranches(BigDecimal[] amounts) {
            BigDecimal[] paid = amounts.clone();
            for (int i = 0; i < installments.size(); i++) {
                Installment in = installments.get(i);
                int cliff = in.condition().trigger() instanceof VestingTrigger.Relative r
                        ? r.period().cliffOccurrence() : 1;
                if (in.occurrence() < cliff) {
                    paid[i + cliff - in.occurrence()] = paid[i + cliff - in.occurrence()].add(paid[i]);
                    paid[i] = BigDecimal.ZERO;
                }
            }
            List<VestingTranche> out = new ArrayList<>();
            for (int i = 0; i < installments.size(); i++) {
                if (paid[i].signum() == 0) {
                    continue;
                }
                Installment in = installments.get(i);
                VestingTranche last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last.date().equals(in.date()) && in.condition().id().equals(last.conditionId())) {
                    out.set(out.size() - 1, new VestingTranche(in.date(),
                            new Quantity(last.quantity().value().add(paid[i])), last.conditionId()));
                } else {
                    out.add(new VestingTranche(in.date(), new Quantity(paid[i]), in.condition().id()));
                }
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- rounding

    private static BigDecimal[] allocate(List<Installment> installments, AllocationType type, Fraction total,
                                         BigDecimal quantity) {
        return switch (type) {
            case CUMULATIVE_ROUNDING -> cumulative(installments, total, quantity, r -> r.roundHalfUp(0));
            case CUMULATIVE_ROUND_DOWN -> cumulative(installments, total, quantity, Fraction::floor);
            case FRACTIONAL -> cumulative(installments, total, quantity, r -> r.roundHalfUp(Decimals.MAX_SCALE));
            case FRONT_LOADED, BACK_LOADED, FRONT_LOADED_TO_SINGLE_TRANCHE, BACK_LOADED_TO_SINGLE_TRANCHE ->
                    loaded(installments, type, total, quantity);
        };
    }

    /** The amount vested after each installment is the rounded exact amount; the whole quantity stays exact. */
    private static BigDecimal[] cumulative(List<Installment> installments, Fraction total, BigDecimal quantity,
                                           Function<Fraction, BigDecimal> rounding) {
        BigDecimal[] amounts = new BigDecimal[installments.size()];
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            BigDecimal after = rounded(installments.get(i).vestedSoFar(), total, quantity, rounding);
            amounts[i] = after.subtract(before);
            before = after;
        }
        return amounts;
    }

    private static BigDecimal rounded(Fraction exact, Fraction total, BigDecimal quantity,
                                      Function<Fraction, BigDecimal> rounding) {
        return exact.equals(total) ? quantity : rounding.apply(exact).min(quantity);
    }

    /** Whole shares per condition, carried forward by rounding down; then split over its occurrences. */
    private static BigDecimal[] loaded(List<Installment> installments, AllocationType type, Fraction total,
                                       BigDecimal quantity) {
        BigDecimal[] amounts = new BigDecimal[installments.size()];
        BigDecimal before = BigDecimal.ZERO;
        int from = 0;
        while (from < installments.size()) {
            String conditionId = installments.get(from).condition().id();
            int to = from;
            while (to + 1 < installments.size() && installments.get(to + 1).condition().id().equals(conditionId)) {
                to++;
            }
            BigDecimal after = rounded(installments.get(to).vestedSoFar(), total, quantity, Fraction::floor);
            split(after.subtract(before), type, amounts, from, to - from + 1);
            before = after;
            from = to + 1;
        }
        return amounts;
    }

    private static void split(BigDecimal shares, AllocationType type, BigDecimal[] amounts, int from, int n) {
        BigDecimal whole = shares.setScale(0, RoundingMode.FLOOR);
        BigInteger[] qr = whole.toBigIntegerExact().divideAndRemainder(BigInteger.valueOf(n));
        BigDecimal base = new BigDecimal(qr[0]);
        int leftover = qr[1].intValueExact();
        for (int i = 0; i < n; i++) {
            BigDecimal extra = switch (type) {
                case FRONT_LOADED -> i < leftover ? BigDecimal.ONE : BigDecimal.ZERO;
                case BACK_LOADED -> i >= n - leftover ? BigDecimal.ONE : BigDecimal.ZERO;
                case FRONT_LOADED_TO_SINGLE_TRANCHE -> i == 0 ? BigDecimal.valueOf(leftover) : BigDecimal.ZERO;
                case BACK_LOADED_TO_SINGLE_TRANCHE -> i == n - 1 ? BigDecimal.valueOf(leftover) : BigDecimal.ZERO;
                default -> throw new IllegalArgumentException(type.name());
            };
            amounts[from + i] = base.add(extra);
        }
        amounts[from + n - 1] = amounts[from + n - 1].add(shares.subtract(whole));
    }

    // ---------------------------------------------------------------- accelerations

    private static List<VestingTranche> withAccelerations(List<VestingTranche> scheduled,
                                                          Collection<VestingAcceleration> accelerations,
                                                          BigDecimal quantity) {
        List<VestingAcceleration> ahead = accelerations.stream()
                .sorted(Comparator.comparing(VestingAcceleration::date)).toList();
        List<VestingTranche> out = new ArrayList<>();
        BigDecimal vested = BigDecimal.ZERO;
        int a = 0;
        for (VestingTranche t : scheduled) {
            for (; a < ahead.size() && ahead.get(a).date().isBefore(t.date()); a++) {
                vested = add(out, ahead.get(a).date(), ahead.get(a).quantity().value(), null, vested, quantity);
            }
            vested = add(out, t.date(), t.quantity().value(), t.conditionId(), vested, quantity);
        }
        for (; a < ahead.size(); a++) {
            vested = add(out, ahead.get(a).date(), ahead.get(a).quantity().value(), null, vested, quantity);
        }
        return out;
    }

    private static BigDecimal add(List<VestingTranche> out, LocalDate date, BigDecimal amount, String conditionId,
                                  BigDecimal vested, BigDecimal quantity) {
        BigDecimal capped = amount.min(quantity.subtract(vested));
        if (capped.signum() > 0) {
            out.add(new VestingTranche(date, new Quantity(capped), conditionId));
        }
        return vested.add(capped);
    }
}
