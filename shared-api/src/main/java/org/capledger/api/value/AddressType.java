package org.capledger.api.value;

/** OCF 1.2 {@code enums/AddressType}: what an address is for. */
public enum AddressType {
    /** The registered or residential address, as a register of members records it. */
    LEGAL,
    /** Where to reach the stakeholder. */
    CONTACT,
    OTHER
}
