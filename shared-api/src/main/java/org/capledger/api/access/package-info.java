/**
 * Who may do what on an issuer: roles granted to accounts, recorded as events of the issuer's stream so that
 * every grant and revocation is attributable and appears in the audit trail. Not part of the ledger.
 */
package org.capledger.api.access;
