package org.capledger.api.certificate;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/**
 * Replaces the certificate of a stock security its holder has lost, stolen or destroyed (8 Del. C. §167): the old
 * certificate is void and a new security with a new label is issued to the same holder, in the same class, for the
 * same number of shares. Recorded as an OCF StockReissuance whose reason names the loss; the event is a
 * {@link org.capledger.api.stock.StockReissued} carrying the affidavit date.
 *
 * @param securityId            the outstanding stock security whose certificate was lost
 * @param date                  effective date of the replacement (ISO 8601); not before the security's issue date
 * @param affidavitDate         date of the holder's affidavit of loss; on or before {@code date}
 * @param replacementSecurityId id of the new security
 * @param reason                free text, optional (at most 2,000 characters), e.g. how it was lost
 */
public record ReplaceLostCertificate(@TargetAggregateIdentifier IssuerId issuerId,
                                     SecurityId securityId,
                                     LocalDate date,
                                     LocalDate affidavitDate,
                                     SecurityId replacementSecurityId,
                                     String reason) implements CapTableCommand {
}
