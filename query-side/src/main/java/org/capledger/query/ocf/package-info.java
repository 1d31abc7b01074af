/**
 * Open Cap Table Format (OCF 1.2) export: an issuer's history as of a date, written as a package of OCF files from
 * its event stream. {@code OcfExporter} reads the events and writes the files; {@code OcfFold} folds the events into
 * OCF objects and transactions, with {@code OcfGrants} (equity compensation, vesting, returns to pool) and
 * {@code OcfInstruments} (warrants, convertibles). The mapping is documented in docs/ocf.md, "Export".
 */
package org.capledger.query.ocf;
