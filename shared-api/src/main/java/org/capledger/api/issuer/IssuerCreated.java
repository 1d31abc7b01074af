package org.capledger.api.issuer;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.capledger.api.CapTableEvent;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;

/** An issuer's cap table was created; effective on its formation date. See {@link CreateIssuer}. */
@Revision("1")
public record IssuerCreated(IssuerId issuerId,
                            String legalName,
                            LocalDate formationDate,
                            String countryOfFormation,
                            String subdivisionOfFormation,
                            String taxId,
                            Quantity initialSharesAuthorized) implements CapTableEvent {

    @Override
    public LocalDate date() {
        return formationDate;
    }
}
