package org.capledger.api.convertible;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.SecurityId;

/** Voids a convertible as if never validly issued (OCF ConvertibleRetraction). */
public record RetractConvertible(@TargetAggregateIdentifier IssuerId issuerId,
                                  SecurityId securityId,
                                  LocalDate date,
                                  String reason) implements CapTableCommand {
}
