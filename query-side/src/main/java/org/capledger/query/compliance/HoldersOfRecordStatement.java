package org.capledger.query.compliance;

import java.util.List;

import org.capledger.api.value.IssuerId;

/**
 * An issuer's holders of record under Exchange Act §12(g) as of a date, computed from its ledger.
 *
 * @param issuerId  the issuer
 * @param legalName its legal name
 * @param input     exactly what {@link HoldersOfRecord#compute} was given (every outstanding stock security per
 *                  class with its holder and whether it came under an employee compensation plan, the holders with
 *                  their accredited-investor status, the request's total assets); computing it again gives the same
 *                  report
 * @param report    the calculation, its working preceded by the steps that read the ledger
 * @param holders   one line per class and holder, classes in ledger order and holders by name
 */
public record HoldersOfRecordStatement(IssuerId issuerId,
                                       String legalName,
                                       HoldersOfRecordInput input,
                                       HoldersOfRecordReport report,
                                       List<HolderOfRecordLine> holders) {

    public HoldersOfRecordStatement {
        holders = List.copyOf(holders);
    }
}
