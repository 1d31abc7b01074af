package org.capledger.api.certificate;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StockClassId;

/**
 * Sets the legends printed on the stock class's certificates issued from {@code date} (at most ten; none clears
 * them), e.g. the Securities Act of 1933 restriction. A certificate shows the legends in force on its issue date;
 * certificates older than the first setting show the first one.
 *
 * @param date    from when (ISO 8601); not before the class was created, not in the future
 * @param legends the legends in the order printed
 */
public record SetStockClassLegends(@TargetAggregateIdentifier IssuerId issuerId,
                                   StockClassId stockClassId,
                                   LocalDate date,
                                   List<Legend> legends) implements CapTableCommand {
}
