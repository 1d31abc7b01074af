package org.capledger.api.certificate;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;

/** The officers who sign certificates from {@code date}; see {@link SetCertificateOfficers}. */
@Revision("1")
public record CertificateOfficersSet(IssuerId issuerId,
                                     LocalDate date,
                                     List<CertificateOfficer> officers) implements CapTableEvent {
}
