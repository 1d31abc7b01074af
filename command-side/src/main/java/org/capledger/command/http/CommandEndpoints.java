package org.capledger.command.http;

import jakarta.servlet.http.HttpServletRequest;
import org.capledger.api.CapTableCommand;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StockClassId;
import org.springframework.http.ResponseEntity;

/**
 * What the transaction controllers share: sending one command through the {@link CommandExecutor} with the
 * request's idempotency key, If-Match and correlation id, and reading ids from paths and bodies.
 */
abstract class CommandEndpoints {

    static final String KEY = "Idempotency-Key";
    static final String IF_MATCH = "If-Match";

    private final CommandExecutor executor;

    CommandEndpoints(CommandExecutor executor) {
        this.executor = executor;
    }

    /** Sends a submission as it is (several commands, work in the same transaction). */
    ResponseEntity<CommandResult> execute(CommandExecutor.Submission submission) {
        return executor.execute(submission);
    }

    /** Sends the command; {@code location} (and {@code createdId}) only for commands that create a resource. */
    ResponseEntity<CommandResult> submit(HttpServletRequest request, Object body, String key, String ifMatch,
                                         CapTableCommand command, String createdId, String location) {
        return execute(new CommandExecutor.Submission(request.getMethod(), request.getRequestURI(), body, key, ifMatch,
                request.getHeader(CommandExecutor.CORRELATION_HEADER), command, createdId, location));
    }

    /** @return the id a client chose for a new security, or a random one */
    static SecurityId orRandom(SecurityId id) {
        return id != null ? id : SecurityId.random();
    }

    /** A malformed id in a path names no stock class: the same answer as an unknown one. */
    static StockClassId stockClass(String value) {
        try {
            return StockClassId.of(value);
        } catch (CapledgerException e) {
            throw new CapledgerException(ErrorCode.UNKNOWN_STOCK_CLASS, "No such stock class in this issuer");
        }
    }

    /** A malformed id in a path names no security: the same answer as an unknown one. */
    static SecurityId security(String value) {
        try {
            return SecurityId.of(value);
        } catch (CapledgerException e) {
            throw new CapledgerException(ErrorCode.UNKNOWN_SECURITY, "No such security in this issuer");
        }
    }
}
