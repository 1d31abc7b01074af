/** Stock class commands and events (OCF 1.2 {@code objects/StockClass}, {@code StockClassAuthorizedSharesAdjustment}). */
package org.capledger.api.stockclass;
