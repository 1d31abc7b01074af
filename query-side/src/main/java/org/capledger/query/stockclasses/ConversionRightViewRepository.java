package org.capledger.query.stockclasses;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversionRightViewRepository extends JpaRepository<ConversionRightView, ConversionRightView.Key> {

    List<ConversionRightView> findByIssuerIdAndStockClassIdIn(String issuerId, Collection<String> stockClassIds);
}
