package org.capledger.query.processing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code eventProcessors} (part of readiness): DOWN when a tracking processor is not running
 * or a segment is in error (a projection failed and is being retried), with the position of each segment.
 */
@Component
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessors processors;

    public EventProcessorsHealthIndicator(EventProcessors processors) {
        this.processors = processors;
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (TrackingEventProcessor processor : processors.trackingProcessors()) {
            Map<String, Object> segments = new LinkedHashMap<>();
            for (Map.Entry<Integer, EventTrackerStatus> entry : processor.processingStatus().entrySet()) {
                EventTrackerStatus status = entry.getValue();
                Map<String, Object> segment = new LinkedHashMap<>();
                segment.put("position", status.getCurrentPosition().isPresent()
                        ? status.getCurrentPosition().getAsLong() : null);
                segment.put("caughtUp", status.isCaughtUp());
                segment.put("replaying", status.isReplaying());
                segment.put("error", status.isErrorState() ? status.getError().getClass().getSimpleName() : null);
                segments.put(String.valueOf(entry.getKey()), segment);
                up &= !status.isErrorState();
            }
            up &= processor.isRunning() && !processor.isError();
            details.put(processor.getName(), Map.of("running", processor.isRunning(), "error", processor.isError(),
                    "segments", segments));
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
