package org.capledger.api.plan;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;

/**
 * Returns shares of a cancelled plan security to its plan's pool (OCF StockPlanReturnToPool), for plans whose
 * cancelled shares do not return by themselves (HOLD_AS_CAPITAL_STOCK, DEFINED_PER_PLAN_SECURITY).
 *
 * @param securityId the cancelled equity compensation security the shares come from
 * @param quantity   at most its cancelled shares not yet returned
 */
public record ReturnToPool(@TargetAggregateIdentifier IssuerId issuerId,
                           SecurityId securityId,
                           LocalDate date,
                           Quantity quantity,
                           String reason) implements CapTableCommand {
}
