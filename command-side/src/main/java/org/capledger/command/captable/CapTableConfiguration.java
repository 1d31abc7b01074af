package org.capledger.command.captable;

import java.time.Clock;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
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
import org.springframework.jdbc.core.JdbcTemplate;
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

    /**
     * Copies who acted, the idempotency key, for an OCF import its id and the item's OCF id, and the demo mark, from
     * the command's metadata to every event it causes.
     */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR, MetaDataKeys.IDEMPOTENCY_KEY,
                MetaDataKeys.OCF_IMPORT, MetaDataKeys.OCF_ID, MetaDataKeys.DEMO);
    }

    /**
     * Loaded CapTables, kept while memory allows (weak references): without it every command rebuilt its issuer from
     * the latest snapshot, and deserializing a large issuer's whole Ledger took most of a command's time (an OCF
     * import of 10,000 transactions spent 23 ms an item). Axon evicts an issuer when a command on it rolls back;
     * {@link CapTableCacheEviction} also when the database transaction around several commands does; and an entry is
     * used only by a transaction that sees the events it holds ({@link CommittedCapTableCache}).
     */
    @Bean
    Cache capTableCache(JdbcTemplate jdbc) {
        return new CommittedCapTableCache(new WeakReferenceCache(), jdbc);
    }

    @Bean
    EffectiveDates effectiveDates(Clock clock) {
        return new EffectiveDates(clock);
    }
}
