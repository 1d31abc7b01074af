package org.capledger.command.ocf;

import org.capledger.platform.ocf.OcfReport;

/**
 * What an import did.
 *
 * @param outcome       {@link Outcome}
 * @param issuerId      the issuer recorded (IMPORTED), or the one that would have been (VALID); null when FAILED
 *                      before one was chosen
 * @param recorded      how many objects and transactions were (or, in a dry run, would be) recorded
 * @param events        how many events the import appended (0 unless IMPORTED)
 * @param position      the event-stream position of the import's last event (IMPORTED), for read-your-writes
 *                      ({@code Capledger-Position}); -1 otherwise
 * @param report        every problem found: errors and tolerated quirks
 * @param durationMillis wall time of the whole import, reading and checking included
 */
public record OcfImportResult(Outcome outcome, String issuerId, int recorded, long events, long position,
                              OcfReport report,
                              long durationMillis) {

    public enum Outcome {
        /** Recorded: the issuer exists with the package's history. */
        IMPORTED,
        /** A dry run found no error: importing it would succeed (as the ledger stands now). */
        VALID,
        /** Refused: the report lists every error; nothing was recorded. */
        FAILED
    }
}
