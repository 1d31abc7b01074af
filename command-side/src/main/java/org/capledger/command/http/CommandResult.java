package org.capledger.command.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a command changed.
 *
 * @param issuerId the issuer (aggregate) the command went to
 * @param id       the id of what the command created (issuer, stakeholder, stock class, security), else null
 * @param version  the issuer's aggregate version after the command; also sent as {@code ETag}
 * @param position the global event-stream position of the issuer's latest event; send it back as
 *                 {@code Capledger-Position} on a query to read this write
 * @param securityIds securities the command created (a transfer's transferee and balance securities, ...); left
 *                    out when none
 */
@Schema(description = "Outcome of a command")
public record CommandResult(
        @Schema(example = "9b2f0c3e-4d1a-4f7e-9d55-2b8e6f0a1c33") String issuerId,
        @Schema(example = "0c21a4fd-f758-4e8a-b0ec-3fab5a5dc452") String id,
        @Schema(example = "3") long version,
        @Schema(example = "42") long position,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Securities the command created, resulting securities first, then any balance")
        List<String> securityIds) {

    public CommandResult {
        securityIds = securityIds == null ? List.of() : List.copyOf(securityIds);
    }
}
