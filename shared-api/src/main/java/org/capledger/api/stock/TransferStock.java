package org.capledger.api.stock;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/**
 * Transfers all or part of a stock security to one or more stakeholders (OCF StockTransfer). The source is
 * extinguished; each transferee gets a new security, and untransferred shares go to {@code balanceSecurityId},
 * held by the original holder.
 *
 * @param securityId        the security transferred from; must be outstanding on {@code date}
 * @param transferees       one or more recipients; quantities add up to at most the source's
 * @param consideration     what the transferee gave, free text (OCF {@code consideration_text}), optional
 * @param balanceSecurityId id for the untransferred remainder; required exactly when shares remain
 */
public record TransferStock(@TargetAggregateIdentifier IssuerId issuerId,
                            SecurityId securityId,
                            LocalDate date,
                            List<Transferee> transferees,
                            String consideration,
                            SecurityId balanceSecurityId) implements CapTableCommand {
}
