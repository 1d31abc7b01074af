/** Stock issuance (OCF 1.2 {@code transactions/issuance/StockIssuance}). */
package org.capledger.api.issuance;
