package org.capledger.command.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.capledger.api.CapTableCommand;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.value.IssuerId;
import org.capledger.platform.security.CapledgerPrincipal;
import org.capledger.platform.security.SecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one HTTP command: one database transaction holding the idempotency record, the events (and the snapshot
 * when due). Retries the whole transaction when another writer appended to the same issuer first.
 *
 * <p>Idempotency ({@code Idempotency-Key}, draft-ietf-httpapi-idempotency-key-header): keys are the signed-in
 * account's own (another account's same key is another record, never its response). The key is claimed with an
 * insert that waits on a concurrent holder of the same key, so parallel duplicates record one event and all
 * answer with the first response. The same key with a different method, path or body answers 422. Refused
 * commands store nothing, so a corrected retry may reuse the key.
 */
@Component
public class CommandExecutor {

    /** Response and request header carrying the event-stream position; see {@link CommandResult#position()}. */
    public static final String POSITION_HEADER = "Capledger-Position";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final CommandGateway commandGateway;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final int attempts;

    public CommandExecutor(CommandGateway commandGateway, TransactionTemplate transactions, JdbcTemplate jdbc,
                           JsonMapper json, @Value("${capledger.command-retries:5}") int attempts) {
        this.commandGateway = commandGateway;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.attempts = Math.max(1, attempts);
    }

    /**
     * One command as received over HTTP.
     *
     * @param method         HTTP method
     * @param path           request path, part of the idempotency fingerprint
     * @param body           the request body as bound, part of the idempotency fingerprint
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     * @param ifMatch        the {@code If-Match} header, or null
     * @param correlationId  the {@code X-Correlation-Id} header, or null
     * @param command        the command to send
     * @param createdId      id of what the command creates, or null
     * @param location       {@code Location} of the created resource (201), or null (200)
     */
    public record Submission(String method, String path, Object body, String idempotencyKey, String ifMatch,
                             String correlationId, List<CapTableCommand> commands, String createdId,
                             String location, Runnable firstInTransaction, Runnable alsoInTransaction) {

        public Submission(String method, String path, Object body, String idempotencyKey, String ifMatch,
                          String correlationId, List<CapTableCommand> commands, String createdId, String location) {
            this(method, path, body, idempotencyKey, ifMatch, correlationId, commands, createdId, location, null,
                    null);
        }

        public Submission(String method, String path, Object body, String idempotencyKey, String ifMatch,
                          String correlationId, CapTableCommand command, String createdId, String location) {
            this(method, path, body, idempotencyKey, ifMatch, correlationId, List.of(command), createdId, location);
        }

        /** @return this submission with {@code work} done in the command's transaction, after its events */
        public Submission alsoInTransaction(Runnable work) {
            return new Submission(method, path, body, idempotencyKey, ifMatch, correlationId, commands, createdId,
                    location, firstInTransaction, work);
        }

        /**
         * @return this submission with {@code work} done in the command's transaction before its commands are
         *         sent, such as locking a row that a concurrent request locks before sending its own command
         */
        public Submission firstInTransaction(Runnable work) {
            return new Submission(method, path, body, idempotencyKey, ifMatch, correlationId, commands, createdId,
                    location, work, alsoInTransaction);
        }

        CapTableCommand command() {
            return commands.get(0);
        }
    }

    private record Stored(String requestHash, Integer status, String location, String etag, Long position,
                          String body) {
    }

    public ResponseEntity<CommandResult> execute(Submission submission) {
        String key = validKey(submission.idempotencyKey());
        Long expectedVersion = parseIfMatch(submission.ifMatch());
        String correlationId = validCorrelationId(submission.correlationId());
        String hash = key == null ? null : fingerprint(submission);
        for (int attempt = 1; ; attempt++) {
            try {
                ResponseEntity<CommandResult> response = transactions.execute(
                        tx -> executeOnce(submission, key, hash, expectedVersion, correlationId));
                return ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .header(CORRELATION_HEADER, correlationId)
                        .body(response.getBody());
            } catch (AggregateNotFoundException e) {
                throw new CapledgerException(ErrorCode.ISSUER_NOT_FOUND, "No such issuer");
            } catch (AggregateStreamCreationException e) {
                throw new CapledgerException(ErrorCode.ISSUER_ALREADY_EXISTS,
                        "Issuer " + submission.command().issuerId() + " already exists");
            } catch (CapledgerException e) {
                if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.ISSUER_NOT_FOUND) {
                    SecurityEvents.accessDenied(CapledgerPrincipal.current().accountId(),
                            submission.command().issuerId().value(), null,
                            e.code().name());
                }
                throw e;
            } catch (ConcurrencyException e) {
                if (attempt >= attempts) {
                    throw new CapledgerException(ErrorCode.CONCURRENT_MODIFICATION,
                            "The issuer kept changing while this command ran; retry it");
                }
                log.debug("Concurrent append on issuer {}, attempt {} of {}", submission.command().issuerId(),
                        attempt, attempts);
            }
        }
    }

    private ResponseEntity<CommandResult> executeOnce(Submission submission, String key, String hash,
                                                      Long expectedVersion, String correlationId) {
        String account = CapledgerPrincipal.current().accountId();
        if (key != null) {
            int claimed = jdbc.update("INSERT INTO idempotency_record (account_id, idempotency_key, request_hash) "
                    + "VALUES (?, ?, ?) ON CONFLICT (account_id, idempotency_key) DO NOTHING", account, key, hash);
            if (claimed == 0) {
                return replay(account, key, hash);
            }
        }
        Map<String, Object> metaData = new HashMap<>();
        CapledgerPrincipal actor = CapledgerPrincipal.current();
        metaData.put(MetaDataKeys.ACTOR, actor.accountId());
        metaData.put(MetaDataKeys.PLATFORM_ADMIN, actor.platformAdmin());
        if (key != null) {
            metaData.put(MetaDataKeys.IDEMPOTENCY_KEY, key);
        }
        if (expectedVersion != null) {
            metaData.put(MetaDataKeys.EXPECTED_VERSION, expectedVersion);
        }
        if (submission.firstInTransaction() != null) {
            submission.firstInTransaction().run();
        }
        List<String> securityIds = new ArrayList<>();
        for (CapTableCommand command : submission.commands()) {
            Object created = commandGateway.sendAndWait(new GenericCommandMessage<>(
                    new GenericMessage<>(correlationId, command, metaData), command.getClass().getName()));
            if (created instanceof List<?> ids) {
                ids.forEach(id -> securityIds.add(id.toString()));
            }
        }
        if (submission.alsoInTransaction() != null) {
            submission.alsoInTransaction().run();
        }

        IssuerId issuerId = submission.command().issuerId();
        List<long[]> head = jdbc.query("SELECT sequencenumber, globalindex FROM domainevententry "
                        + "WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}, issuerId.value());
        long version = head.isEmpty() ? -1 : head.get(0)[0];
        long position = head.isEmpty() ? -1 : head.get(0)[1];
        CommandResult result = new CommandResult(issuerId.value(), submission.createdId(), version, position,
                securityIds);
        int status = submission.location() != null ? 201 : 200;
        String etag = "\"" + version + "\"";
        if (key != null) {
            jdbc.update("UPDATE idempotency_record SET status = ?, location = ?, etag = ?, position = ?, "
                            + "response_body = ? WHERE account_id = ? AND idempotency_key = ?",
                    status, submission.location(), etag, position, json.writeValueAsString(result), account, key);
        }
        return build(status, submission.location(), etag, position, result);
    }

    private ResponseEntity<CommandResult> replay(String account, String key, String hash) {
        Stored stored = jdbc.queryForObject("SELECT request_hash, status, location, etag, position, response_body "
                        + "FROM idempotency_record WHERE account_id = ? AND idempotency_key = ?",
                (rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6)), account, key);
        if (!stored.requestHash().equals(hash)) {
            throw new CapledgerException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request");
        }
        if (stored.status() == null) {
            throw new CapledgerException(ErrorCode.CONCURRENT_MODIFICATION,
                    "A request with this Idempotency-Key is still in progress; retry it");
        }
        CommandResult result = json.readValue(stored.body(), CommandResult.class);
        return build(stored.status(), stored.location(), stored.etag(), stored.position(), result);
    }

    private static ResponseEntity<CommandResult> build(int status, String location, String etag, Long position,
                                                       CommandResult result) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(etag)
                .header(POSITION_HEADER, String.valueOf(position));
        Optional.ofNullable(location).map(URI::create).ifPresent(response::location);
        return response.body(result);
    }

    private String fingerprint(Submission submission) {
        String canonical = submission.method() + " " + submission.path() + "\n"
                + json.writeValueAsString(submission.body());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new CapledgerException(ErrorCode.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        return key;
    }

    private static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (!value.matches("\"\\d{1,18}\"")) {
            throw new CapledgerException(ErrorCode.INVALID_IF_MATCH,
                    "If-Match must be the ETag of a previous response, such as \"3\"");
        }
        return Long.valueOf(value.substring(1, value.length() - 1));
    }

    private static String validCorrelationId(String header) {
        return header != null && header.matches("[A-Za-z0-9._:-]{1,64}") ? header : UUID.randomUUID().toString();
    }
}
