package org.capledger.query.compliance;

import java.time.LocalDate;

import org.capledger.api.value.Quantity;

/**
 * The number of shares of a stock class the certificate of incorporation authorizes from a date on: the class's
 * creation, or an amendment that changed it (OCF {@code StockClassAuthorizedSharesAdjustment}). The count stays in
 * force until the class's next change.
 *
 * @param effectiveDate    the day the count takes effect (the amendment's effective date)
 * @param authorizedShares the whole number of shares authorized from that day on; zero once the class is retired
 */
public record AuthorizedSharesChange(LocalDate effectiveDate, Quantity authorizedShares) {
}
