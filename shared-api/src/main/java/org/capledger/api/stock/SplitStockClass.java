package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;

import org.capledger.api.value.Ratio;

/**
 * Splits (or, with a ratio below one, reverse-splits) a stock class (OCF StockClassSplit): every security of the
 * class outstanding on {@code date} is extinguished and replaced by a new one with its quantity times the ratio,
 * and the class's authorized shares are set to {@code newSharesAuthorized}.
 *
 * @param ratio               new shares per old share, e.g. {@code 2:1}
 * @param newSharesAuthorized the class's authorized shares from {@code date}; default: those in force times the
 *                            ratio, rounded down
 * @param comments            optional, e.g. the board resolution
 * @param adjustGrantsAndWarrants whether grants and warrants over the class, and the pools of plans granting it, are
 *                            adjusted by the ratio too (quantities rounded down, prices divided), as plans and
 *                            warrants usually provide; null means true. An OCF import passes false: OCF records any
 *                            such adjustment as transactions of its own
 * @param resultingSecurityIds optional: the id of the security that replaces a split one, by the split one's id
 *                            (an OCF import keeps the package's ids). A security it does not name gets an id derived
 *                            from the issuer and its new label; null or empty: every id is derived so
 */
public record SplitStockClass(@TargetAggregateIdentifier IssuerId issuerId,
                              StockClassId stockClassId,
                              LocalDate date,
                              Ratio ratio,
                              Quantity newSharesAuthorized,
                              String comments,
                              Boolean adjustGrantsAndWarrants,
                              Map<SecurityId, SecurityId> resultingSecurityIds) implements CapTableCommand {

    /** Null entries are kept, in order, for the ledger to refuse with a message rather than fail here. */
    public SplitStockClass {
        resultingSecurityIds = resultingSecurityIds == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(resultingSecurityIds));
    }

    /** A split whose resulting securities all get derived ids. */
    public SplitStockClass(IssuerId issuerId, StockClassId stockClassId, LocalDate date, Ratio ratio,
                           Quantity newSharesAuthorized, String comments, Boolean adjustGrantsAndWarrants) {
        this(issuerId, stockClassId, date, ratio, newSharesAuthorized, comments, adjustGrantsAndWarrants, null);
    }
}
