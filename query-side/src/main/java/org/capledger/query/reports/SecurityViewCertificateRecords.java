package org.capledger.query.reports;

import java.util.List;

import org.capledger.api.value.IssuerId;
import org.capledger.query.securities.SecurityView;
import org.capledger.query.securities.SecurityViewRepository;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code security_view} read model (the securities the query API lists) as a certificate register: every stock
 * security with its label, holder and quantity; live while its status is {@code OUTSTANDING}. Checked after the
 * certificates read model.
 */
@Component
@Order(2)
class SecurityViewCertificateRecords implements CertificateRecords {

    private final SecurityViewRepository securities;

    SecurityViewCertificateRecords(SecurityViewRepository securities) {
        this.securities = securities;
    }

    @Override
    public String source() {
        return "security_view";
    }

    @Override
    @Transactional(readOnly = true)
    public List<CertificateRecord> records(IssuerId issuerId) {
        return securities.findAll((root, query, cb) -> cb.equal(root.get("issuerId"), issuerId.value())).stream()
                .map(SecurityViewCertificateRecords::record).toList();
    }

    private static CertificateRecord record(SecurityView view) {
        return new CertificateRecord(view.securityId(), view.label(), view.stakeholderId(), view.quantity(),
                "OUTSTANDING".equals(view.status()));
    }
}
