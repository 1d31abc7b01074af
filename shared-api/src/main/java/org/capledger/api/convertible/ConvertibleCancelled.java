package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** A convertible was cancelled. */
@Revision("1")
public record ConvertibleCancelled(IssuerId issuerId,
                                    SecurityId securityId,
                                    LocalDate date,
                                    String reason) implements ConvertibleTransaction {

    @Override
    public String kind() {
        return "CANCELLATION";
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
