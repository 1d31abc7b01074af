package org.capledger.query.compliance;

import java.util.List;

import org.capledger.api.value.IssuerId;

/**
 * An issuer's Rule 701 position as of a date, computed from its ledger.
 *
 * @param issuerId  the issuer
 * @param legalName its legal name
 * @param input     exactly what {@link Rule701#compute} was given (the compensatory sales read from the ledger,
 *                  the outstanding shares per class at the balance sheet date, the request's total assets);
 *                  computing it again gives the same report
 * @param report    the calculation, its working preceded by the steps that read the ledger
 * @param ledger    every grant and every stock issuance the ledger holds up to the as-of date that the reading
 *                  considered compensatory, with how it was valued, and those it left out with the reason; in date
 *                  order
 */
public record Rule701Statement(IssuerId issuerId,
                               String legalName,
                               Rule701Input input,
                               Rule701Report report,
                               List<CompensatoryIssuanceRecord> ledger) {

    public Rule701Statement {
        ledger = List.copyOf(ledger);
    }
}
