package org.capledger.ledger;

import java.time.LocalDate;

import org.capledger.api.value.IssuerId;

/** The issuer as the ledger knows it. */
public record IssuerRecord(IssuerId issuerId,
                           String legalName,
                           LocalDate formationDate,
                           String countryOfFormation,
                           String subdivisionOfFormation,
                           String taxId) {
}
