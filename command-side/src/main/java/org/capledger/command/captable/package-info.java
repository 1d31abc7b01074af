/** The CapTable aggregate: decides with the shared {@link org.capledger.ledger.Ledger}, stores events. */
package org.capledger.command.captable;
