package org.capledger.query.compliance;

import java.time.LocalDate;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;

/**
 * An issuance counted in a window, with its sales price.
 *
 * @param date             date of sale (grant date for an option)
 * @param securityId       the security, or {@code null}
 * @param securityLabel    its label, or {@code null}
 * @param stockClassId     the class sold (or delivered)
 * @param kind             how it is priced
 * @param quantity         securities sold (or deliverable)
 * @param pricePerSecurity USD per security
 * @param salesPrice       quantity × price per security, in USD
 */
public record Rule701IssuanceLine(LocalDate date,
                                  SecurityId securityId,
                                  String securityLabel,
                                  StockClassId stockClassId,
                                  CompensatoryIssuanceKind kind,
                                  Quantity quantity,
                                  Money pricePerSecurity,
                                  Money salesPrice) {
}
