package org.capledger.ledger;

/** Whether a security still counts as outstanding. Later transaction types extinguish securities. */
public enum SecurityStatus {
    OUTSTANDING
}
