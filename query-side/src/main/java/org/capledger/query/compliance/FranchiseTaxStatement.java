package org.capledger.query.compliance;

import java.time.LocalDate;

import org.capledger.api.value.IssuerId;

/**
 * An issuer's Delaware franchise tax for a tax year, computed from its ledger.
 *
 * @param issuerId               the issuer
 * @param legalName              its legal name
 * @param countryOfFormation     ISO 3166-1 alpha-2 ({@code US})
 * @param subdivisionOfFormation ISO 3166-2 without the country ({@code DE})
 * @param ledgerReadTo           the last effective date read from the ledger: 31 December of the tax year
 * @param provisional            the tax year is the current one: the figures are those recorded so far, and the
 *                               report is an estimate until the year ends
 * @param input                  exactly what {@link DelawareFranchiseTax#compute} was given (classes with their
 *                               authorized shares over time, issued shares at year end, the request's gross assets
 *                               and Large Corporate Filer flag); computing it again gives the same report
 * @param report                 the calculation, its working preceded by the steps that read the ledger
 */
public record FranchiseTaxStatement(IssuerId issuerId,
                                    String legalName,
                                    String countryOfFormation,
                                    String subdivisionOfFormation,
                                    LocalDate ledgerReadTo,
                                    boolean provisional,
                                    FranchiseTaxInput input,
                                    FranchiseTaxReport report) {
}
