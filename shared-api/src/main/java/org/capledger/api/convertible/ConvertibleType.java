package org.capledger.api.convertible;

/** OCF 1.2 {@code enums/ConvertibleType}. */
public enum ConvertibleType {
    NOTE, SAFE, CONVERTIBLE_SECURITY
}
