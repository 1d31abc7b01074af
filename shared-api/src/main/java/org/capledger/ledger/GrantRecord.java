package org.capledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.TerminationExerciseWindow;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.ledger.vesting.VestingAcceleration;
import org.capledger.ledger.vesting.VestingEventOccurrence;
import org.capledger.ledger.vesting.VestingSchedule;

/**
 * An equity compensation security (option, RSU, SAR) as the ledger knows it.
 *
 * <p>Vesting belongs to the original grant: {@code vestingBase} is the grant's quantity, and a balance grant left by
 * a partial exercise or cancellation keeps the same terms, start, events and accelerations. {@code vestedUsed}
 * counts the vested shares already taken out of the chain (exercised, released, or cancelled once the unvested ones
 * were gone), so this security's vested shares on a date are the chain's vested shares then less
 * {@code vestedUsed}, between zero and its quantity.
 *
 * @param status         OUTSTANDING, or how it was extinguished: EXERCISED, RELEASED, CANCELLED, RETRACTED
 * @param origin         ISSUANCE or the kind of transaction that left it as a balance
 * @param heldForPool    cancelled shares neither returned to the plan's pool nor retired yet (plans that hold
 *                       cancelled shares until an explicit return to pool)
 */
public record GrantRecord(SecurityId securityId,
                          String label,
                          StakeholderId stakeholderId,
                          StockPlanId stockPlanId,
                          StockClassId stockClassId,
                          CompensationType compensationType,
                          Quantity quantity,
                          Money exercisePrice,
                          Money basePrice,
                          boolean earlyExercisable,
                          LocalDate expirationDate,
                          List<TerminationExerciseWindow> terminationExerciseWindows,
                          LocalDate issueDate,
                          String status,
                          String origin,
                          LocalDate acceptedOn,
                          LocalDate extinguishedOn,
                          VestingTerms vestingTerms,
                          Quantity vestingBase,
                          LocalDate vestingStart,
                          List<VestingEventOccurrence> vestingEvents,
                          List<VestingAcceleration> accelerations,
                          BigDecimal vestedUsed,
                          BigDecimal heldForPool,
                          List<SecurityId> sourceSecurityIds,
                          List<SecurityId> resultingSecurityIds) {

    public static final String OUTSTANDING = "OUTSTANDING";

    public GrantRecord {
        terminationExerciseWindows = terminationExerciseWindows == null ? List.of()
                : List.copyOf(terminationExerciseWindows);
        vestingEvents = List.copyOf(vestingEvents);
        accelerations = List.copyOf(accelerations);
        sourceSecurityIds = List.copyOf(sourceSecurityIds);
        resultingSecurityIds = List.copyOf(resultingSecurityIds);
    }

    public boolean isOutstanding() {
        return OUTSTANDING.equals(status);
    }

    /** @return whether it counted as outstanding at the end of {@code date} */
    public boolean outstandingOn(LocalDate date) {
        return !"RETRACTED".equals(status) && !issueDate.isAfter(date)
                && (extinguishedOn == null || extinguishedOn.isAfter(date));
    }

    /** @return shares of this security vested at the end of {@code date} (all of them when it has no terms) */
    public Quantity vested(LocalDate date) {
        if (vestingTerms == null) {
            return date.isBefore(issueDate) ? Quantity.ZERO : quantity;
        }
        BigDecimal chain = VestingSchedule.compute(vestingTerms, vestingBase, vestingStart, vestingEvents,
                accelerations).vested(date).value();
        BigDecimal mine = chain.subtract(vestedUsed).max(BigDecimal.ZERO).min(quantity.value());
        return new Quantity(mine);
    }

    /** @return shares of this security not vested at the end of {@code date} */
    public Quantity unvested(LocalDate date) {
        return new Quantity(quantity.value().subtract(vested(date).value()));
    }

    GrantRecord with(Change change) {
        Builder b = new Builder(this);
        change.apply(b);
        return b.build();
    }

    /** A change to a copy. */
    interface Change {
        void apply(Builder b);
    }

    /** Mutable copy of every component, for the fold. */
    static final class Builder {
        SecurityId securityId;
        String label;
        StakeholderId stakeholderId;
        StockPlanId stockPlanId;
        StockClassId stockClassId;
        CompensationType compensationType;
        Quantity quantity;
        Money exercisePrice;
        Money basePrice;
        boolean earlyExercisable;
        LocalDate expirationDate;
        List<TerminationExerciseWindow> terminationExerciseWindows;
        LocalDate issueDate;
        String status;
        String origin;
        LocalDate acceptedOn;
        LocalDate extinguishedOn;
        VestingTerms vestingTerms;
        Quantity vestingBase;
        LocalDate vestingStart;
        List<VestingEventOccurrence> vestingEvents;
        List<VestingAcceleration> accelerations;
        BigDecimal vestedUsed;
        BigDecimal heldForPool;
        List<SecurityId> sourceSecurityIds;
        List<SecurityId> resultingSecurityIds;

        Builder(GrantRecord g) {
            securityId = g.securityId;
            label = g.label;
            stakeholderId = g.stakeholderId;
            stockPlanId = g.stockPlanId;
            stockClassId = g.stockClassId;
            compensationType = g.compensationType;
            quantity = g.quantity;
            exercisePrice = g.exercisePrice;
            basePrice = g.basePrice;
            earlyExercisable = g.earlyExercisable;
            expirationDate = g.expirationDate;
            terminationExerciseWindows = g.terminationExerciseWindows;
            issueDate = g.issueDate;
            status = g.status;
            origin = g.origin;
            acceptedOn = g.acceptedOn;
            extinguishedOn = g.extinguishedOn;
            vestingTerms = g.vestingTerms;
            vestingBase = g.vestingBase;
            vestingStart = g.vestingStart;
            vestingEvents = new ArrayList<>(g.vestingEvents);
            accelerations = new ArrayList<>(g.accelerations);
            vestedUsed = g.vestedUsed;
            heldForPool = g.heldForPool;
            sourceSecurityIds = g.sourceSecurityIds;
            resultingSecurityIds = g.resultingSecurityIds;
        }

        GrantRecord build() {
            return new GrantRecord(securityId, label, stakeholderId, stockPlanId, stockClassId, compensationType,
                    quantity, exercisePrice, basePrice, earlyExercisable, expirationDate, terminationExerciseWindows,
                    issueDate, status, origin, acceptedOn, extinguishedOn, vestingTerms, vestingBase, vestingStart,
                    vestingEvents, accelerations, vestedUsed, heldForPool, sourceSecurityIds, resultingSecurityIds);
        }
    }
}
