package org.capledger.query.reports;

import java.util.List;

import org.capledger.api.value.IssuerId;

/**
 * A certificate register the integrity report checks against its own fold of the events: one row per stock security.
 * Every bean of this type is checked, in {@code @Order}: the certificates read model
 * ({@link CertificateTableRecords}) and the {@code security_view} read model ({@link SecurityViewCertificateRecords}).
 * Another register joins the check by providing another implementation.
 */
public interface CertificateRecords {

    /** @return where the rows come from, named in the check's description (e.g. {@code security_view}) */
    String source();

    /** @return every row the register holds for the issuer, in any order */
    List<CertificateRecord> records(IssuerId issuerId);
}
