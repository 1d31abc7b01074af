/**
 * The Ledger: Capledger's cap table rules and arithmetic, written once and shared by the command side (to
 * decide) and the query side (to replay any past date). Plain Java: no Spring, no Axon, no I/O, no clock.
 *
 * <p>Transactions are ordered by effective date, then by recording order. A transaction is accepted only if
 * the ledger stays valid at every date from its own onward, so a back-dated entry cannot break a later state.
 */
package org.capledger.ledger;
