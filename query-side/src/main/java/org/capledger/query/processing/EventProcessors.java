package org.capledger.query.processing;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Progress of this node's tracking processors: whether they have processed a given event-stream position
 * (read-your-writes), how far the stream reaches, and resetting them to rebuild the read models.
 */
@Component
public class EventProcessors {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public EventProcessors(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                           @Qualifier("serializer") Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<TrackingEventProcessor> trackingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance)
                .map(TrackingEventProcessor.class::cast)
                .toList();
    }

    /** @return the global position of the newest event in the store, or -1 when it is empty */
    public long headPosition() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    /**
     * @return true when every segment of every tracking processor has handled the event at {@code position}.
     *         Reads the shared token store, not this node's threads, so it holds whichever query-side instance
     *         owns the segments.
     */
    public boolean hasProcessed(long position) {
        for (TrackingEventProcessor processor : trackingProcessors()) {
            List<TrackingToken> tokens = jdbc.query(
                    "SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                    (rs, i) -> rs.getBytes(1) == null ? null : serializer.deserialize(new SimpleSerializedObject<>(
                            rs.getBytes(1), byte[].class, new SimpleSerializedType(rs.getString(2), null))),
                    processor.getName());
            if (tokens.isEmpty()) {
                return position < 0;
            }
            for (TrackingToken token : tokens) {
                if (!covers(token, position)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits, polling, until {@link #hasProcessed} or the timeout passes. @return whether it caught up */
    public boolean awaitProcessed(long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasProcessed(position)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Clears every read model and replays the whole event store into it. @return the head position to wait for */
    public long rebuild() {
        for (TrackingEventProcessor processor : trackingProcessors()) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        return headPosition();
    }

    static boolean covers(TrackingToken token, long position) {
        if (position < 0) {
            return true;
        }
        if (token == null) {
            return false;
        }
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null) {
            return false;
        }
        OptionalLong at = current.position();
        if (at.isEmpty() || at.getAsLong() < position) {
            return false;
        }
        return !(current instanceof GapAwareTrackingToken gapAware) || !gapAware.getGaps().contains(position);
    }
}
