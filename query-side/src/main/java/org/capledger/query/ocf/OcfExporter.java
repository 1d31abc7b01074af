package org.capledger.query.ocf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.query.members.ReadAccess;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an issuer's history as of a date as an OCF 1.2 package (a zip of a manifest with MD5 checksums and the
 * files it lists), from the event stream: every event effective on or before the date (a retraction from its
 * voided issuance's date), in recording order.
 *
 * <p>Objects keep Capledger's ids, which an OCF import keeps too. Transactions get ids derived from what they act on
 * ({@code issuance-<securityId>}, {@code transfer-<securityId>}, ...), so exporting the same history twice, or its
 * re-import, gives the same ids. A security created by a transaction is written, as OCF wants, as an issuance of its
 * own; the exceptions, and what OCF has no member for, are in docs/ocf.md, "Export".
 *
 * <p>Everything Capledger records is written except a split that adjusted grants or warrants, which OCF 1.2 cannot
 * express: such a history is refused with 422 OCF_EXPORT_UNSUPPORTED rather than written incompletely.
 */
@Service
public class OcfExporter {

    /** The OCF version the files are written in. */
    public static final String OCF_VERSION = "1.2.0";

    private final EventStore eventStore;
    private final JsonMapper json;

    public OcfExporter(EventStore eventStore, JsonMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    /** Writes {@code files} (from {@link #files}) to {@code out} as a zip, in their order. */
    public static void zip(Map<String, byte[]> files, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
    }

    /**
     * @return file name → content, the manifest first
     * @throws CapledgerException ISSUER_NOT_FOUND, DATE_BEFORE_FORMATION, OCF_EXPORT_UNSUPPORTED
     */
    public Map<String, byte[]> files(IssuerId issuerId, LocalDate asOf, Instant generatedAt) {
        List<CapTableEvent> events = new ArrayList<>();
        boolean any = false;
        DomainEventStream stream = eventStore.readEvents(issuerId.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            any = true;
            if (message.getPayload() instanceof CapTableEvent event) {
                events.add(event);
            }
        }
        if (!any) {
            throw ReadAccess.notFound();
        }
        OcfFold fold = new OcfFold(json, currency(events));
        for (CapTableEvent event : events) {
            if (!event.appliesFrom().isAfter(asOf)) {
                fold.add(event);
            }
        }
        if (fold.issuer == null) {
            throw new CapledgerException(ErrorCode.DATE_BEFORE_FORMATION, "The issuer was not yet formed on " + asOf);
        }
        if (!fold.unsupported.isEmpty()) {
            throw new CapledgerException(ErrorCode.OCF_EXPORT_UNSUPPORTED, "This issuer's history has transactions "
                    + "OCF 1.2 cannot express: " + String.join(", ", fold.unsupported),
                    Map.of("eventTypes", List.copyOf(fold.unsupported)));
        }
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put(STAKEHOLDERS, bytes(file("OCF_STAKEHOLDERS_FILE", fold.stakeholders.values())));
        content.put(STOCK_CLASSES, bytes(file("OCF_STOCK_CLASSES_FILE", fold.classes.values())));
        if (!fold.plans.isEmpty()) {
            content.put(STOCK_PLANS, bytes(file("OCF_STOCK_PLANS_FILE", fold.plans.values())));
        }
        if (!fold.vestingTerms.isEmpty()) {
            content.put(VESTING_TERMS, bytes(file("OCF_VESTING_TERMS_FILE", fold.vestingTerms.values())));
        }
        List<ObjectNode> transactions = inEffectiveDateOrder(fold.transactions);
        content.put(TRANSACTIONS, bytes(file("OCF_TRANSACTIONS_FILE", transactions)));

        ObjectNode manifest = json.createObjectNode();
        manifest.put("ocf_version", OCF_VERSION);
        manifest.put("file_type", "OCF_MANIFEST_FILE");
        manifest.put("as_of", asOf.toString());
        manifest.put("generated_at", generatedAt.atOffset(ZoneOffset.UTC).toString());
        manifest.set("issuer", fold.issuer);
        manifest.set("stakeholders_files", fileList(STAKEHOLDERS, content));
        manifest.set("stock_classes_files", fileList(STOCK_CLASSES, content));
        manifest.set("transactions_files", fileList(TRANSACTIONS, content));
        manifest.set("stock_plans_files", fileList(STOCK_PLANS, content));
        manifest.set("vesting_terms_files", fileList(VESTING_TERMS, content));
        for (String empty : List.of("stock_legend_templates_files", "valuations_files", "financings_files",
                "documents_files")) {
            manifest.putArray(empty);
        }
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("Manifest.ocf.json", bytes(manifest));
        all.putAll(content);
        return all;
    }

    private static final String STAKEHOLDERS = "Stakeholders.ocf.json";
    private static final String STOCK_CLASSES = "StockClasses.ocf.json";
    private static final String STOCK_PLANS = "StockPlans.ocf.json";
    private static final String VESTING_TERMS = "VestingTerms.ocf.json";
    private static final String TRANSACTIONS = "Transactions.ocf.json";

    /**
     * The issuer's currency, for the amounts OCF requires where Capledger has none: the currency of the first amount
     * of money its history records (par value, price, investment), else USD.
     */
    static String currency(List<CapTableEvent> events) {
        for (CapTableEvent event : events) {
            Money first = null;
            if (event instanceof StockClassCreated e) {
                first = e.parValue();
            } else if (event instanceof StockIssued e) {
                first = e.pricePerShare();
            } else if (event instanceof EquityCompensationIssued e) {
                first = e.exercisePrice() != null ? e.exercisePrice() : e.basePrice();
            } else if (event instanceof WarrantIssued e) {
                first = e.purchasePrice();
            } else if (event instanceof ConvertibleIssued e) {
                first = e.investmentAmount();
            }
            if (first != null) {
                return first.currency();
            }
        }
        return "USD";
    }

    /**
     * The transactions in effective-date order (recording order within a date), the order an import records them
     * in; a vesting start or event dated before its security's issuance goes with the issuance, since a security's
     * vesting cannot be recorded before the security.
     */
    static List<ObjectNode> inEffectiveDateOrder(List<ObjectNode> transactions) {
        Map<String, String> issued = new HashMap<>();
        for (ObjectNode tx : transactions) {
            if (tx.get("object_type").asString().endsWith("_ISSUANCE") && tx.has("security_id")) {
                issued.putIfAbsent(tx.get("security_id").asString(), tx.get("date").asString());
            }
        }
        List<ObjectNode> sorted = new ArrayList<>(transactions);
        sorted.sort(Comparator.comparing(tx -> {
            String date = tx.get("date").asString();
            if (tx.get("object_type").asString().startsWith("TX_VESTING_") && tx.has("security_id")) {
                String issuance = issued.get(tx.get("security_id").asString());
                return issuance != null && issuance.compareTo(date) > 0 ? issuance : date;
            }
            return date;
        }));
        return sorted;
    }

    private ObjectNode file(String type, Iterable<ObjectNode> items) {
        ObjectNode file = json.createObjectNode();
        file.put("file_type", type);
        ArrayNode array = file.putArray("items");
        items.forEach(array::add);
        return file;
    }

    /** The manifest's list for file {@code name}: empty when the package has no such file. */
    private ArrayNode fileList(String name, Map<String, byte[]> content) {
        ArrayNode list = json.createArrayNode();
        if (!content.containsKey(name)) {
            return list;
        }
        ObjectNode entry = list.addObject();
        entry.put("filepath", "./" + name);
        entry.put("md5", md5(content.get(name)));
        return list;
    }

    private byte[] bytes(ObjectNode node) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
