package org.capledger.api.equity;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * The balance of a grant a transaction acted on in part: same holder, plan, terms and vesting, fewer shares.
 *
 * @param securityId    the balance grant's id
 * @param securityLabel its label, numbered on from the last of its kind (e.g. {@code OPT-4})
 * @param quantity      its shares, positive
 */
public record ResultingGrant(SecurityId securityId, String securityLabel, Quantity quantity) {
}
