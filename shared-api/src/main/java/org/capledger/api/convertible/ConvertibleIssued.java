package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;

/** A convertible was issued as {@code securityLabel}; see {@link IssueConvertible}. */
@Revision("1")
public record ConvertibleIssued(IssuerId issuerId,
                                 SecurityId securityId,
                                 LocalDate date,
                                 String securityLabel,
                                 StakeholderId stakeholderId,
                                 ConvertibleType convertibleType,
                                 Money investmentAmount,
                                 ConversionTerms terms,
                                 int seniority,
                                 boolean proRata,
                                 String consideration) implements CapTableEvent {
}
