package org.capledger.api.convertible;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** A convertible converted into stock; see {@link ConvertConvertible}. */
@Revision("1")
public record ConvertibleConverted(IssuerId issuerId,
                                    SecurityId securityId,
                                    LocalDate date,
                                    String reason,
                                    List<ResultingSecurity> resultingStock) implements ConvertibleTransaction {

    @Override
    public String kind() {
        return "CONVERSION";
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
