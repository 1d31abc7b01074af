package org.capledger.command.captable;

import java.time.Clock;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.capledger.api.MetaDataKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring for the CapTable aggregate: snapshots, metadata carried to events, the clock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CapTableConfiguration {

    @Bean
    SnapshotTriggerDefinition capTableSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${capledger.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Uses only snapshots of the CapTable's current shape ({@code @Revision} on {@link CapTable}); older ones are
     * skipped and the aggregate is rebuilt from its events, which then writes a new snapshot.
     */
    @Bean
    SnapshotFilter capTableSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(CapTable.class).revision(CapTable.SNAPSHOT_REVISION).build();
    }

    /** Axon's origin provider (correlationId, traceId); declared because declaring any provider replaces it. */
    @Bean
    CorrelationDataProvider originCorrelationDataProvider() {
        return new MessageOriginProvider();
    }

    /** Copies who acted, and the idempotency key, from the command's metadata to every event it causes. */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR, MetaDataKeys.IDEMPOTENCY_KEY);
    }

    @Bean
    EffectiveDates effectiveDates(Clock clock) {
        return new EffectiveDates(clock);
    }
}
