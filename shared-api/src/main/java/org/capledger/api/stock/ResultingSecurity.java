package org.capledger.api.stock;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/**
 * A stock security created by a transaction on another one (OCF's {@code resulting_security_ids} and
 * {@code balance_security_id}, with the issuance they stand for folded in).
 *
 * @param securityId    the new security's id
 * @param securityLabel its certificate label, numbered on from the class's last one (e.g. {@code CS-7})
 * @param stakeholderId its holder
 * @param stockClassId  its class
 * @param quantity      its shares, positive
 */
public record ResultingSecurity(SecurityId securityId,
                                String securityLabel,
                                StakeholderId stakeholderId,
                                StockClassId stockClassId,
                                Quantity quantity) {
}
