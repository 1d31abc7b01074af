package org.capledger.query.grants;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface GrantViewRepository extends JpaRepository<GrantView, GrantView.Key>,
        JpaSpecificationExecutor<GrantView> {

    Optional<GrantView> findByIssuerIdAndSecurityId(String issuerId, String securityId);

    /** Shares under outstanding grants per holder, for grants that settle in shares. */
    interface Position {
        String getStakeholderId();

        BigDecimal getShares();
    }

    @Query("""
            select g.stakeholderId as stakeholderId, sum(g.quantity) as shares
            from GrantView g where g.issuerId = :issuerId and g.status = 'OUTSTANDING'
              and g.compensationType <> 'CSAR'
            group by g.stakeholderId""")
    List<Position> outstandingPositions(String issuerId);
}
