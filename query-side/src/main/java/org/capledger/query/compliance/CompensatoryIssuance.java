package org.capledger.query.compliance;

import java.time.LocalDate;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;

/**
 * A sale of securities in reliance on Rule 701: an option grant, a stock issuance or another award under a
 * written compensatory benefit plan or compensation contract. A grant being considered can be included to check it
 * before it is made.
 *
 * @param date             the date of sale: the grant date for an option (17 CFR 230.701(d)(4)(ii))
 * @param securityId       the security, or {@code null} for a grant not yet made
 * @param securityLabel    its label ({@code ES-12}), or {@code null}
 * @param stockClassId     the class of the securities sold, for an option or unit the class it delivers
 * @param kind             how the sale is priced
 * @param quantity         the number of securities, for an option or unit the number it delivers; positive
 * @param pricePerSecurity USD per security: the exercise price for an option, otherwise the price paid or the
 *                         value of the securities (see {@link CompensatoryIssuanceKind}); zero allowed
 */
public record CompensatoryIssuance(LocalDate date,
                                   SecurityId securityId,
                                   String securityLabel,
                                   StockClassId stockClassId,
                                   CompensatoryIssuanceKind kind,
                                   Quantity quantity,
                                   Money pricePerSecurity) {
}
