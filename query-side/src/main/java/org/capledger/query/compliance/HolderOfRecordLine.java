package org.capledger.query.compliance;

import java.util.List;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/**
 * One holder's outstanding stock of one class, as the holders-of-record report counted it.
 *
 * @param stockClassId                  the class
 * @param stockClassName                its name
 * @param stakeholderId                 the holder
 * @param name                          their legal name
 * @param accreditedInvestor            their accredited-investor status (unknown counts as not accredited)
 * @param sharesHeldOfRecord            shares of the class not received under an employee compensation plan
 * @param sharesUnderCompensationPlan   shares of the class that came from exercises or releases of grants under a
 *                                      stock plan, followed through later splits, conversions and the like
 * @param securityLabels                the outstanding securities (certificates) of the class they hold, by label
 * @param counted                       counted as a holder of record of the class
 * @param excludedUnderCompensationPlan left out: all their shares of the class came under an employee
 *                                      compensation plan (Exchange Act §12(g)(5); Rule 12g5-1(a)(8))
 */
public record HolderOfRecordLine(StockClassId stockClassId,
                                 String stockClassName,
                                 StakeholderId stakeholderId,
                                 String name,
                                 AccreditedInvestorStatus accreditedInvestor,
                                 Quantity sharesHeldOfRecord,
                                 Quantity sharesUnderCompensationPlan,
                                 List<String> securityLabels,
                                 boolean counted,
                                 boolean excludedUnderCompensationPlan) {

    public HolderOfRecordLine {
        securityLabels = List.copyOf(securityLabels);
    }
}
