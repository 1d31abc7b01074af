package org.capledger.query.common;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/**
 * Authorized shares as a read model keeps them: the figure in force after the latest adjustment in effective
 * order (effective date, then recording sequence), so a back-dated adjustment recorded later does not replace a
 * figure that took effect after it.
 */
@Embeddable
public class AuthorizedShares {

    private BigDecimal sharesAuthorized;
    private LocalDate authorizedDate;
    private Long authorizedSequence;

    /** Takes {@code shares} unless a figure effective later (or later the same day) is already in force. */
    public void adjust(BigDecimal shares, LocalDate date, long sequence) {
        if (authorizedDate == null || date.isAfter(authorizedDate)
                || (date.isEqual(authorizedDate) && sequence > authorizedSequence)) {
            sharesAuthorized = shares;
            authorizedDate = date;
            authorizedSequence = sequence;
        }
    }

    /** @return the figure in force, or {@code null} when none was ever set */
    public BigDecimal shares() {
        return sharesAuthorized;
    }
}
