package org.capledger.query.securities;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface SecurityViewRepository extends JpaRepository<SecurityView, SecurityView.Key>,
        JpaSpecificationExecutor<SecurityView> {

    Optional<SecurityView> findByIssuerIdAndSecurityId(String issuerId, String securityId);

    List<SecurityView> findByIssuerIdAndSecurityIdIn(String issuerId, Collection<String> securityIds);

    /** Outstanding shares per holder and class. */
    interface Position {
        String getStakeholderId();

        String getStockClassId();

        BigDecimal getShares();
    }

    @Query("""
            select s.stakeholderId as stakeholderId, s.stockClassId as stockClassId, sum(s.quantity) as shares
            from SecurityView s where s.issuerId = :issuerId and s.status = 'OUTSTANDING'
            group by s.stakeholderId, s.stockClassId""")
    List<Position> outstandingPositions(String issuerId);

    Page<SecurityView> findByIssuerId(String issuerId, Pageable pageable);
}
