package org.capledger.api.stock;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
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
 */
public record SplitStockClass(@TargetAggregateIdentifier IssuerId issuerId,
                              StockClassId stockClassId,
                              LocalDate date,
                              Ratio ratio,
                              Quantity newSharesAuthorized,
                              String comments,
                              Boolean adjustGrantsAndWarrants) implements CapTableCommand {
}
