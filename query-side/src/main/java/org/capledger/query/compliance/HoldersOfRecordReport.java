package org.capledger.query.compliance;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Money;

/**
 * Holders of record under Exchange Act §12(g)(1), class by class, with the registration decision and the working.
 *
 * @param asOf                           the fiscal year end examined
 * @param totalAssets                    the issuer's total assets, USD
 * @param totalAssetsExceedThreshold     they exceed $10,000,000 (Rule 12g-1 exempts an issuer whose total assets do
 *                                       not)
 * @param classes                        the count of each class, in input order
 * @param totalHoldersOfRecord           distinct persons counted as holders of record of at least one class
 * @param totalNonAccreditedHolders      of those, the persons not known to be accredited investors
 * @param registrationRequired           total assets exceed $10,000,000 and at least one class meets a holder
 *                                       threshold
 * @param registrationDueBy              the last day to file the registration statement (120 days after
 *                                       {@code asOf}), or {@code null} when not required
 * @param reason                         why registration is or is not required, in one or two sentences
 * @param employeeCompensationExclusion  the exclusion applied, stated for the report
 * @param unknownAccreditationTreatment  how an unknown accredited-investor status was counted, stated for the report
 * @param working                        every step of the calculation, in order, with its source
 */
public record HoldersOfRecordReport(LocalDate asOf,
                                    Money totalAssets,
                                    boolean totalAssetsExceedThreshold,
                                    List<ClassHolderCount> classes,
                                    int totalHoldersOfRecord,
                                    int totalNonAccreditedHolders,
                                    boolean registrationRequired,
                                    LocalDate registrationDueBy,
                                    String reason,
                                    String employeeCompensationExclusion,
                                    String unknownAccreditationTreatment,
                                    List<Step> working) {

    public HoldersOfRecordReport {
        classes = classes == null ? List.of() : List.copyOf(classes);
        working = working == null ? List.of() : List.copyOf(working);
    }
}
