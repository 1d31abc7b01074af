package org.capledger.query.grants;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StockPlanViewRepository extends JpaRepository<StockPlanView, StockPlanView.Key> {

    List<StockPlanView> findByIssuerIdOrderByPlanName(String issuerId);

    Optional<StockPlanView> findByIssuerIdAndStockPlanId(String issuerId, String stockPlanId);
}
