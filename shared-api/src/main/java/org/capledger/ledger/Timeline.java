package org.capledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * Outstanding and authorized shares of one scope (a stock class, or the whole issuer) over effective time.
 *
 * <p>Movements are kept in (effective date, recording sequence) order. Each changes the outstanding count, sets
 * a new authorized count, or both; the scope is valid when, at the end of every effective date, outstanding is
 * not negative and not above the authorized count in force ({@code null} authorized means no limit).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Timeline {

    /**
     * @param date               effective date
     * @param sequence           recording order (the event's aggregate sequence number)
     * @param outstandingChange  shares added to (positive) or removed from (negative) outstanding
     * @param authorized         the authorized count from here on, or {@code null} when unchanged
     */
    public record Movement(LocalDate date, long sequence, BigDecimal outstandingChange, BigDecimal authorized) {

        static Movement outstanding(LocalDate date, long sequence, BigDecimal change) {
            return new Movement(date, sequence, change, null);
        }

        static Movement authorize(LocalDate date, long sequence, BigDecimal authorized) {
            return new Movement(date, sequence, BigDecimal.ZERO, authorized);
        }
    }

    /**
     * The first state that breaks the rules.
     *
     * @param date        the effective date of that state
     * @param outstanding outstanding shares then
     * @param authorized  authorized shares then ({@code null}: unlimited)
     */
    public record Breach(LocalDate date, BigDecimal outstanding, BigDecimal authorized) {
    }

    private List<Movement> movements = new ArrayList<>();

    void add(Movement movement) {
        movements.add(insertionPoint(movement.date()), movement);
    }

    /**
     * @return the first invalid state if {@code candidate} were added, checking the end of its date and of every
     *         later date. States are judged at the end of each day: effective dates have no time of day, so the
     *         order in which one day's transactions were recorded does not decide whether that day is valid.
     */
    Optional<Breach> breachWith(Movement candidate) {
        int at = insertionPoint(candidate.date());
        int total = movements.size() + 1;
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal authorized = null;
        for (int i = 0; i < total; i++) {
            Movement m = withCandidate(i, at, candidate);
            outstanding = outstanding.add(m.outstandingChange());
            authorized = m.authorized() != null ? m.authorized() : authorized;
            boolean endOfDay = i == total - 1 || !withCandidate(i + 1, at, candidate).date().equals(m.date());
            if (i >= at && endOfDay && (outstanding.signum() < 0
                    || (authorized != null && outstanding.compareTo(authorized) > 0))) {
                return Optional.of(new Breach(m.date(), outstanding, authorized));
            }
        }
        return Optional.empty();
    }

    private Movement withCandidate(int index, int at, Movement candidate) {
        return index < at ? movements.get(index) : index == at ? candidate : movements.get(index - 1);
    }

    /** @return outstanding shares after every movement folded so far */
    BigDecimal outstanding() {
        BigDecimal total = BigDecimal.ZERO;
        for (Movement m : movements) {
            total = total.add(m.outstandingChange());
        }
        return total;
    }

    /** @return the authorized count in force after the last movement in effective order, or {@code null} */
    BigDecimal authorized() {
        for (int i = movements.size() - 1; i >= 0; i--) {
            if (movements.get(i).authorized() != null) {
                return movements.get(i).authorized();
            }
        }
        return null;
    }

    /** @return outstanding at the end of {@code date} */
    BigDecimal outstandingOn(LocalDate date) {
        BigDecimal total = BigDecimal.ZERO;
        for (Movement m : movements) {
            if (m.date().isAfter(date)) {
                break;
            }
            total = total.add(m.outstandingChange());
        }
        return total;
    }

    /** @return the authorized count in force at the end of {@code date}, or {@code null} when never set */
    BigDecimal authorizedOn(LocalDate date) {
        BigDecimal authorized = null;
        for (Movement m : movements) {
            if (m.date().isAfter(date)) {
                break;
            }
            authorized = m.authorized() != null ? m.authorized() : authorized;
        }
        return authorized;
    }

    /** Index of the first movement dated after {@code date}: a new movement goes last among its own date. */
    private int insertionPoint(LocalDate date) {
        int low = 0;
        int high = movements.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (movements.get(mid).date().isAfter(date)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
