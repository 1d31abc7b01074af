package org.capledger.query.reports;

import java.util.List;

import org.capledger.api.value.IssuerId;
import org.capledger.query.certificates.CertificateStatus;
import org.capledger.query.certificates.CertificateView;
import org.capledger.query.certificates.CertificateViewRepository;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certificates read model ({@code certificate}, docs/certificates.md) as a certificate register: one certificate
 * per stock security with its label, holder and quantity; live while its status is {@code ACTIVE} (not cancelled,
 * void or replaced). Checked first.
 */
@Component
@Order(1)
class CertificateTableRecords implements CertificateRecords {

    private final CertificateViewRepository certificates;

    CertificateTableRecords(CertificateViewRepository certificates) {
        this.certificates = certificates;
    }

    @Override
    public String source() {
        return "certificate";
    }

    @Override
    @Transactional(readOnly = true)
    public List<CertificateRecord> records(IssuerId issuerId) {
        return certificates.findAll((root, query, cb) -> cb.equal(root.get("issuerId"), issuerId.value())).stream()
                .map(CertificateTableRecords::record).toList();
    }

    private static CertificateRecord record(CertificateView view) {
        return new CertificateRecord(view.securityId(), view.label(), view.stakeholderId(), view.quantity(),
                view.status() == CertificateStatus.ACTIVE);
    }
}
