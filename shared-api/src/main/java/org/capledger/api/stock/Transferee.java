package org.capledger.api.stock;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;

/**
 * One recipient of a {@link TransferStock}.
 *
 * @param stakeholderId the transferee, a stakeholder of the same issuer
 * @param quantity      shares transferred to them, positive
 * @param securityId    id of the transferee's new security
 */
public record Transferee(StakeholderId stakeholderId, Quantity quantity, SecurityId securityId) {
}
