/**
 * Warrants (OCF 1.2 {@code WarrantIssuance} and the transactions on it): rights to buy shares of a class at an
 * exercise price until an expiration date. Exercise, cancellation, retraction and transfer are terminal.
 */
package org.capledger.api.warrant;
