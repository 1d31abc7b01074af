package org.capledger.api;

/**
 * Metadata keys on commands and the events they cause. Events also carry Axon's {@code correlationId} and
 * {@code traceId}; the recorded time is the event's timestamp.
 */
public final class MetaDataKeys {

    /** Who recorded the transaction: an account identifier, or {@link #SYSTEM}. */
    public static final String ACTOR = "actor";
    /** The actor of commands the application sends itself (demo data). */
    public static final String SYSTEM = "system";
    /** {@code true} when the actor is a platform administrator, who may act on every issuer; commands only. */
    public static final String PLATFORM_ADMIN = "platformAdmin";
    /** The client's {@code Idempotency-Key} header, when the command came with one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The aggregate version the client expects ({@code If-Match}); commands only, not copied to events. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    /** The OCF import that recorded the transaction (its import id), when one did. */
    public static final String OCF_IMPORT = "ocfImport";
    /** The id the OCF package gave the object or transaction the command records, when an import sent it. */
    public static final String OCF_ID = "ocfId";

    private MetaDataKeys() {
    }
}
