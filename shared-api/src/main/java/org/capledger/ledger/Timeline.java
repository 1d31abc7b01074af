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
 * a new authorized count, or both; the scope is valid when, after every movement, outstanding is not negative
 * and not above the authorized count in force ({@code null} authorized means no limit).
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

    /** @return the first invalid state if {@code candidate} were added, checking its date and every later one */
    Optional<Breach> breachWith(Movement candidate) {
        int at = insertionPoint(candidate.date());
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal authorized = null;
        for (int i = 0; i < at; i++) {
            Movement m = movements.get(i);
            outstanding = outstanding.add(m.outstandingChange());
            authorized = m.authorized() != null ? m.authorized() : authorized;
        }
        for (int i = at; i <= movements.size(); i++) {
            Movement m = i == at ? candidate : movements.get(i - 1);
            outstanding = outstanding.add(m.outstandingChange());
            authorized = m.authorized() != null ? m.authorized() : authorized;
            if (outstanding.signum() < 0 || (authorized != null && outstanding.compareTo(authorized) > 0)) {
                return Optional.of(new Breach(m.date(), outstanding, authorized));
            }
        }
        return Optional.empty();
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
