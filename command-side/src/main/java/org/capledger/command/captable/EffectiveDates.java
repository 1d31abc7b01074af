package org.capledger.command.captable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The latest effective date a transaction may carry: today in the easternmost time zone (UTC+14), so a date
 * that has already begun anywhere is accepted and a truly future one is refused.
 */
public class EffectiveDates {

    private static final ZoneOffset EASTERNMOST = ZoneOffset.ofHours(14);

    private final Clock clock;

    public EffectiveDates(Clock clock) {
        this.clock = clock;
    }

    public LocalDate latestAccepted() {
        return LocalDate.now(clock.withZone(EASTERNMOST));
    }
}
