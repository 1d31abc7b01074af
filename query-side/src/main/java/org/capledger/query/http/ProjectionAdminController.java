package org.capledger.query.http;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.platform.security.CapledgerPrincipal;
import org.capledger.query.processing.EventProcessors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints for the read models; platform administrators only. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Operations", description = "Operator actions")
public class ProjectionAdminController {

    private final EventProcessors processors;

    public ProjectionAdminController(EventProcessors processors) {
        this.processors = processors;
    }

    /**
     * @param processors the tracking processors reset
     * @param position   the event-stream head; send it as {@code Capledger-Position} to wait for the rebuild
     */
    public record RebuildResponse(List<String> processors, long position) {
    }

    @PostMapping("/rebuild")
    @ApiResponse(responseCode = "202", description = "Rebuild started; wait with the returned position")
    @ApiResponse(responseCode = "403", description = "Not a platform administrator")
    @Operation(summary = "Rebuild every read model from the event store (platform administrators)",
            description = "Clears the read models and replays all events into them (202). Queries carrying the "
                    + "returned position as Capledger-Position wait until the rebuild has reached it.")
    public ResponseEntity<RebuildResponse> rebuild() {
        if (!CapledgerPrincipal.current().platformAdmin()) {
            throw new CapledgerException(ErrorCode.FORBIDDEN, "Only platform administrators rebuild read models");
        }
        long head = processors.rebuild();
        List<String> names = processors.trackingProcessors().stream().map(TrackingEventProcessor::getName).toList();
        return ResponseEntity.accepted().header(ReadYourWrites.POSITION_HEADER, String.valueOf(head))
                .body(new RebuildResponse(names, head));
    }
}
