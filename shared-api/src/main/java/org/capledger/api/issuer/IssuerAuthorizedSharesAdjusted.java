package org.capledger.api.issuer;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;

/** The issuer-wide authorized shares were set; see {@link AdjustIssuerAuthorizedShares}. */
@Revision("1")
public record IssuerAuthorizedSharesAdjusted(IssuerId issuerId,
                                             LocalDate date,
                                             Quantity newSharesAuthorized,
                                             LocalDate boardApprovalDate,
                                             LocalDate stockholderApprovalDate,
                                             String comments) implements CapTableEvent {
}
