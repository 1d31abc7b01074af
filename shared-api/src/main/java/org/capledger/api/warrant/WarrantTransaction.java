package org.capledger.api.warrant;

import java.util.List;

import org.capledger.api.CapTableEvent;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.SecurityId;

/** A recorded transaction on an existing warrant; the read models use this view of every such event. */
public interface WarrantTransaction extends CapTableEvent {

    SecurityId securityId();

    /** @return OCF-style kind, e.g. EXERCISE */
    String kind();

    boolean terminal();

    /** @return stock it issued, else empty */
    default List<ResultingSecurity> resultingStock() {
        return List.of();
    }

    /** @return the warrant holding what it left untouched (or the transferee's warrant), or null */
    default ResultingGrant balance() {
        return null;
    }
}
