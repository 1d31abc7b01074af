package org.capledger.query.grants;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.capledger.query.common.AuthorizedShares;

/**
 * Read model row: one stock plan. {@code sharesConsumed} is what its pool has given out and not got back
 * (outstanding grants, shares exercised or released, retired or held), so {@code pool - sharesConsumed} is
 * available.
 */
@Entity
@Table(name = "stock_plan_view")
@IdClass(StockPlanView.Key.class)
public class StockPlanView {

    /** Composite key: stock plan ids are unique only within their issuer. */
    public record Key(String issuerId, String stockPlanId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    String issuerId;
    @Id
    String stockPlanId;
    String planName;
    LocalDate createdOn;
    String cancellationBehavior;
    String stockClassIds;
    @Embedded
    AuthorizedShares pool = new AuthorizedShares();
    BigDecimal sharesConsumed;
    BigDecimal grantsOutstanding;
    BigDecimal sharesGranted = BigDecimal.ZERO;
    BigDecimal sharesExercised = BigDecimal.ZERO;
    BigDecimal sharesReturned = BigDecimal.ZERO;

    protected StockPlanView() {
    }

    void reserve(BigDecimal shares, LocalDate date, long sequence) {
        if (pool == null) {
            pool = new AuthorizedShares();
        }
        pool.adjust(shares, date, sequence);
    }

    public String stockPlanId() {
        return stockPlanId;
    }

    public String issuerId() {
        return issuerId;
    }

    public String planName() {
        return planName;
    }

    public LocalDate createdOn() {
        return createdOn;
    }

    public String cancellationBehavior() {
        return cancellationBehavior;
    }

    public List<String> stockClassIds() {
        return Arrays.asList(stockClassIds.split(","));
    }

    public BigDecimal sharesReserved() {
        return pool.shares();
    }

    public BigDecimal grantsOutstanding() {
        return grantsOutstanding;
    }

    /** @return shares ever granted from the plan (balance grants left by transactions not counted again) */
    public BigDecimal sharesGranted() {
        return sharesGranted;
    }

    /** @return shares issued by exercises and releases of its grants */
    public BigDecimal sharesExercised() {
        return sharesExercised;
    }

    /** @return shares of cancelled grants that went back to the pool */
    public BigDecimal sharesReturned() {
        return sharesReturned;
    }

    /** @return the pool less what it gave out and did not get back, never below zero */
    public BigDecimal sharesAvailable() {
        return pool.shares().subtract(sharesConsumed).max(BigDecimal.ZERO);
    }

    /** @return shares exercised, released, retired or held since granted: consumed less outstanding grants */
    public BigDecimal sharesUsed() {
        return sharesConsumed.subtract(grantsOutstanding);
    }
}
