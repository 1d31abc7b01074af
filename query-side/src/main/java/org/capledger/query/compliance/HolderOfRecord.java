package org.capledger.query.compliance;

import org.capledger.api.value.StakeholderId;

/**
 * A person who may hold securities of record: a stakeholder on the issuer's records of security holders.
 *
 * @param stakeholderId      the stakeholder
 * @param name               their name, for the report
 * @param accreditedInvestor whether they are an accredited investor; {@code null} is read as
 *                           {@link AccreditedInvestorStatus#UNKNOWN}
 */
public record HolderOfRecord(StakeholderId stakeholderId, String name, AccreditedInvestorStatus accreditedInvestor) {
}
