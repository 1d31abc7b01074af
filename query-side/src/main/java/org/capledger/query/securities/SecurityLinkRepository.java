package org.capledger.query.securities;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SecurityLinkRepository extends JpaRepository<SecurityLink, SecurityLink.Key> {

    List<SecurityLink> findByIssuerIdAndFromSecurityIdIn(String issuerId, Collection<String> ids);

    List<SecurityLink> findByIssuerIdAndToSecurityIdIn(String issuerId, Collection<String> ids);
}
