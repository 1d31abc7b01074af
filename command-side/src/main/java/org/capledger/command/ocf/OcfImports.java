package org.capledger.command.ocf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.platform.ocf.OcfReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports run in the background, one at a time, each in its own database transaction; their status, progress and
 * report live in {@code ocf_import}, where the importing account polls them. Uploads wait in a temporary file that
 * is deleted when the import ends. An import a restart interrupted recorded nothing (its transaction never
 * committed) and is marked FAILED at the next start.
 */
@Component
public class OcfImports {

    /** An import as the importing account sees it; see docs/ocf.md, "Import over REST". */
    public record Status(String importId, String status, String fileName, boolean dryRun, String options,
                         int itemsDone, Integer itemsTotal, String issuerId, Integer recorded, Long events,
                         Long position,
                         Integer errors, Integer warnings, List<OcfReport.Item> report, Instant createdAt,
                         Instant startedAt, Instant finishedAt, Long durationMillis) {
    }

    private static final Logger log = LoggerFactory.getLogger(OcfImports.class);

    private final OcfImporter importer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    private final JsonMapper json;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final boolean commandLine;

    public OcfImports(OcfImporter importer, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                      JsonMapper json, Clock clock, @Value("${capledger.ocf.import.queue:10}") int queue,
                      @Value("${capledger.ocf.command-line:false}") boolean commandLine) {
        this.commandLine = commandLine;
        this.importer = importer;
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "ocf-import");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Imports a restart interrupted recorded nothing; say so. Not when this process is the command line
     * ({@code capledger.ocf.command-line}), which may share the database with a server whose imports are running.
     */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        if (commandLine) {
            return;
        }
        int interrupted = jdbc.update("UPDATE ocf_import SET status = 'FAILED', finished_at = ?, report = ? "
                        + "WHERE status IN ('QUEUED', 'RUNNING')", Timestamp.from(clock.instant()),
                json.writeValueAsString(List.of(OcfReport.Item.error(OcfReport.Rule.UNREADABLE_PACKAGE, null, null,
                        null, "The import was interrupted by a restart; nothing was recorded. Upload it again."))));
        if (interrupted > 0) {
            log.warn("{} OCF imports were interrupted by a restart and marked FAILED", interrupted);
        }
    }

    /**
     * Queues an import of the package in {@code upload} (a zip), taking ownership of the file.
     *
     * @return the new import's id
     * @throws CapledgerException OCF_IMPORT_QUEUE_FULL when too many imports wait
     */
    public String submit(Path upload, String fileName, OcfImportOptions options, OcfImporter.Actor actor) {
        String importId = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO ocf_import (import_id, account_id, file_name, dry_run, options, status, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, 'QUEUED', ?)", importId, actor.accountId(), fileName,
                    options.dryRun(), describe(options), Timestamp.from(clock.instant()));
        } catch (RuntimeException e) {
            delete(upload);
            throw e;
        }
        try {
            executor.execute(() -> run(importId, upload, options, actor));
        } catch (RejectedExecutionException e) {
            jdbc.update("DELETE FROM ocf_import WHERE import_id = ?", importId);
            delete(upload);
            throw new CapledgerException(ErrorCode.OCF_IMPORT_QUEUE_FULL,
                    "Too many OCF imports are waiting; retry in a minute");
        }
        return importId;
    }

    /** Copies a request body to a temporary file for {@link #submit}. */
    public static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("capledger-ocf-", ".zip");
            try (InputStream in = body) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                delete(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String importId, Path upload, OcfImportOptions options, OcfImporter.Actor actor) {
        try {
            separately.executeWithoutResult(s -> jdbc.update("UPDATE ocf_import SET status = 'RUNNING', "
                    + "started_at = ? WHERE import_id = ?", Timestamp.from(clock.instant()), importId));
            OcfImportResult result = importer.importPackage(upload, options, actor, importId,
                    (done, total) -> separately.executeWithoutResult(s -> jdbc.update(
                            "UPDATE ocf_import SET items_done = ?, items_total = ? WHERE import_id = ?", done,
                            total, importId)));
            OcfReport report = result.report();
            separately.executeWithoutResult(s -> jdbc.update("UPDATE ocf_import SET status = ?, issuer_id = ?, "
                            + "recorded = ?, events = ?, position = ?, error_count = ?, warning_count = ?, "
                            + "report = ?, finished_at = ?, duration_ms = ? WHERE import_id = ?",
                    result.outcome().name(), result.outcome() == OcfImportResult.Outcome.FAILED ? null
                            : result.issuerId(), result.recorded(), result.events(),
                    result.position() < 0 ? null : result.position(), report.errors().size(),
                    report.warnings().size(), json.writeValueAsString(report.items()),
                    Timestamp.from(clock.instant()), result.durationMillis(), importId));
        } catch (RuntimeException e) {
            log.error("OCF import {} failed unexpectedly ({})", importId, e.getClass().getName());
            log.debug("OCF import {} failure", importId, e);
            separately.executeWithoutResult(s -> jdbc.update("UPDATE ocf_import SET status = 'FAILED', "
                            + "error_count = 1, report = ?, finished_at = ? WHERE import_id = ?",
                    json.writeValueAsString(List.of(OcfReport.Item.error(OcfReport.Rule.UNREADABLE_PACKAGE, null,
                            null, null, e instanceof CapledgerException c ? c.code() + ": " + c.getMessage()
                                    : "The import failed unexpectedly; nothing was recorded"))),
                    Timestamp.from(clock.instant()), importId));
        } finally {
            delete(upload);
        }
    }

    /** @return the import, when it is {@code accountId}'s */
    public Optional<Status> find(String importId, String accountId) {
        List<Status> found = jdbc.query("SELECT * FROM ocf_import WHERE import_id = ? AND account_id = ?",
                (rs, i) -> new Status(rs.getString("import_id"), rs.getString("status"), rs.getString("file_name"),
                        rs.getBoolean("dry_run"), rs.getString("options"), rs.getInt("items_done"),
                        (Integer) rs.getObject("items_total"), rs.getString("issuer_id"),
                        (Integer) rs.getObject("recorded"), (Long) rs.getObject("events"),
                        (Long) rs.getObject("position"),
                        (Integer) rs.getObject("error_count"), (Integer) rs.getObject("warning_count"),
                        report(rs.getString("report")), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                        (Long) rs.getObject("duration_ms")),
                importId, accountId);
        return found.stream().findFirst();
    }

    private List<OcfReport.Item> report(String text) {
        return text == null ? List.of()
                : List.of(json.readValue(text, OcfReport.Item[].class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The options as the status shows them, e.g. {@code checksumMismatch=ERROR existingIssuer=NEW_ISSUER}. */
    private static String describe(OcfImportOptions options) {
        return "checksumMismatch=" + options.checksumMismatch() + " existingIssuer=" + options.existingIssuer();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}", file);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
