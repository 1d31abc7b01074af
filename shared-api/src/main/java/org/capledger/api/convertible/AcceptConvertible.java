package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** The holder accepted the convertible (OCF ConvertibleAcceptance). */
public record AcceptConvertible(@TargetAggregateIdentifier IssuerId issuerId,
                                 SecurityId securityId,
                                 LocalDate date) implements CapTableCommand {
}
