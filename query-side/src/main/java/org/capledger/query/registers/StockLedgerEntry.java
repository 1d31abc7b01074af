package org.capledger.query.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.capledger.api.value.Money;

/**
 * One line of the stock ledger: what one transaction did to one holder's shares of one class. A transaction that
 * touches several holders or classes (a transfer, a split, a conversion) has one line for each, in the order the
 * transaction names them.
 *
 * @param effectiveDate      when the transaction takes legal effect
 * @param recordedAt         when Capledger recorded it (UTC)
 * @param sequenceNumber     its position in the issuer's event stream; orders lines of one effective date
 * @param eventId            the event's identifier: the reference to the recorded transaction
 * @param eventType          the event's type, e.g. {@code StockTransferred}
 * @param kind               ISSUANCE, TRANSFER, CANCELLATION, REPURCHASE, REISSUANCE, RETRACTION, CONVERSION, SPLIT,
 *                           CONSOLIDATION, EXERCISE (an option or stock-settled SAR), RELEASE (RSUs),
 *                           WARRANT_EXERCISE or CONVERTIBLE_CONVERSION
 * @param stakeholderId      the holder
 * @param holderName         the holder's legal name in force on the ledger's as-of date
 * @param stockClassId       the class
 * @param stockClassName     its name
 * @param shares             the change in the holder's shares of the class, signed: positive in, negative out;
 *                           a decimal string
 * @param pricePerShare      the price per share where the transaction states one: the issue price, the repurchase
 *                           price, an option's or warrant's exercise price, an RSU's release price; else null
 * @param consideration      the consideration as recorded (free text), or null
 * @param certificatesIn     labels of the certificates the transaction issued to the holder, the balance included
 * @param certificatesOut    labels of the holder's certificates it extinguished
 * @param balanceCertificate label of the certificate for the shares left after a partial transfer, cancellation,
 *                           repurchase or conversion, or null
 * @param memo               what else the transaction records: a reason, a ratio, the instrument exercised, the date a
 *                           retraction voids from; or null
 */
@Schema(description = "One line of the stock ledger: what one transaction did to one holder's shares of one class")
public record StockLedgerEntry(LocalDate effectiveDate,
                               Instant recordedAt,
                               long sequenceNumber,
                               String eventId,
                               String eventType,
                               String kind,
                               String stakeholderId,
                               String holderName,
                               String stockClassId,
                               String stockClassName,
                               @Schema(type = "string", example = "-300") String shares,
                               Money pricePerShare,
                               String consideration,
                               List<String> certificatesIn,
                               List<String> certificatesOut,
                               String balanceCertificate,
                               String memo) {

    public StockLedgerEntry {
        certificatesIn = List.copyOf(certificatesIn);
        certificatesOut = List.copyOf(certificatesOut);
    }
}
