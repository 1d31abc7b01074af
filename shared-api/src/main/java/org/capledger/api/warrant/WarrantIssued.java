package org.capledger.api.warrant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/** A warrant was issued as {@code securityLabel}; see {@link IssueWarrant}. */
@Revision("1")
public record WarrantIssued(IssuerId issuerId,
                             SecurityId securityId,
                             LocalDate date,
                             String securityLabel,
                             StakeholderId stakeholderId,
                             StockClassId stockClassId,
                             Quantity quantity,
                             Money exercisePrice,
                             Money purchasePrice,
                             LocalDate expirationDate,
                             String consideration) implements CapTableEvent {
}
