package org.capledger.api.stock;

import java.util.List;

import org.capledger.api.CapTableEvent;
import org.capledger.api.value.SecurityId;

/**
 * A recorded transaction that acts on existing stock securities. Read models use this view of every such
 * event: which securities it extinguished, which it created, and under what name the chain records it.
 */
public interface StockTransaction extends CapTableEvent {

    /** @return the OCF-style kind of this transaction, e.g. {@code TRANSFER}; also the extinguished status */
    String kind();

    /** @return securities this transaction extinguished (empty for an acceptance) */
    List<SecurityId> sourceSecurityIds();

    /** @return securities it created: resulting securities first, then the balance security if any */
    List<ResultingSecurity> newSecurities();

    /**
     * @return the new securities that came from {@code source}: all of them, except in a split, where each replaced
     *         security has exactly one replacement
     */
    default List<SecurityId> resultsOf(SecurityId source) {
        return newSecurities().stream().map(ResultingSecurity::securityId).toList();
    }
}
