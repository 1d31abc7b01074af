package org.capledger.query.processing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models once after an upgrade that changes them: a new read model starts empty while the
 * processors' tokens already stand at the head of the event store, so without a rebuild it would miss every earlier
 * event (and a projection updating a row it never made would stop the processor). {@link #VERSION} goes up with
 * every release that adds or changes a read model; the first query-side instance to start with a higher version than
 * the database's ({@code read_model_version}) claims the upgrade atomically and rebuilds. Replays mail nobody
 * (handlers with side effects are {@code @DisallowReplay}).
 */
@Component
class ReadModelUpgrade implements ApplicationRunner {

    /** 1: certificates (V16). */
    static final int VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(ReadModelUpgrade.class);

    private final JdbcTemplate jdbc;
    private final EventProcessors processors;

    ReadModelUpgrade(JdbcTemplate jdbc, EventProcessors processors) {
        this.jdbc = jdbc;
        this.processors = processors;
    }

    @Override
    public void run(ApplicationArguments args) {
        int claimed = jdbc.update("UPDATE read_model_version SET version = ? WHERE version < ?", VERSION, VERSION);
        if (claimed == 1 && processors.headPosition() >= 0) {
            long head = processors.rebuild();
            log.info("Read models upgraded to version {}: rebuilding them from the event store, up to position {}",
                    VERSION, head);
        }
    }
}
