package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/**
 * Security {@code securityId} was reissued whole as {@code resultingSecurities}; see {@link ReissueStock}.
 *
 * @param lostCertificateAffidavitDate when the reissuance replaced a lost certificate
 *                                     ({@link org.capledger.api.certificate.ReplaceLostCertificate}): the date of
 *                                     the holder's affidavit of loss; null otherwise (and in events recorded before
 *                                     the field existed)
 */
@Revision("1")
public record StockReissued(IssuerId issuerId,
                            SecurityId securityId,
                            LocalDate date,
                            String reason,
                            List<ResultingSecurity> resultingSecurities,
                            LocalDate lostCertificateAffidavitDate) implements StockTransaction {

    @Override
    public String kind() {
        return "REISSUANCE";
    }

    @Override
    public List<SecurityId> sourceSecurityIds() {
        return List.of(securityId);
    }

    @Override
    public List<ResultingSecurity> newSecurities() {
        return List.copyOf(resultingSecurities);
    }
}
