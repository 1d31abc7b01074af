package org.capledger.ledger;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/**
 * A stock security (one certificate) as the ledger knows it, with its place in the chain of transactions.
 *
 * @param pricePerShare        price paid per share at issuance; {@code null} for securities that result from a
 *                             transaction on another one (their history is in {@code sourceSecurityIds})
 * @param origin               how it came to be: {@code ISSUANCE} or the kind of transaction that created it
 * @param issueDate            effective date it came to be
 * @param acceptedOn           when the holder accepted it, or {@code null}
 * @param extinguishedOn       effective date of the transaction that extinguished it, or {@code null}
 * @param sourceSecurityIds    securities it was created from (empty for an issuance)
 * @param resultingSecurityIds securities created when it was extinguished (empty while outstanding)
 */
public record StockSecurity(SecurityId securityId,
                            String label,
                            StakeholderId stakeholderId,
                            StockClassId stockClassId,
                            Quantity quantity,
                            Money pricePerShare,
                            String consideration,
                            LocalDate issueDate,
                            SecurityStatus status,
                            String origin,
                            LocalDate acceptedOn,
                            LocalDate extinguishedOn,
                            List<SecurityId> sourceSecurityIds,
                            List<SecurityId> resultingSecurityIds) {

    public StockSecurity {
        sourceSecurityIds = List.copyOf(sourceSecurityIds);
        resultingSecurityIds = List.copyOf(resultingSecurityIds);
    }

    public boolean isOutstanding() {
        return status == SecurityStatus.OUTSTANDING;
    }

    /** @return whether it counted as outstanding at the end of {@code date} */
    public boolean outstandingOn(LocalDate date) {
        return status != SecurityStatus.RETRACTED && !issueDate.isAfter(date)
                && (extinguishedOn == null || extinguishedOn.isAfter(date));
    }

    StockSecurity extinguished(SecurityStatus by, LocalDate on, List<SecurityId> resulting) {
        return new StockSecurity(securityId, label, stakeholderId, stockClassId, quantity, pricePerShare,
                consideration, issueDate, by, origin, acceptedOn, on, sourceSecurityIds, resulting);
    }

    StockSecurity accepted(LocalDate on) {
        return new StockSecurity(securityId, label, stakeholderId, stockClassId, quantity, pricePerShare,
                consideration, issueDate, status, origin, on, extinguishedOn, sourceSecurityIds,
                resultingSecurityIds);
    }
}
