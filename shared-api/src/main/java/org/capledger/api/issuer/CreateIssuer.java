package org.capledger.api.issuer;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;

/**
 * Creates an issuer's cap table (OCF 1.2 {@code objects/Issuer}). Takes effect on the formation date.
 *
 * @param issuerId                new issuer id
 * @param legalName               legal name, 1 to 300 characters
 * @param formationDate           date of incorporation; no transaction of the issuer may be dated before it
 * @param countryOfFormation      ISO 3166-1 alpha-2 country code
 * @param subdivisionOfFormation  ISO 3166-2 subdivision code without the country prefix (e.g. {@code DE}), optional
 * @param taxId                   tax identifier, optional
 * @param initialSharesAuthorized issuer-wide authorized shares across all classes; {@code null} means no
 *                                issuer-wide limit (only the classes' limits apply)
 */
public record CreateIssuer(@TargetAggregateIdentifier IssuerId issuerId,
                           String legalName,
                           LocalDate formationDate,
                           String countryOfFormation,
                           String subdivisionOfFormation,
                           String taxId,
                           Quantity initialSharesAuthorized) implements CapTableCommand {
}
