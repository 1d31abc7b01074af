package org.capledger.query.compliance;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Money;

/**
 * What {@link HoldersOfRecord} needs.
 *
 * @param asOf        the last day of the issuer's fiscal year (the day Exchange Act §12(g)(1) looks at); the
 *                    holdings and total assets are as of that day
 * @param totalAssets the issuer's total assets in USD on that day; not in the ledger, so a parameter of the request
 * @param holders     every holder the positions name, each once
 * @param classes     each class of equity security with its positions
 */
public record HoldersOfRecordInput(LocalDate asOf,
                                   Money totalAssets,
                                   List<HolderOfRecord> holders,
                                   List<ClassHoldings> classes) {

    public HoldersOfRecordInput {
        holders = holders == null ? List.of() : List.copyOf(holders);
        classes = classes == null ? List.of() : List.copyOf(classes);
    }
}
