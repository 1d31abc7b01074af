package org.capledger.api;

import java.util.Map;
import java.util.Objects;

/**
 * A refused command or request, carrying a stable {@link ErrorCode} and a detail message that is safe to show
 * to the caller (no internal identifiers beyond the request's own, no stack traces, no SQL).
 *
 * <p>{@code properties} are extra members for the RFC 9457 problem document, such as the date at which a ledger
 * rule would be broken.
 */
public class CapledgerException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> properties;

    public CapledgerException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public CapledgerException(ErrorCode code, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode code() {
        return code;
    }

    /** @return extra problem members, never {@code null} */
    public Map<String, Object> properties() {
        return properties;
    }
}
