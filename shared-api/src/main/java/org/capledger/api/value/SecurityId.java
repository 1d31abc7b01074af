package org.capledger.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a security; its JSON form is the plain string. */
public record SecurityId(String value) {

    public SecurityId {
        Identifiers.requireValid(value, "securityId");
    }

    @JsonCreator
    public static SecurityId of(String value) {
        return new SecurityId(value);
    }

    public static SecurityId random() {
        return new SecurityId(Identifiers.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
