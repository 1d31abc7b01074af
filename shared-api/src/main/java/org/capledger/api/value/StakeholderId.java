package org.capledger.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a stakeholder; its JSON form is the plain string. */
public record StakeholderId(String value) {

    public StakeholderId {
        Identifiers.requireValid(value, "stakeholderId");
    }

    @JsonCreator
    public static StakeholderId of(String value) {
        return new StakeholderId(value);
    }

    public static StakeholderId random() {
        return new StakeholderId(Identifiers.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
