package org.capledger.api.value;

/** OCF 1.2 {@code enums/StakeholderType}: a natural person or a legal entity. */
public enum StakeholderType {
    INDIVIDUAL,
    INSTITUTION
}
