package org.capledger.query.stockclasses;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StockClassViewRepository extends JpaRepository<StockClassView, StockClassView.Key> {

    Page<StockClassView> findByIssuerId(String issuerId, Pageable pageable);

    List<StockClassView> findByIssuerId(String issuerId);

    Optional<StockClassView> findByIssuerIdAndStockClassId(String issuerId, String stockClassId);
}
