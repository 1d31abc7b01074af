package org.capledger.api.convertible;

import java.util.List;

import org.capledger.api.CapTableEvent;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.SecurityId;

/** A recorded transaction on an existing convertible; the read models use this view of every such event. */
public interface ConvertibleTransaction extends CapTableEvent {

    SecurityId securityId();

    String kind();

    boolean terminal();

    default List<ResultingSecurity> resultingStock() {
        return List.of();
    }

    /** @return the transferee's convertible of a transfer, else null */
    default ResultingGrant balance() {
        return null;
    }
}
