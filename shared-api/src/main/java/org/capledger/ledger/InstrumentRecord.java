package org.capledger.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/**
 * A warrant or a convertible as the ledger knows it.
 *
 * @param kind             WARRANT or CONVERTIBLE
 * @param stockClassId     the class it is exercised or expected to convert into; may be null for a convertible
 * @param quantity         a warrant's shares, or null when a formula decides them; null for convertibles
 * @param status           OUTSTANDING, or how it was extinguished (EXERCISED, CONVERTED, CANCELLED, RETRACTED,
 *                         TRANSFERRED)
 */
public record InstrumentRecord(String kind,
                               SecurityId securityId,
                               String label,
                               StakeholderId stakeholderId,
                               StockClassId stockClassId,
                               Quantity quantity,
                               Money exercisePrice,
                               Money purchasePrice,
                               LocalDate expirationDate,
                               ConvertibleType convertibleType,
                               Money investmentAmount,
                               ConversionTerms terms,
                               int seniority,
                               LocalDate issueDate,
                               String status,
                               String origin,
                               LocalDate acceptedOn,
                               LocalDate extinguishedOn,
                               List<SecurityId> sourceSecurityIds,
                               List<SecurityId> resultingSecurityIds) {

    public static final String WARRANT = "WARRANT";
    public static final String CONVERTIBLE = "CONVERTIBLE";

    public InstrumentRecord {
        sourceSecurityIds = List.copyOf(sourceSecurityIds);
        resultingSecurityIds = List.copyOf(resultingSecurityIds);
    }

    public boolean isOutstanding() {
        return "OUTSTANDING".equals(status);
    }

    /**
     * @return shares it counts for in the fully diluted cap table on {@code date}, or null when that is not
     *         determinable: a warrant's quantity; for a convertible with a fixed conversion price, the investment plus
     *         simple interest to the date (actual days / 365, notes only) divided by the price, rounded down
     */
    public Quantity sharesAsConverted(LocalDate date) {
        if (WARRANT.equals(kind)) {
            return quantity;
        }
        if (terms == null || terms.conversionPrice() == null || terms.conversionPrice().amount().signum() == 0
                || !terms.conversionPrice().currency().equals(investmentAmount.currency())) {
            return null;
        }
        BigDecimal amount = investmentAmount.amount();
        if (convertibleType == ConvertibleType.NOTE && terms.interestRate() != null && date.isAfter(issueDate)) {
            long days = ChronoUnit.DAYS.between(issueDate, terms.maturityDate() != null
                    && terms.maturityDate().isBefore(date) ? terms.maturityDate() : date);
            amount = amount.add(amount.multiply(terms.interestRate()).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(365), 10, RoundingMode.DOWN));
        }
        return new Quantity(amount.divide(terms.conversionPrice().amount(), 0, RoundingMode.DOWN));
    }

    InstrumentRecord extinguished(String newStatus, LocalDate on, List<SecurityId> results) {
        return new InstrumentRecord(kind, securityId, label, stakeholderId, stockClassId, quantity, exercisePrice,
                purchasePrice, expirationDate, convertibleType, investmentAmount, terms, seniority, issueDate,
                newStatus, origin, acceptedOn, on, sourceSecurityIds, results);
    }

    InstrumentRecord adjusted(Quantity newQuantity, Money newExercisePrice) {
        return new InstrumentRecord(kind, securityId, label, stakeholderId, stockClassId, newQuantity,
                newExercisePrice, purchasePrice, expirationDate, convertibleType, investmentAmount, terms, seniority,
                issueDate, status, origin, acceptedOn, extinguishedOn, sourceSecurityIds, resultingSecurityIds);
    }

    InstrumentRecord accepted(LocalDate on) {
        return new InstrumentRecord(kind, securityId, label, stakeholderId, stockClassId, quantity, exercisePrice,
                purchasePrice, expirationDate, convertibleType, investmentAmount, terms, seniority, issueDate, status,
                origin, on, extinguishedOn, sourceSecurityIds, resultingSecurityIds);
    }

    /** @return a new outstanding instrument with this one's terms: a balance or a transferee's */
    InstrumentRecord successor(SecurityId id, String newLabel, StakeholderId holder, Quantity newQuantity,
                               LocalDate on, String by) {
        return new InstrumentRecord(kind, id, newLabel, holder, stockClassId, newQuantity, exercisePrice,
                purchasePrice, expirationDate, convertibleType, investmentAmount, terms, seniority, on, "OUTSTANDING",
                by, null, null, List.of(securityId), List.of());
    }
}
