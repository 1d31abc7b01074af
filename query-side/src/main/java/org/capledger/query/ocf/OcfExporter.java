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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.plan.StockPlanCreated;
import org.capledger.api.plan.StockPlanPoolAdjusted;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderRelationshipChanged;
import org.capledger.api.stakeholder.StakeholderStatusChanged;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockAccepted;
import org.capledger.api.stock.StockCancelled;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockConsolidated;
import org.capledger.api.stock.StockConverted;
import org.capledger.api.stock.StockReissued;
import org.capledger.api.stock.StockRepurchased;
import org.capledger.api.stock.StockRetracted;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
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
 * re-import, gives the same ids. A security created by a transaction is written, as OCF wants, as a stock issuance of
 * its own whose {@code share_price} is its source's (the cost basis it carries).
 *
 * <p>Stock, stock classes, stock plans and their pools, stakeholders with their status and relationship changes,
 * and the issuer are exported so far; an issuer whose history has grants, warrants or convertibles is refused with
 * 422 OCF_EXPORT_UNSUPPORTED naming them, rather than written incompletely.
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
        Builder builder = new Builder();
        boolean any = false;
        DomainEventStream stream = eventStore.readEvents(issuerId.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            any = true;
            if (message.getPayload() instanceof CapTableEvent event && !event.appliesFrom().isAfter(asOf)) {
                builder.add(event);
            }
        }
        if (!any) {
            throw ReadAccess.notFound();
        }
        if (builder.issuer == null) {
            throw new CapledgerException(ErrorCode.DATE_BEFORE_FORMATION, "The issuer was not yet formed on " + asOf);
        }
        if (!builder.unsupported.isEmpty()) {
            throw new CapledgerException(ErrorCode.OCF_EXPORT_UNSUPPORTED, "This issuer's history has transactions "
                    + "the OCF export does not write yet: " + String.join(", ", builder.unsupported),
                    Map.of("eventTypes", List.copyOf(builder.unsupported)));
        }
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put("Stakeholders.ocf.json", bytes(file("OCF_STAKEHOLDERS_FILE", builder.stakeholders.values())));
        content.put("StockClasses.ocf.json", bytes(file("OCF_STOCK_CLASSES_FILE", builder.classes.values())));
        if (!builder.plans.isEmpty()) {
            content.put("StockPlans.ocf.json", bytes(file("OCF_STOCK_PLANS_FILE", builder.plans.values())));
        }
        content.put("Transactions.ocf.json", bytes(file("OCF_TRANSACTIONS_FILE", builder.transactions)));

        ObjectNode manifest = json.createObjectNode();
        manifest.put("ocf_version", OCF_VERSION);
        manifest.put("file_type", "OCF_MANIFEST_FILE");
        manifest.put("as_of", asOf.toString());
        manifest.put("generated_at", generatedAt.atOffset(ZoneOffset.UTC).toString());
        manifest.set("issuer", builder.issuer);
        manifest.set("stakeholders_files", fileList("Stakeholders.ocf.json", content));
        manifest.set("stock_classes_files", fileList("StockClasses.ocf.json", content));
        manifest.set("transactions_files", fileList("Transactions.ocf.json", content));
        if (content.containsKey("StockPlans.ocf.json")) {
            manifest.set("stock_plans_files", fileList("StockPlans.ocf.json", content));
        } else {
            manifest.putArray("stock_plans_files");
        }
        for (String empty : List.of("stock_legend_templates_files", "valuations_files", "vesting_terms_files",
                "financings_files", "documents_files")) {
            manifest.putArray(empty);
        }
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("Manifest.ocf.json", bytes(manifest));
        all.putAll(content);
        return all;
    }

    private ObjectNode file(String type, Iterable<ObjectNode> items) {
        ObjectNode file = json.createObjectNode();
        file.put("file_type", type);
        ArrayNode array = file.putArray("items");
        items.forEach(array::add);
        return file;
    }

    private ArrayNode fileList(String name, Map<String, byte[]> content) {
        ArrayNode list = json.createArrayNode();
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

    /** Folds events into OCF objects and transactions. */
    private final class Builder {

        ObjectNode issuer;
        final Map<String, ObjectNode> stakeholders = new LinkedHashMap<>();
        final Map<String, ObjectNode> classes = new LinkedHashMap<>();
        final Map<String, ObjectNode> plans = new LinkedHashMap<>();
        final List<ObjectNode> transactions = new ArrayList<>();
        final Set<String> unsupported = new LinkedHashSet<>();
        /** The price each security carries (its issuance's, or its source's for transaction results). */
        final Map<SecurityId, Money> prices = new HashMap<>();
        String currency = "USD";

        void add(CapTableEvent event) {
            if (event instanceof IssuerCreated e) {
                issuer = json.createObjectNode();
                issuer.put("object_type", "ISSUER");
                issuer.put("id", e.issuerId().value());
                issuer.put("legal_name", e.legalName());
                issuer.put("formation_date", e.formationDate().toString());
                issuer.put("country_of_formation", e.countryOfFormation());
                if (e.subdivisionOfFormation() != null) {
                    issuer.put("country_subdivision_of_formation", e.subdivisionOfFormation());
                }
                if (e.taxId() != null) {
                    ObjectNode tax = issuer.putArray("tax_ids").addObject();
                    tax.put("country", e.countryOfFormation());
                    tax.put("tax_id", e.taxId());
                }
                if (e.initialSharesAuthorized() != null) {
                    issuer.put("initial_shares_authorized", e.initialSharesAuthorized().toString());
                }
            } else if (event instanceof IssuerAuthorizedSharesAdjusted e) {
                ObjectNode tx = transaction("TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT",
                        "issuer-authorized-" + e.date() + "-" + transactions.size(), e.date());
                tx.put("issuer_id", e.issuerId().value());
                tx.put("new_shares_authorized", e.newSharesAuthorized().toString());
                approvals(tx, e.boardApprovalDate(), e.stockholderApprovalDate(), e.comments());
            } else if (event instanceof StakeholderRegistered e) {
                stakeholders.put(e.stakeholderId().value(), stakeholder(e.stakeholderId().value(), e.type().name(),
                        e.name(), e.email(), e.relationship().name()));
            } else if (event instanceof StakeholderUpdated e) {
                ObjectNode existing = stakeholders.get(e.stakeholderId().value());
                ObjectNode updated = stakeholder(e.stakeholderId().value(), existing.get("stakeholder_type").asString(),
                        e.name(), e.email(), e.relationship().name());
                if (existing.has("current_status")) {
                    updated.set("current_status", existing.get("current_status"));
                }
                stakeholders.put(e.stakeholderId().value(), updated);
            } else if (event instanceof StockClassCreated e) {
                classes.put(e.stockClassId().value(), stockClass(e));
            } else if (event instanceof StockClassAuthorizedSharesAdjusted e) {
                ObjectNode tx = transaction("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT",
                        "class-authorized-" + e.stockClassId() + "-" + e.date() + "-" + transactions.size(), e.date());
                tx.put("stock_class_id", e.stockClassId().value());
                tx.put("new_shares_authorized", e.newSharesAuthorized().toString());
                approvals(tx, e.boardApprovalDate(), e.stockholderApprovalDate(), e.comments());
            } else if (event instanceof StockIssued e) {
                prices.put(e.securityId(), e.pricePerShare());
                currency = e.pricePerShare().currency();
                ObjectNode tx = issuance(e.securityId(), e.date(), e.securityLabel(), e.stakeholderId().value(),
                        e.stockClassId().value(), e.quantity(), e.pricePerShare());
                if (e.consideration() != null) {
                    tx.put("consideration_text", e.consideration());
                }
            } else if (event instanceof StockTransferred e) {
                results(e.date(), e.securityId(), e.newSecurities());
                ObjectNode tx = transaction("TX_STOCK_TRANSFER", "transfer-" + e.securityId(), e.date());
                tx.put("security_id", e.securityId().value());
                tx.put("quantity", e.quantity().toString());
                ids(tx.putArray("resulting_security_ids"), e.resultingSecurities());
                balance(tx, e.balance());
                if (e.consideration() != null) {
                    tx.put("consideration_text", e.consideration());
                }
            } else if (event instanceof StockCancelled e) {
                results(e.date(), e.securityId(), e.newSecurities());
                ObjectNode tx = transaction("TX_STOCK_CANCELLATION", "cancellation-" + e.securityId(), e.date());
                tx.put("security_id", e.securityId().value());
                tx.put("quantity", e.quantity().toString());
                tx.put("reason_text", e.reason());
                balance(tx, e.balance());
            } else if (event instanceof StockRepurchased e) {
                results(e.date(), e.securityId(), e.newSecurities());
                ObjectNode tx = transaction("TX_STOCK_REPURCHASE", "repurchase-" + e.securityId(), e.date());
                tx.put("security_id", e.securityId().value());
                tx.put("quantity", e.quantity().toString());
                tx.set("price", money(e.price()));
                balance(tx, e.balance());
                if (e.consideration() != null) {
                    tx.put("consideration_text", e.consideration());
                }
            } else if (event instanceof StockReissued e) {
                results(e.date(), e.securityId(), e.newSecurities());
                ObjectNode tx = transaction("TX_STOCK_REISSUANCE", "reissuance-" + e.securityId(), e.date());
                tx.put("security_id", e.securityId().value());
                ids(tx.putArray("resulting_security_ids"), e.resultingSecurities());
                if (e.reason() != null) {
                    tx.put("reason_text", e.reason());
                }
            } else if (event instanceof StockRetracted e) {
                ObjectNode tx = transaction("TX_STOCK_RETRACTION", "retraction-" + e.securityId(), e.date());
                tx.put("security_id", e.securityId().value());
                tx.put("reason_text", e.reason());
            } else if (event instanceof StockConverted e) {
                results(e.date(), e.securityId(), e.newSecurities());
                ObjectNode tx = transaction("TX_STOCK_CONVERSION", "conversion-" + e.securityId(), e.date());
                tx.put("security_id", e.securityId().value());
                tx.put("quantity_converted", e.quantity().toString());
                ids(tx.putArray("resulting_security_ids"), e.resultingSecurities());
                balance(tx, e.balance());
            } else if (event instanceof StockConsolidated e) {
                results(e.date(), e.securityIds().get(0), e.newSecurities());
                ObjectNode tx = transaction("TX_STOCK_CONSOLIDATION", "consolidation-"
                        + e.resultingSecurity().securityId(), e.date());
                ArrayNode sources = tx.putArray("security_ids");
                e.securityIds().forEach(id -> sources.add(id.value()));
                tx.put("resulting_security_id", e.resultingSecurity().securityId().value());
                if (e.reason() != null) {
                    tx.put("reason_text", e.reason());
                }
            } else if (event instanceof StockAccepted e) {
                ObjectNode tx = transaction("TX_STOCK_ACCEPTANCE", "acceptance-" + e.securityId(), e.date());
                tx.put("security_id", e.securityId().value());
            } else if (event instanceof StockClassSplit e) {
                String splitId = "split-" + e.stockClassId() + "-" + e.date();
                ObjectNode tx = transaction("TX_STOCK_CLASS_SPLIT", splitId, e.date());
                tx.put("stock_class_id", e.stockClassId().value());
                tx.set("split_ratio", ratio(e.ratio()));
                for (StockClassSplit.Replacement r : e.splits()) {
                    ResultingSecurity n = r.resultingSecurity();
                    Money price = perShareAfter(prices.get(r.sourceSecurityId()), e.ratio());
                    prices.put(n.securityId(), price);
                    issuance(n.securityId(), e.date(), n.securityLabel(), n.stakeholderId().value(),
                            n.stockClassId().value(), n.quantity(), price);
                    ObjectNode reissuance = transaction("TX_STOCK_REISSUANCE",
                            "reissuance-" + r.sourceSecurityId(), e.date());
                    reissuance.put("security_id", r.sourceSecurityId().value());
                    reissuance.putArray("resulting_security_ids").add(r.resultingSecurity().securityId().value());
                    reissuance.put("split_transaction_id", splitId);
                }
                if (!e.grantAdjustments().isEmpty() || !e.warrantAdjustments().isEmpty()
                        || !e.poolAdjustments().isEmpty()) {
                    unsupported.add("StockClassSplit adjusting grants or warrants");
                }
            } else if (event instanceof StockPlanCreated e) {
                ObjectNode plan = json.createObjectNode();
                plan.put("object_type", "STOCK_PLAN");
                plan.put("id", e.stockPlanId().value());
                plan.put("plan_name", e.planName());
                if (e.boardApprovalDate() != null) {
                    plan.put("board_approval_date", e.boardApprovalDate().toString());
                }
                if (e.stockholderApprovalDate() != null) {
                    plan.put("stockholder_approval_date", e.stockholderApprovalDate().toString());
                }
                plan.put("initial_shares_reserved", e.initialSharesReserved().toString());
                plan.put("default_cancellation_behavior", e.defaultCancellationBehavior().name());
                ArrayNode ids = plan.putArray("stock_class_ids");
                e.stockClassIds().forEach(id -> ids.add(id.value()));
                plans.put(e.stockPlanId().value(), plan);
            } else if (event instanceof StockPlanPoolAdjusted e) {
                ObjectNode tx = transaction("TX_STOCK_PLAN_POOL_ADJUSTMENT",
                        "pool-" + e.stockPlanId() + "-" + e.date() + "-" + transactions.size(), e.date());
                tx.put("stock_plan_id", e.stockPlanId().value());
                tx.put("shares_reserved", e.sharesReserved().toString());
                approvals(tx, e.boardApprovalDate(), e.stockholderApprovalDate(), e.comments());
            } else if (event instanceof StakeholderStatusChanged e) {
                ObjectNode tx = transaction("CE_STAKEHOLDER_STATUS",
                        "status-" + e.stakeholderId() + "-" + e.date() + "-" + transactions.size(), e.date());
                tx.put("stakeholder_id", e.stakeholderId().value());
                tx.put("new_status", e.newStatus().name());
                stakeholders.get(e.stakeholderId().value()).put("current_status", e.newStatus().name());
                if (e.comments() != null) {
                    tx.putArray("comments").add(e.comments());
                }
            } else if (event instanceof StakeholderRelationshipChanged e) {
                ObjectNode tx = transaction("CE_STAKEHOLDER_RELATIONSHIP",
                        "relationship-" + e.stakeholderId() + "-" + e.date() + "-" + transactions.size(), e.date());
                tx.put("stakeholder_id", e.stakeholderId().value());
                if (e.relationshipStarted() != null) {
                    tx.put("relationship_started", e.relationshipStarted().name());
                }
                if (e.relationshipEnded() != null) {
                    tx.put("relationship_ended", e.relationshipEnded().name());
                }
                ObjectNode holder = stakeholders.get(e.stakeholderId().value());
                holder.put("current_relationship", e.relationship().name());
            } else if (!(event.getClass().getPackageName().endsWith(".access"))) {
                unsupported.add(event.getClass().getSimpleName());
            }
        }

        private ObjectNode stakeholder(String id, String type, org.capledger.api.value.StakeholderName name,
                                       String email, String relationship) {
            ObjectNode s = json.createObjectNode();
            s.put("object_type", "STAKEHOLDER");
            s.put("id", id);
            ObjectNode n = s.putObject("name");
            n.put("legal_name", name.legalName());
            if (name.firstName() != null) {
                n.put("first_name", name.firstName());
            }
            if (name.lastName() != null) {
                n.put("last_name", name.lastName());
            }
            s.put("stakeholder_type", type);
            s.put("current_relationship", relationship);
            if (email != null) {
                ObjectNode address = s.putObject("contact_info").putArray("emails").addObject();
                address.put("email_type", "BUSINESS");
                address.put("email_address", email);
            }
            return s;
        }

        private ObjectNode stockClass(StockClassCreated e) {
            ObjectNode c = json.createObjectNode();
            c.put("object_type", "STOCK_CLASS");
            c.put("id", e.stockClassId().value());
            c.put("name", e.name());
            c.put("class_type", e.classType().name());
            c.put("default_id_prefix", e.certificatePrefix());
            c.put("initial_shares_authorized", e.initialSharesAuthorized().toString());
            c.put("board_approval_date", e.date().toString());
            c.put("votes_per_share", e.votesPerShare().toString());
            c.put("seniority", String.valueOf(e.seniority()));
            if (e.parValue() != null) {
                c.set("par_value", money(e.parValue()));
            }
            if (e.conversionRights() != null && !e.conversionRights().isEmpty()) {
                ArrayNode rights = c.putArray("conversion_rights");
                for (ConversionRight right : e.conversionRights()) {
                    ObjectNode r = rights.addObject();
                    r.put("type", "STOCK_CLASS_CONVERSION_RIGHT");
                    ObjectNode mechanism = r.putObject("conversion_mechanism");
                    mechanism.put("type", "RATIO_CONVERSION");
                    mechanism.set("ratio", ratio(right.ratio()));
                    mechanism.put("rounding_type", right.roundingType().name());
                    mechanism.set("conversion_price", money(new Money(java.math.BigDecimal.ZERO, currency)));
                    r.put("converts_to_future_round", false);
                    r.put("converts_to_stock_class_id", right.convertsToStockClassId().value());
                }
            }
            return c;
        }

        private ObjectNode transaction(String type, String id, LocalDate date) {
            ObjectNode tx = json.createObjectNode();
            tx.put("object_type", type);
            tx.put("id", id);
            tx.put("date", date.toString());
            transactions.add(tx);
            return tx;
        }

        private ObjectNode issuance(SecurityId securityId, LocalDate date, String label, String holder,
                                    String stockClassId, Quantity quantity, Money price) {
            ObjectNode tx = transaction("TX_STOCK_ISSUANCE", "issuance-" + securityId, date);
            tx.put("security_id", securityId.value());
            tx.put("custom_id", label);
            tx.put("stakeholder_id", holder);
            tx.put("stock_class_id", stockClassId);
            tx.set("share_price", money(price));
            tx.put("quantity", quantity.toString());
            tx.putArray("security_law_exemptions");
            tx.putArray("stock_legend_ids");
            return tx;
        }

        /** The issuances of securities a transaction created, each carrying its source's price. */
        private void results(LocalDate date, SecurityId source, List<ResultingSecurity> created) {
            Money price = prices.getOrDefault(source, new Money(java.math.BigDecimal.ZERO, currency));
            for (ResultingSecurity r : created) {
                prices.put(r.securityId(), price);
                issuance(r.securityId(), date, r.securityLabel(), r.stakeholderId().value(), r.stockClassId().value(),
                        r.quantity(), price);
            }
        }

        private void balance(ObjectNode tx, ResultingSecurity balance) {
            if (balance != null) {
                tx.put("balance_security_id", balance.securityId().value());
            }
        }

        private void ids(ArrayNode array, List<ResultingSecurity> securities) {
            securities.forEach(r -> array.add(r.securityId().value()));
        }

        private void approvals(ObjectNode tx, LocalDate board, LocalDate stockholders, String comments) {
            if (board != null) {
                tx.put("board_approval_date", board.toString());
            }
            if (stockholders != null) {
                tx.put("stockholder_approval_date", stockholders.toString());
            }
            if (comments != null) {
                tx.putArray("comments").add(comments);
            }
        }

        private ObjectNode money(Money money) {
            ObjectNode node = json.createObjectNode();
            node.put("amount", money.amount().toPlainString());
            node.put("currency", money.currency());
            return node;
        }

        private ObjectNode ratio(Ratio ratio) {
            ObjectNode node = json.createObjectNode();
            node.put("numerator", ratio.numerator().toPlainString());
            node.put("denominator", ratio.denominator().toPlainString());
            return node;
        }

        private Money perShareAfter(Money price, Ratio ratio) {
            if (price == null) {
                return new Money(java.math.BigDecimal.ZERO, currency);
            }
            return new Money(price.amount().multiply(ratio.denominator()).divide(ratio.numerator(), 10,
                    java.math.RoundingMode.HALF_UP), price.currency());
        }
    }
}
