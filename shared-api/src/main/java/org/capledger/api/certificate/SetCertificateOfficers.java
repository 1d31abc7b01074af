package org.capledger.api.certificate;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.capledger.api.CapTableCommand;
import org.capledger.api.value.IssuerId;

/**
 * Names the officers whose signature blocks certificates issued from {@code date} carry (at most two; none clears
 * them). A certificate shows the officers in office on its issue date; certificates older than the first setting
 * show the first one.
 *
 * @param date     from when these officers sign (ISO 8601); not before the issuer's formation, not in the future
 * @param officers zero, one or two officers, in the order printed
 */
public record SetCertificateOfficers(@TargetAggregateIdentifier IssuerId issuerId,
                                     LocalDate date,
                                     List<CertificateOfficer> officers) implements CapTableCommand {
}
