package org.capledger.api;

/**
 * Every error Capledger reports, with the HTTP status it maps to (RFC 9110) and a stable title.
 *
 * <p>The enum constant name is the {@code code} member of the RFC 9457 problem document and never changes
 * meaning once published; clients may switch on it.
 */
public enum ErrorCode {
    // 400: the request itself is malformed
    MALFORMED_REQUEST(400, "Malformed request"),
    VALIDATION_FAILED(400, "Request validation failed"),
    UNKNOWN_FIELD(400, "Unknown field in request"),
    INVALID_PARAMETER(400, "Invalid parameter"),
    INVALID_IF_MATCH(400, "Invalid If-Match header"),
    INVALID_IDEMPOTENCY_KEY(400, "Invalid Idempotency-Key header"),
    // 401, 403: who is asking
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    // 404, 405, 406, 412, 413, 415
    NOT_FOUND(404, "Resource not found"),
    ISSUER_NOT_FOUND(404, "Issuer not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    VERSION_MISMATCH(412, "Version does not match If-Match"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    // 409
    CONCURRENT_MODIFICATION(409, "Concurrent modification, retry the request"),
    ACCOUNT_EXISTS(409, "Account already exists"),
    // 422: well-formed, but the ledger's rules refuse it
    ISSUER_ALREADY_EXISTS(422, "Issuer already exists"),
    INVALID_QUANTITY(422, "Invalid quantity"),
    FRACTIONAL_SHARES_NOT_ALLOWED(422, "Fractional shares not allowed for this stock class"),
    INVALID_MONEY(422, "Invalid monetary amount"),
    INVALID_IDENTIFIER(422, "Invalid identifier"),
    INVALID_VALUE(422, "Invalid value"),
    INVALID_VESTING_TERMS(422, "Invalid vesting terms"),
    DATE_BEFORE_FORMATION(422, "Date before the issuer's formation"),
    DATE_IN_FUTURE(422, "Effective date in the future"),
    DATE_BEFORE_REFERENCED_RECORD(422, "Date before the referenced record took effect"),
    UNKNOWN_STAKEHOLDER(422, "Unknown stakeholder"),
    UNKNOWN_ACCOUNT(422, "Unknown account"),
    UNKNOWN_STOCK_CLASS(422, "Unknown stock class"),
    DUPLICATE_STAKEHOLDER(422, "Stakeholder already registered"),
    DUPLICATE_STAKEHOLDER_EMAIL(422, "Email already used by another stakeholder of this issuer"),
    DUPLICATE_STOCK_CLASS(422, "Stock class already exists"),
    DUPLICATE_STOCK_CLASS_NAME(422, "Stock class name already used"),
    DUPLICATE_CERTIFICATE_PREFIX(422, "Certificate prefix already used"),
    DUPLICATE_SECURITY(422, "Security already exists"),
    DUPLICATE_SECURITY_LABEL(422, "Security label already used"),
    AUTHORIZED_SHARES_EXCEEDED(422, "Issued shares would exceed authorized shares"),
    AUTHORIZED_BELOW_OUTSTANDING(422, "Authorized shares would fall below outstanding shares"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key already used for another request"),
    LAST_OWNER(422, "An issuer keeps at least one owner"),
    WEAK_PASSWORD(422, "Password does not meet the policy"),
    UNKNOWN_SECURITY(422, "Unknown security"),
    SECURITY_NOT_OUTSTANDING(422, "Security is not outstanding"),
    QUANTITY_EXCEEDS_SECURITY(422, "Quantity exceeds the security's"),
    CONFLICTS_WITH_LATER_TRANSACTION(422, "Conflicts with a later transaction"),
    NO_CONVERSION_RIGHT(422, "No conversion right into that stock class"),
    UNKNOWN_STOCK_PLAN(422, "Unknown stock plan"),
    DUPLICATE_STOCK_PLAN(422, "Stock plan already exists"),
    PLAN_POOL_EXCEEDED(422, "Grants would exceed the plan's pool"),
    PLAN_POOL_BELOW_GRANTED(422, "The plan's pool would fall below what was granted from it"),
    SHARES_NOT_VESTED(422, "Shares not vested"),
    SECURITY_EXPIRED(422, "Security expired"),
    OCF_EXPORT_UNSUPPORTED(422, "OCF 1.2 cannot express this issuer's history"),
    /** A statutory register asked of an issuer the statute does not apply to, e.g. a register of members (Companies
     *  Act 2006 s.113) of an issuer not formed in Great Britain. */
    REGISTER_NOT_APPLICABLE(422, "The issuer keeps no such register under the law of its jurisdiction"),
    // 429
    TOO_MANY_REQUESTS(429, "Too many requests"),
    // 5xx
    OCF_IMPORT_QUEUE_FULL(503, "Too many OCF imports are waiting; retry later"),
    PROJECTION_LAGGING(503, "Read model has not caught up yet"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** @return the HTTP status code (RFC 9110 section 15) this error is reported with */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return a short, stable, human-readable summary (the RFC 9457 {@code title}) */
    public String title() {
        return title;
    }
}
