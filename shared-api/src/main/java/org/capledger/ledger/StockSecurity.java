package org.capledger.ledger;

import java.time.LocalDate;

import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/** A stock security (one certificate) as the ledger knows it. */
public record StockSecurity(SecurityId securityId,
                            String label,
                            StakeholderId stakeholderId,
                            StockClassId stockClassId,
                            Quantity quantity,
                            Money pricePerShare,
                            String consideration,
                            LocalDate issueDate,
                            SecurityStatus status) {
}
