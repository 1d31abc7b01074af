package org.capledger.query.stakeholders;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StakeholderViewRepository extends JpaRepository<StakeholderView, StakeholderView.Key> {

    Page<StakeholderView> findByIssuerId(String issuerId, Pageable pageable);

    Optional<StakeholderView> findByIssuerIdAndStakeholderId(String issuerId, String stakeholderId);

    Page<StakeholderView> findByIssuerIdAndStakeholderId(String issuerId, String stakeholderId, Pageable pageable);

}
