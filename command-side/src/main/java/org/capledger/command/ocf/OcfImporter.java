package org.capledger.command.ocf;

import static org.capledger.command.ocf.OcfTransactions.optionalId;
import static org.capledger.command.ocf.OcfTransactions.strings;
import static org.capledger.command.ocf.OcfTransactions.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.capledger.api.CapTableCommand;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.access.GrantRole;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.command.ocf.OcfImportProblems.MappingException;
import org.capledger.command.ocf.OcfPackageIndex.Located;
import org.capledger.command.ocf.OcfPackageIndex.Place;
import org.capledger.command.ocf.OcfPackageIndex.TransactionRef;
import org.capledger.command.ocf.OcfTranslator.Step;
import org.capledger.platform.ocf.OcfManifest;
import org.capledger.platform.ocf.OcfPackage;
import org.capledger.platform.ocf.OcfReport;
import org.capledger.platform.ocf.OcfReport.Item;
import org.capledger.platform.ocf.OcfReport.Rule;
import org.capledger.platform.ocf.OcfReport.Severity;
import org.capledger.platform.ocf.OcfValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Imports an OCF package (a folder or a {@code *.ocf.zip}) as a new issuer, all or nothing.
 *
 * <ol>
 *   <li>The package is validated against the OCF JSON Schemas of its version ({@link OcfValidator}), streamed, while
 *       its objects and the dates, places and links of its transactions are indexed ({@link OcfPackageIndex}).</li>
 *   <li>If that found no error, every object and transaction becomes the command REST would send for it
 *       ({@link OcfTranslator}), with the package's ids, sent through the same CapTable aggregate and its ledger
 *       rules, in effective-date order, all in one database transaction. A refused command does not stop the
 *       import: its item is rolled back to a savepoint and the rest is still tried (what depends on a refused item
 *       is listed as not checked), so that the report lists every problem. Any error, or a dry run, rolls the
 *       transaction back: nothing is recorded.</li>
 * </ol>
 * The importing account becomes the new issuer's OWNER; events carry it as their actor, and the import's id and each
 * item's OCF id in their metadata ({@link MetaDataKeys#OCF_IMPORT}, {@link MetaDataKeys#OCF_ID}).
 */
@Service
public class OcfImporter {

    /** Who imports: the new issuer's owner and the actor of every event. */
    public record Actor(String accountId, boolean platformAdmin) {
    }

    /** Receives progress: items (objects and transactions) done of the total, now and then. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        void update(int done, int total);
    }

    private static final Logger log = LoggerFactory.getLogger(OcfImporter.class);

    private final OcfValidator validator = new OcfValidator();
    private final CommandGateway commandGateway;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public OcfImporter(CommandGateway commandGateway, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.commandGateway = commandGateway;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * @param path     a package folder or zip file
     * @param importId recorded in every event's metadata; any unique text
     * @throws CapledgerException FORBIDDEN for an actor who may not create issuers (platform administrators may)
     */
    public OcfImportResult importPackage(Path path, OcfImportOptions options, Actor actor, String importId,
                                         Progress progress) {
        long started = System.nanoTime();
        try (OcfPackage ocf = OcfPackage.open(path)) {
            Run run = new Run(ocf, options, actor, importId, progress);
            run.execute();
            OcfReport report = run.report();
            OcfImportResult.Outcome outcome = report.hasErrors() ? OcfImportResult.Outcome.FAILED
                    : options.dryRun() ? OcfImportResult.Outcome.VALID : OcfImportResult.Outcome.IMPORTED;
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("OCF import {} of {}: {} ({} recorded, {} errors, {} warnings) in {} ms", importId,
                    ocf.name(), outcome, run.recorded, report.errors().size(), report.warnings().size(), millis);
            return new OcfImportResult(outcome, run.issuerId == null ? null : run.issuerId.value(),
                    run.recorded, outcome == OcfImportResult.Outcome.IMPORTED ? run.events : 0,
                    outcome == OcfImportResult.Outcome.IMPORTED ? run.position : -1, report, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One import's state. */
    private final class Run {
        final OcfPackage ocf;
        final OcfImportOptions options;
        final Actor actor;
        final String importId;
        final Progress progress;
        final OcfPackageIndex index = new OcfPackageIndex();
        final List<Item> items = new ArrayList<>();
        /** Ids of what was refused or not checked: what names them is not checked either. */
        final Set<String> failed = new HashSet<>();
        IssuerId issuerId;
        int recorded;
        long events;
        long position = -1;
        int done;
        int total;

        Run(OcfPackage ocf, OcfImportOptions options, Actor actor, String importId, Progress progress) {
            this.ocf = ocf;
            this.options = options;
            this.actor = actor;
            this.importId = importId;
            this.progress = progress;
        }

        OcfReport report() {
            return new OcfReport(items);
        }

        boolean hasErrors() {
            return items.stream().anyMatch(i -> i.severity() == Severity.ERROR);
        }

        void execute() {
            if (!actor.platformAdmin()) {
                throw new CapledgerException(ErrorCode.FORBIDDEN,
                        "Only platform administrators create issuers, and so import packages");
            }
            OcfReport validation = validator.validate(ocf, new OcfValidator.Options(null, options.checksumMismatch()),
                    index::add);
            items.addAll(validation.items());
            OcfManifest manifest = ocf.manifest().orElse(null);
            if (manifest == null || validation.items().stream().anyMatch(i -> i.rule() == Rule.INVALID_JSON
                    || i.rule() == Rule.UNREADABLE_PACKAGE || i.rule() == Rule.FILE_NOT_FOUND)) {
                return;
            }
            index.collectCreatedIssuances(ocf);
            items.addAll(index.problems);
            chooseIssuerId(manifest);
            if (hasErrors()) {
                return;
            }
            total = 1 + index.stakeholders.size() + index.stockClasses.size() + index.stockPlans.size()
                    + index.transactions.size();
            transactions.executeWithoutResult(status -> {
                record(manifest);
                if (hasErrors() || options.dryRun()) {
                    status.setRollbackOnly();
                } else {
                    jdbc.query("SELECT count(*), max(globalindex) FROM domainevententry "
                            + "WHERE aggregateidentifier = ?", rs -> {
                        events = rs.getLong(1);
                        position = rs.getLong(2);
                    }, issuerId.value());
                }
            });
            progress.update(done, total);
        }

        private void chooseIssuerId(OcfManifest manifest) {
            String id = manifest.issuerId().orElse(null);
            boolean usable = id != null && id.matches("[A-Za-z0-9._:-]{1,128}");
            boolean exists = usable && Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM domainevententry WHERE aggregateidentifier = ?)", Boolean.class,
                    id));
            if (exists && options.existingIssuer() == OcfImportOptions.ExistingIssuer.REFUSE) {
                items.add(Item.error(Rule.ISSUER_EXISTS, ocf.manifestName().orElse(null), id, "$.issuer.id",
                        "The issuer '" + id + "' exists already; import it as a new issuer, or leave it as it is"));
                return;
            }
            issuerId = usable && !exists ? IssuerId.of(id) : IssuerId.random();
        }

        private void record(OcfManifest manifest) {
            JsonNode issuer = manifest.issuer();
            LocalDate formation = LocalDate.parse(text(issuer, "formation_date"));
            LocalDate opening = formation;
            if (index.earliestDate != null && index.earliestDate.isBefore(formation)) {
                opening = index.earliestDate;
                items.add(Item.warning(Rule.DATE_BEFORE_FORMATION, ocf.manifestName().orElse(null),
                        text(issuer, "id"), "$.issuer.formation_date", "The package records transactions from "
                                + opening + ", before the issuer's formation on " + formation
                                + "; the cap table opens on " + opening));
            }
            String taxId = null;
            for (JsonNode tax : issuer.path("tax_ids")) {
                taxId = taxId == null ? text(tax, "tax_id") : taxId;
            }
            String authorized = text(issuer, "initial_shares_authorized");
            Place issuerPlace = new Place(ocf.manifestName().orElse(null), -1, -1, text(issuer, "id"));
            if (!send(issuerPlace, List.of(new Step(new CreateIssuer(issuerId, text(issuer, "legal_name"), opening,
                    text(issuer, "country_of_formation"), text(issuer, "country_subdivision_of_formation"), taxId,
                    authorized == null || !authorized.matches("\\d+(\\.\\d+)?") ? null : Quantity.of(authorized))),
                    new Step(new GrantRole(issuerId, actor.accountId(), IssuerRole.OWNER, null))))) {
                return;
            }
            OcfTranslator translator = new OcfTranslator(issuerId, index, opening, this::warnHere);
            for (Located s : index.stakeholders.values()) {
                send(s.place(), () -> List.of(new Step(translator.stakeholder(s.json()))));
            }
            Place classesPlace = index.stockClasses.values().stream().findFirst().map(Located::place).orElse(null);
            List<CapTableCommand> classes;
            try {
                classes = translator.stockClasses();
            } catch (MappingException | CapledgerException e) {
                problem(classesPlace, e);
                return;
            }
            for (CapTableCommand c : classes) {
                String id = ((org.capledger.api.stockclass.CreateStockClass) c).stockClassId().value();
                send(index.stockClasses.get(id).place(), () -> List.of(new Step(c)));
            }
            for (Located p : index.stockPlans.values()) {
                send(p.place(), () -> List.of(new Step(translator.stockPlan(p.json()))));
            }
            try (TransactionStream stream = new TransactionStream(ocf, index)) {
                for (TransactionRef ref : index.transactions) {
                    JsonNode tx = stream.read(ref);
                    if (OcfTransactions.ISSUANCES.contains(ref.objectType())
                            && index.createdByTransactions.contains(text(tx, "security_id"))) {
                        tick(); // recorded by the transaction that creates it
                        continue;
                    }
                    if (index.partOfSplits.contains(ref.place().id())
                            || OcfTransactions.capledgerComment(tx, "carriedOverFrom") != null) {
                        tick(); // part of a split, or a copy of its source's vesting Capledger's export wrote
                        continue;
                    }
                    if (dependsOnFailed(ref.place(), tx)) {
                        continue;
                    }
                    if (!send(ref.place(), () -> translator.transaction(tx))) {
                        failed.addAll(created(tx));
                    }
                }
            }
        }

        private Place current;

        private void warnHere(Rule rule, String message) {
            items.add(Item.warning(rule, current == null ? null : current.file(),
                    current == null ? null : current.id(), current == null ? null : current.path(), message));
        }

        private boolean dependsOnFailed(Place place, JsonNode tx) {
            List<String> named = new ArrayList<>();
            for (String member : List.of("security_id", "stakeholder_id", "stock_class_id", "stock_plan_id")) {
                String id = optionalId(tx, member);
                if (id != null) {
                    named.add(id);
                }
            }
            named.addAll(strings(tx.get("security_ids")));
            String blocker = named.stream().filter(failed::contains).findFirst().orElse(null);
            if (blocker == null) {
                return false;
            }
            failed.addAll(created(tx));
            items.add(Item.warning(Rule.NOT_CHECKED, place.file(), place.id(), place.path(),
                    "Not checked: it names '" + blocker + "', which was refused or not checked"));
            tick();
            return true;
        }

        private List<String> created(JsonNode tx) {
            List<String> ids = new ArrayList<>(strings(tx.get("resulting_security_ids")));
            String balance = optionalId(tx, "balance_security_id");
            if (balance != null) {
                ids.add(balance);
            }
            if (OcfTransactions.ISSUANCES.contains(text(tx, "object_type")) && tx.has("security_id")) {
                ids.add(text(tx, "security_id"));
            }
            String resulting = optionalId(tx, "resulting_security_id");
            if (resulting != null) {
                ids.add(resulting);
            }
            return ids;
        }

        private boolean send(Place place, List<Step> steps) {
            return send(place, () -> steps);
        }

        /** Maps and sends one item's commands; a refusal is reported at the item's place. */
        private boolean send(Place place, java.util.function.Supplier<List<Step>> mapping) {
            current = place;
            Savepoint savepoint = savepoint();
            try {
                List<Step> steps = mapping.get();
                for (Step step : steps) {
                    Object created;
                    try {
                        created = dispatch(step, place);
                    } catch (CapledgerException e) {
                        if (e.code() != ErrorCode.DUPLICATE_SECURITY_LABEL) {
                            throw e;
                        }
                        // a refused command applied nothing, so it is simply sent again, without the labels
                        warnHere(Rule.LABEL_NOT_KEPT, "The custom_id " + e.getMessage().replaceFirst("^the label ",
                                "") + "; Capledger gave the new securities labels of its own");
                        created = dispatch(step.withoutLabels(), place);
                    }
                    step.then().accept(created);
                }
                if (!steps.isEmpty()) {
                    recorded++;
                }
                release(savepoint);
                return true;
            } catch (MappingException | CapledgerException e) {
                rollbackTo(savepoint);
                problem(place, e);
                return false;
            } finally {
                current = null;
                tick();
            }
        }

        private Object dispatch(Step step, Place place) {
            Map<String, Object> metaData = new HashMap<>();
            metaData.put(MetaDataKeys.ACTOR, actor.accountId());
            metaData.put(MetaDataKeys.PLATFORM_ADMIN, actor.platformAdmin());
            metaData.put(MetaDataKeys.OCF_IMPORT, importId);
            if (place.id() != null) {
                metaData.put(MetaDataKeys.OCF_ID, place.id());
            }
            if (!step.labels().isEmpty()) {
                metaData.put(MetaDataKeys.SECURITY_LABELS, step.labels());
            }
            return commandGateway.sendAndWait(new GenericCommandMessage<>(
                    new GenericMessage<>(UUID.randomUUID().toString(), step.command(), metaData),
                    step.command().getClass().getName()));
        }

        /*
         * Savepoints on the transaction's JDBC connection, which Axon's event storage writes through: the transaction
         * manager is JPA's, which refuses nested transactions, and only events are written here.
         */
        private Savepoint savepoint() {
            try {
                return DataSourceUtils.getConnection(jdbc.getDataSource()).setSavepoint();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot set a savepoint", e);
            }
        }

        private void rollbackTo(Savepoint savepoint) {
            try {
                DataSourceUtils.getConnection(jdbc.getDataSource()).rollback(savepoint);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot roll back to a savepoint", e);
            }
        }

        private void release(Savepoint savepoint) {
            try {
                DataSourceUtils.getConnection(jdbc.getDataSource()).releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot release a savepoint", e);
            }
        }

        private void problem(Place place, RuntimeException e) {
            if (place != null && place.id() != null) {
                failed.add(place.id());
            }
            Rule rule = e instanceof MappingException m ? m.rule : Rule.REFUSED;
            String message = e instanceof CapledgerException c ? c.code().name() + ": " + c.getMessage()
                    : e.getMessage();
            items.add(place == null ? Item.error(rule, null, null, null, message)
                    : Item.error(rule, place.file(), place.id(), place.index() < 0 ? null : place.path(), message));
        }

        private void tick() {
            done++;
            if (done % 100 == 0) {
                progress.update(done, total);
            }
        }
    }
}
