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
    /**
     * {@code "true"} on the commands and events of the demo company ({@code capledger.demo-data}): its certificates
     * are specimens and nobody is mailed about them.
     */
    public static final String DEMO = "demo";
    /** {@code true} when the actor is a platform administrator, who may act on every issuer; commands only. */
    public static final String PLATFORM_ADMIN = "platformAdmin";
    /** The client's {@code Idempotency-Key} header, when the command came with one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The aggregate version the client expects ({@code If-Match}); commands only, not copied to events. */
    public static final String EXPECTED_VERSION = "expectedVersion";
    /**
     * Labels the command's new securities should carry instead of the ones the ledger would give them: a
     * {@code Map<String, String>} from the id of a security the command creates (an issuance; a transaction's
     * resulting, balance or split security; a grant; the stock or balance grant of an exercise; a warrant; a
     * convertible) to its label, 1 to 64 printable characters unused by the issuer's other securities. An OCF
     * import passes the package's {@code custom_id}s here. Commands only: the label is in the event itself.
     */
    public static final String SECURITY_LABELS = "securityLabels";

    /** The OCF import that recorded the transaction (its import id), when one did. */
    public static final String OCF_IMPORT = "ocfImport";
    /** The id the OCF package gave the object or transaction the command records, when an import sent it. */
    public static final String OCF_ID = "ocfId";

    private MetaDataKeys() {
    }
}
