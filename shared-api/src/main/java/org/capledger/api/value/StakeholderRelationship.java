package org.capledger.api.value;

/** OCF 1.2 {@code enums/StakeholderRelationshipType}: the stakeholder's relationship to the issuer. */
public enum StakeholderRelationship {
    ADVISOR,
    BOARD_MEMBER,
    CONSULTANT,
    EMPLOYEE,
    EX_ADVISOR,
    EX_CONSULTANT,
    EX_EMPLOYEE,
    EXECUTIVE,
    FOUNDER,
    INVESTOR,
    NON_US_EMPLOYEE,
    OFFICER,
    OTHER
}
