package org.capledger.query.processing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The operator command for rebuilding read models: start any query-side process with
 * {@code --capledger.rebuild-projections=true} (or {@code CAPLEDGER_REBUILD_PROJECTIONS=true}) and every read model
 * is cleared and replayed from the event store once it has started. The running equivalent is
 * {@code POST /api/admin/projections/rebuild}.
 */
@Component
@ConditionalOnBooleanProperty("capledger.rebuild-projections")
class RebuildOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);

    private final EventProcessors processors;

    RebuildOnStart(EventProcessors processors) {
        this.processors = processors;
    }

    @Override
    public void run(ApplicationArguments args) {
        long head = processors.rebuild();
        log.info("Rebuilding every read model from the event store, up to position {}", head);
    }
}
