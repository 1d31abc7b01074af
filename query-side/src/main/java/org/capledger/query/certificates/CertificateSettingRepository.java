package org.capledger.query.certificates;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificateSettingRepository extends JpaRepository<CertificateSetting, CertificateSetting.Key> {

    List<CertificateSetting> findByIssuerIdAndSubjectOrderByEffectiveDate(String issuerId, String subject);
}
