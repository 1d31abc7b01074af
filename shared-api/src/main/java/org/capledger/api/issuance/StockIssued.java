package org.capledger.api.issuance;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/** Shares were issued as security {@code securityLabel}; see {@link IssueStock}. */
@Revision("1")
public record StockIssued(IssuerId issuerId,
                          SecurityId securityId,
                          LocalDate date,
                          String securityLabel,
                          StakeholderId stakeholderId,
                          StockClassId stockClassId,
                          Quantity quantity,
                          Money pricePerShare,
                          String consideration) implements CapTableEvent {
}
