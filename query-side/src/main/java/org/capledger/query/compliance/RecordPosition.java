package org.capledger.query.compliance;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;

/**
 * Securities of a class held of record by one holder: one security (certificate or book entry), or a holder's
 * total.
 *
 * @param stakeholderId                       the holder; must be one of the input's holders
 * @param securityLabel                       the security's label ({@code CS-1}), or {@code null}
 * @param quantity                            securities held; a zero position does not make a holder of record
 * @param receivedUnderEmployeeCompensationPlan the securities were received under an employee compensation plan in
 *                                            transactions exempt from Securities Act §5 (Exchange Act §12(g)(5);
 *                                            Rule 12g5-1(a)(8), whose safe harbor accepts a plan and a holder
 *                                            meeting Rule 701(c)), so they are not "held of record" for deciding
 *                                            whether registration is required
 */
public record RecordPosition(StakeholderId stakeholderId,
                             String securityLabel,
                             Quantity quantity,
                             boolean receivedUnderEmployeeCompensationPlan) {
}
