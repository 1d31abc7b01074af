package org.capledger.query.compliance;

import java.time.LocalDate;

import org.capledger.api.equity.CompensationType;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StockClassId;

/**
 * A grant or stock issuance from the ledger as the Rule 701 report read it: counted as a compensatory sale, or left
 * out with the reason.
 *
 * @param date             the effective date of the issuance (the grant date for an option)
 * @param securityId       the grant or stock security
 * @param securityLabel    its label ({@code OPT-1}, {@code CS-4})
 * @param stakeholderId    who received it
 * @param holderName       their legal name
 * @param relationship     their relationship to the issuer on {@code date} (OCF StakeholderRelationshipType)
 * @param stockClassId     the class sold, for a grant the class it delivers
 * @param stockClassName   that class's name
 * @param source           {@code EQUITY_COMPENSATION} (OCF TX_EQUITY_COMPENSATION_ISSUANCE) or {@code STOCK}
 *                         (TX_STOCK_ISSUANCE)
 * @param compensationType the grant's OCF compensation type; {@code null} for stock
 * @param kind             how Rule 701(d)(4) prices it; {@code null} when left out
 * @param quantity         securities sold, for a grant the shares it delivers, as recorded at issuance
 * @param pricePerSecurity USD per security used; {@code null} when left out
 * @param valuation        where that price comes from, in words
 * @param salesPrice       quantity × price per security, USD; {@code null} when left out
 * @param included         counted as a sale in reliance on Rule 701
 * @param reason           why it was left out; {@code null} when included
 */
public record CompensatoryIssuanceRecord(LocalDate date,
                                         SecurityId securityId,
                                         String securityLabel,
                                         StakeholderId stakeholderId,
                                         String holderName,
                                         StakeholderRelationship relationship,
                                         StockClassId stockClassId,
                                         String stockClassName,
                                         String source,
                                         CompensationType compensationType,
                                         CompensatoryIssuanceKind kind,
                                         Quantity quantity,
                                         Money pricePerSecurity,
                                         String valuation,
                                         Money salesPrice,
                                         boolean included,
                                         String reason) {
}
