package org.capledger.query.registers;

import java.time.LocalDate;
import java.util.List;

/**
 * The stock ledger of an issuer as of a date (8 Del. C. s.219, s.224): every stock transaction effective on or before
 * {@code asOf}, by certificate, ordered by effective date and then by recording order.
 *
 * @param issuerId        the issuer
 * @param issuerLegalName its legal name
 * @param asOf            the date the ledger is drawn up to (inclusive)
 * @param entries         the lines, in order
 */
public record StockLedgerView(String issuerId, String issuerLegalName, LocalDate asOf, List<StockLedgerEntry> entries) {

    public StockLedgerView {
        entries = List.copyOf(entries);
    }
}
