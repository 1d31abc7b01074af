/**
 * The vesting engine: what part of a security has vested on any date, from its
 * {@link org.capledger.api.vesting.VestingTerms}, its quantity, its vesting start, the vesting events recorded for
 * it and its accelerations (OCF 1.2 {@code docs/VestingTerms.md}, {@code objects/transactions/vesting/*}). Plain
 * Java like the rest of the Ledger: no Spring, no Axon, no I/O, no clock.
 */
package org.capledger.ledger.vesting;
