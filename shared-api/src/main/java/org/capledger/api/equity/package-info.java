/**
 * Equity compensation (OCF 1.2 {@code EquityCompensationIssuance} and the transactions on it): options (ISO, NSO,
 * other), RSUs and SARs, usually granted from a stock plan's pool, with vesting (OCF {@code VestingStart},
 * {@code VestingEvent}, {@code VestingAcceleration}). Like stock, every transaction but acceptance, repricing and
 * the vesting ones is terminal: it extinguishes the grant and puts what remains in a balance grant.
 */
package org.capledger.api.equity;
