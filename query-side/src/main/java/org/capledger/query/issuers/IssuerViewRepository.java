package org.capledger.query.issuers;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IssuerViewRepository extends JpaRepository<IssuerView, String> {
}
