package org.capledger.query.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The ledger integrity report: checks computed by folding the issuer's events independently of the Ledger that
 * recorded them. See docs/reports.md for each check's definition.
 *
 * @param asOf          the last effective date checked (checks 1 to 4 judge the end of every effective date up to it;
 *                      events apply from {@code appliesFrom}, so a retraction voids its issuance from the issuance's
 *                      date)
 * @param eventsFolded  events of the issuer's stream that apply on or before {@code asOf}
 * @param passed        whether every check passed
 */
public record IntegrityReport(String issuerId,
                              String issuerLegalName,
                              LocalDate asOf,
                              int eventsFolded,
                              boolean passed,
                              List<Check> checks) {

    /** At most this many offending items are listed per check; {@code offendingCount} has them all. */
    public static final int MAX_LISTED = 100;

    /**
     * One check.
     *
     * @param name           stable name, e.g. {@code AUTHORIZED_NOT_EXCEEDED}
     * @param description    what was checked and against what
     * @param passed         whether no item offends
     * @param examined       how many items were examined (what an item is is said in {@code description})
     * @param offendingCount how many items offend
     * @param offending      the first {@value #MAX_LISTED} offending items, in date then recording order
     */
    public record Check(String name, String description, boolean passed, long examined, int offendingCount,
                        List<Finding> offending) {
    }

    /**
     * One offending item. Only the fields that apply are present.
     *
     * @param date           the effective date the item concerns
     * @param stockClassId   the stock class, when it concerns one
     * @param stockClassName its name
     * @param stakeholderId  the holder, when it concerns one
     * @param securityId     the security, when it concerns one
     * @param label          its label
     * @param transaction    the kind of the transaction involved, e.g. {@code TRANSFER}
     * @param sequence       that transaction's sequence number in the issuer's stream (as in the audit trail)
     * @param figures        the figures found, as exact decimal strings (e.g. {@code outstanding}, {@code authorized})
     * @param detail         what is wrong, in words
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(LocalDate date, String stockClassId, String stockClassName, String stakeholderId,
                          String securityId, String label, String transaction, Long sequence,
                          Map<String, String> figures, String detail) {
    }
}
