package org.capledger.ledger;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockPlanId;

/** A stock plan as the ledger knows it; its pool over time is a {@link Timeline} kept beside it. */
public record StockPlanRecord(StockPlanId stockPlanId,
                              String planName,
                              LocalDate createdOn,
                              CancellationBehavior cancellationBehavior,
                              List<StockClassId> stockClassIds) {

    public StockPlanRecord {
        stockClassIds = List.copyOf(stockClassIds);
    }
}
