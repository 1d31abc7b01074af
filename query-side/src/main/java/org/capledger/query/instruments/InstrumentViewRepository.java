package org.capledger.query.instruments;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface InstrumentViewRepository extends JpaRepository<InstrumentView, InstrumentView.Key>,
        JpaSpecificationExecutor<InstrumentView> {

    Optional<InstrumentView> findByIssuerIdAndSecurityIdAndKind(String issuerId, String securityId, String kind);

    List<InstrumentView> findByIssuerIdAndStatus(String issuerId, String status);
}
