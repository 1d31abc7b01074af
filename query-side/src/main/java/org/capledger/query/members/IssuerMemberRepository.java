package org.capledger.query.members;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IssuerMemberRepository extends JpaRepository<IssuerMember, IssuerMember.Key> {

    List<IssuerMember> findByIssuerIdOrderByAccountId(String issuerId);

    List<IssuerMember> findByAccountId(String accountId);
}
