package org.capledger.query.issuers;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IssuerViewRepository extends JpaRepository<IssuerView, String> {

    Page<IssuerView> findByIssuerIdIn(Collection<String> issuerIds, Pageable pageable);
}
