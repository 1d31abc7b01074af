/**
 * Transactions on stock securities after their issuance (OCF 1.2 {@code transactions/*}: StockTransfer,
 * StockCancellation, StockRepurchase, StockReissuance, StockRetraction, StockConversion, StockConsolidation,
 * StockAcceptance), and the stock class split.
 *
 * <p>Semantics follow OCF's {@code TraversingTransactions.md}: every transaction but acceptance is
 * <em>terminal</em>. It extinguishes its source security; whatever remains goes to new securities, each with its
 * own id and label: {@code resultingSecurities} for what the transaction produced and {@code balance} for the
 * part it did not touch. An extinguished security accepts no further transaction.
 */
package org.capledger.api.stock;
