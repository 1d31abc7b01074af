package org.capledger.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a issuer; its JSON form is the plain string. */
public record IssuerId(String value) {

    public IssuerId {
        Identifiers.requireValid(value, "issuerId");
    }

    @JsonCreator
    public static IssuerId of(String value) {
        return new IssuerId(value);
    }

    public static IssuerId random() {
        return new IssuerId(Identifiers.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
