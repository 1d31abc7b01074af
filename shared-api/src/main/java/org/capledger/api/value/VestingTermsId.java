package org.capledger.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an issuer's vesting terms (OCF 1.2 {@code objects/VestingTerms} {@code id}); JSON form: the string. */
public record VestingTermsId(String value) {

    public VestingTermsId {
        Identifiers.requireValid(value, "vestingTermsId");
    }

    @JsonCreator
    public static VestingTermsId of(String value) {
        return new VestingTermsId(value);
    }

    public static VestingTermsId random() {
        return new VestingTermsId(Identifiers.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
