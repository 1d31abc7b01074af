/**
 * Compliance calculators: pure functions from figures (taken from the ledger or given as parameters) to a report
 * that carries its working, so that every number can be traced to its inputs and to the rule that produced it.
 *
 * <p>{@link org.capledger.query.compliance.DelawareFranchiseTax} (8 Del. C. §503),
 * {@link org.capledger.query.compliance.Rule701} (17 CFR 230.701(d) and (e)) and
 * {@link org.capledger.query.compliance.HoldersOfRecord} (Exchange Act §12(g)). No Spring, no database: inputs and
 * reports are records that Jackson reads and writes as they are; money is {@link org.capledger.api.value.Money}
 * (USD only), share counts {@link org.capledger.api.value.Quantity}, all arithmetic exact
 * ({@link java.math.BigDecimal}). Bad input is refused with a {@link org.capledger.api.CapledgerException} carrying
 * a stable {@link org.capledger.api.ErrorCode} and nothing is computed.
 */
package org.capledger.query.compliance;
