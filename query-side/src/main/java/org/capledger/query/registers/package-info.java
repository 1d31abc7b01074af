/**
 * The statutory registers computed from an issuer's events, as of any date: the stock ledger a Delaware
 * corporation must keep (8 Del. C. s.219, s.224) and the register of members of a company formed in Great Britain
 * (Companies Act 2006 s.113). {@link org.capledger.query.registers.RegisterFold} is the pure fold from events to the
 * two views; {@link org.capledger.query.registers.Registers} reads the events and hands out the views, which JSON,
 * CSV ({@link org.capledger.query.registers.RegisterCsv}) and other renderings take as they are. See
 * docs/registers.md.
 */
package org.capledger.query.registers;
