package org.capledger.query.compliance;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;

/**
 * One class's holders of record against the §12(g)(1) thresholds.
 *
 * @param stockClassId                  the class
 * @param name                          its name
 * @param holdersOfRecord               distinct persons holding securities of the class of record, those whose
 *                                      securities of the class all came under an employee compensation plan left
 *                                      out
 * @param nonAccreditedHolders          of those, the persons not known to be accredited investors
 * @param unknownCountedAsNonAccredited of those, the persons whose status is unknown
 * @param excludedHolders               persons left out because all their securities of the class came under an
 *                                      employee compensation plan in exempt transactions
 * @param quantityHeldOfRecord          securities of the class held of record: those not received under an
 *                                      employee compensation plan
 * @param quantityExcluded              securities of the class left out under the exclusion (the excluded
 *                                      persons' and the plan securities of persons counted for other securities)
 * @param holdersThresholdMet           held of record by 2,000 persons or more
 * @param nonAccreditedThresholdMet     held of record by 500 or more persons who are not accredited investors
 */
public record ClassHolderCount(StockClassId stockClassId,
                               String name,
                               int holdersOfRecord,
                               int nonAccreditedHolders,
                               int unknownCountedAsNonAccredited,
                               int excludedHolders,
                               Quantity quantityHeldOfRecord,
                               Quantity quantityExcluded,
                               boolean holdersThresholdMet,
                               boolean nonAccreditedThresholdMet) {
}
