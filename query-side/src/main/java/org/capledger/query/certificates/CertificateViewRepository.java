package org.capledger.query.certificates;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface CertificateViewRepository extends JpaRepository<CertificateView, CertificateView.Key>,
        JpaSpecificationExecutor<CertificateView> {

    /** Labels are unique per issuer ignoring case. */
    @Query("select c from CertificateView c where c.issuerId = ?1 and lower(c.label) = lower(?2)")
    Optional<CertificateView> findByLabel(String issuerId, String label);

    Optional<CertificateView> findByVerificationCode(String verificationCode);

    List<CertificateView> findByIssuerIdAndSecurityIdIn(String issuerId, Collection<String> securityIds);

    List<CertificateView> findByIssuerIdAndSourceSecurityIdIn(String issuerId, Collection<String> sourceSecurityIds);
}
