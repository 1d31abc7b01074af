package org.capledger.api.equity;

import java.util.List;

import org.capledger.api.CapTableEvent;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.SecurityId;

/** A recorded transaction on an existing grant; the read models use this view of every such event. */
public interface EquityCompensationTransaction extends CapTableEvent {

    /** @return the grant acted on */
    SecurityId securityId();

    /** @return OCF-style kind, e.g. EXERCISE; for terminal ones also the grant's status afterwards */
    String kind();

    /** @return whether it extinguishes the grant */
    boolean terminal();

    /** @return stock it issued (an exercise's or release's shares), else empty */
    default List<ResultingSecurity> resultingStock() {
        return List.of();
    }

    /** @return the grant holding what it left untouched, or null */
    default ResultingGrant balance() {
        return null;
    }
}
