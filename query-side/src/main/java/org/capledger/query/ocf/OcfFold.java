package org.capledger.query.ocf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capledger.api.CapTableEvent;
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
import org.capledger.api.certificate.CertificateOfficersSet;
import org.capledger.api.certificate.StockClassLegendsSet;
import org.capledger.api.stock.StockReissued;
import org.capledger.api.stock.StockRepurchased;
import org.capledger.api.stock.StockRetracted;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stockclass.ConversionRatioAdjusted;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.Address;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StockClassId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Folds one issuer's events, in recording order, into OCF 1.2 objects and transactions: the issuer, stakeholders,
 * stock classes, plans and the stock history here; equity compensation and vesting in {@link OcfGrants}; warrants and
 * convertibles in {@link OcfInstruments}. One instance per export.
 */
final class OcfFold {

    /** Prefix of the comments that carry what OCF has no member for (see docs/ocf.md, "Export"). */
    static final String CAPLEDGER = "capledger:";

    final JsonMapper json;
    /** The issuer's currency: of its first amount of money; for amounts OCF requires and Capledger lacks. */
    final String currency;

    ObjectNode issuer;
    final Map<String, ObjectNode> stakeholders = new LinkedHashMap<>();
    final Map<String, ObjectNode> classes = new LinkedHashMap<>();
    final Map<String, ObjectNode> plans = new LinkedHashMap<>();
    final Map<String, ObjectNode> vestingTerms = new LinkedHashMap<>();
    final List<ObjectNode> transactions = new ArrayList<>();
    /** Each class's authorized shares in force, by class id, as the events folded so far leave them. */
    private final Map<String, Quantity> authorized = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    final Set<String> unsupported = new LinkedHashSet<>();
    /** The price each stock security carries (its issuance's, or its source's for transaction results). */
    final Map<SecurityId, Money> prices = new HashMap<>();
    /** Each class's conversion rights, for the rounding of a ratio adjustment. */
    private final Map<StockClassId, List<ConversionRight>> rights = new HashMap<>();

    private final OcfGrants grants = new OcfGrants(this);
    private final OcfInstruments instruments = new OcfInstruments(this);

    OcfFold(JsonMapper json, String currency) {
        this.json = json;
        this.currency = currency;
    }

    void add(CapTableEvent event) {
        if (!stock(event) && !issuerAndClasses(event) && !stakeholdersAndPlans(event) && !grants.add(event)
                && !instruments.add(event) && !notInOcf(event)) {
            unsupported.add(event.getClass().getSimpleName());
        }
    }

    /**
     * Roles and what certificates print (officers, class legends) are not cap-table data OCF 1.2 carries; they stay
     * out of the package. (OCF's StockLegendTemplate is per issuance; mapping class legends onto it is future work.)
     */
    private static boolean notInOcf(CapTableEvent event) {
        return event instanceof CertificateOfficersSet || event instanceof StockClassLegendsSet
                || event.getClass().getPackageName().endsWith(".access");
    }

    // ---------------------------------------------------------------- issuer, classes

    private boolean issuerAndClasses(CapTableEvent event) {
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
                    numbered("issuer-authorized-" + e.date()), e.date());
            tx.put("issuer_id", e.issuerId().value());
            tx.put("new_shares_authorized", e.newSharesAuthorized().toString());
            approvals(tx, e.boardApprovalDate(), e.stockholderApprovalDate(), e.comments());
        } else if (event instanceof StockClassCreated e) {
            classes.put(e.stockClassId().value(), stockClass(e));
            authorized.put(e.stockClassId().value(), e.initialSharesAuthorized());
            rights.put(e.stockClassId(), e.conversionRights() == null ? List.of() : e.conversionRights());
        } else if (event instanceof StockClassAuthorizedSharesAdjusted e) {
            ObjectNode tx = transaction("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT",
                    numbered("class-authorized-" + e.stockClassId() + "-" + e.date()), e.date());
            authorized.put(e.stockClassId().value(), e.newSharesAuthorized());
            tx.put("stock_class_id", e.stockClassId().value());
            tx.put("new_shares_authorized", e.newSharesAuthorized().toString());
            approvals(tx, e.boardApprovalDate(), e.stockholderApprovalDate(), e.comments());
        } else if (event instanceof ConversionRatioAdjusted e) {
            ObjectNode tx = transaction("TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT",
                    numbered("conversion-ratio-" + e.stockClassId() + "-" + e.date()), e.date());
            tx.put("stock_class_id", e.stockClassId().value());
            Ratio.RoundingType rounding = rights.getOrDefault(e.stockClassId(), List.of()).stream()
                    .filter(r -> r.convertsToStockClassId().equals(e.convertsToStockClassId()))
                    .map(ConversionRight::roundingType).findFirst().orElse(Ratio.RoundingType.NORMAL);
            tx.set("new_ratio_conversion_mechanism", ratioMechanism(e.newRatio(), rounding));
            ArrayNode comments = tx.putArray("comments");
            if (e.comments() != null) {
                comments.add(e.comments());
            }
            comments.add(CAPLEDGER + "convertsToStockClassId=" + e.convertsToStockClassId());
        } else {
            return false;
        }
        return true;
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
                r.set("conversion_mechanism", ratioMechanism(right.ratio(), right.roundingType()));
                r.put("converts_to_future_round", false);
                r.put("converts_to_stock_class_id", right.convertsToStockClassId().value());
            }
        }
        return c;
    }

    /**
     * OCF's RatioConversionMechanism. It requires a {@code conversion_price}, which Capledger does not keep (a right
     * is its ratio alone): written as 0 in the issuer's currency, which stands for "none recorded".
     */
    private ObjectNode ratioMechanism(Ratio ratio, Ratio.RoundingType rounding) {
        ObjectNode mechanism = json.createObjectNode();
        mechanism.put("type", "RATIO_CONVERSION");
        mechanism.set("conversion_price", money(zero()));
        mechanism.set("ratio", ratio(ratio));
        mechanism.put("rounding_type", rounding.name());
        return mechanism;
    }

    // ---------------------------------------------------------------- stakeholders, plans

    private boolean stakeholdersAndPlans(CapTableEvent event) {
        if (event instanceof StakeholderRegistered e) {
            stakeholders.put(e.stakeholderId().value(), stakeholder(e.stakeholderId().value(), e.type().name(),
                    e.name(), e.email(), e.relationship().name(), e.address(), e.accreditedInvestor()));
        } else if (event instanceof StakeholderUpdated e) {
            ObjectNode existing = stakeholders.get(e.stakeholderId().value());
            ObjectNode updated = stakeholder(e.stakeholderId().value(), existing.get("stakeholder_type").asString(),
                    e.name(), e.email(), e.relationship().name(), e.address(), e.accreditedInvestor());
            if (existing.has("current_status")) {
                updated.set("current_status", existing.get("current_status"));
            }
            stakeholders.put(e.stakeholderId().value(), updated);
        } else if (event instanceof StakeholderStatusChanged e) {
            ObjectNode tx = transaction("CE_STAKEHOLDER_STATUS",
                    numbered("status-" + e.stakeholderId() + "-" + e.date()), e.date());
            tx.put("stakeholder_id", e.stakeholderId().value());
            tx.put("new_status", e.newStatus().name());
            stakeholders.get(e.stakeholderId().value()).put("current_status", e.newStatus().name());
            if (e.comments() != null) {
                tx.putArray("comments").add(e.comments());
            }
        } else if (event instanceof StakeholderRelationshipChanged e) {
            ObjectNode tx = transaction("CE_STAKEHOLDER_RELATIONSHIP",
                    numbered("relationship-" + e.stakeholderId() + "-" + e.date()), e.date());
            tx.put("stakeholder_id", e.stakeholderId().value());
            if (e.relationshipStarted() != null) {
                tx.put("relationship_started", e.relationshipStarted().name());
            }
            if (e.relationshipEnded() != null) {
                tx.put("relationship_ended", e.relationshipEnded().name());
            }
            stakeholders.get(e.stakeholderId().value()).put("current_relationship", e.relationship().name());
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
                    numbered("pool-" + e.stockPlanId() + "-" + e.date()), e.date());
            tx.put("stock_plan_id", e.stockPlanId().value());
            tx.put("shares_reserved", e.sharesReserved().toString());
            approvals(tx, e.boardApprovalDate(), e.stockholderApprovalDate(), e.comments());
        } else {
            return false;
        }
        return true;
    }

    /**
     * The stakeholder object: its address as OCF's one-element {@code addresses}, and its accreditation, which OCF
     * has no member for, as the comment {@code capledger:accreditedInvestor=true|false} (none when unknown).
     */
    private ObjectNode stakeholder(String id, String type, StakeholderName name, String email, String relationship,
                                   Address address, Boolean accreditedInvestor) {
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
            ObjectNode mail = s.putObject("contact_info").putArray("emails").addObject();
            mail.put("email_type", "BUSINESS");
            mail.put("email_address", email);
        }
        if (address != null) {
            ObjectNode a = s.putArray("addresses").addObject();
            a.put("address_type", address.addressType().name());
            putIfPresent(a, "street_suite", address.streetSuite());
            putIfPresent(a, "city", address.city());
            putIfPresent(a, "country_subdivision", address.countrySubdivision());
            a.put("country", address.country());
            putIfPresent(a, "postal_code", address.postalCode());
        }
        if (accreditedInvestor != null) {
            s.putArray("comments").add(CAPLEDGER + "accreditedInvestor=" + accreditedInvestor);
        }
        return s;
    }

    private static void putIfPresent(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    // ---------------------------------------------------------------- stock

    private boolean stock(CapTableEvent event) {
        if (event instanceof StockIssued e) {
            prices.put(e.securityId(), e.pricePerShare());
            ObjectNode tx = stockIssuance(e.securityId(), e.date(), e.securityLabel(), e.stakeholderId().value(),
                    e.stockClassId().value(), e.quantity(), e.pricePerShare());
            consideration(tx, e.consideration());
        } else if (event instanceof StockTransferred e) {
            results(e.date(), e.securityId(), e.newSecurities());
            ObjectNode tx = transaction("TX_STOCK_TRANSFER", "transfer-" + e.securityId(), e.date());
            tx.put("security_id", e.securityId().value());
            tx.put("quantity", e.quantity().toString());
            ids(tx.putArray("resulting_security_ids"), e.resultingSecurities());
            balance(tx, e.balance());
            consideration(tx, e.consideration());
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
            consideration(tx, e.consideration());
        } else if (event instanceof StockReissued e) {
            results(e.date(), e.securityId(), e.newSecurities());
            ObjectNode tx = transaction("TX_STOCK_REISSUANCE", "reissuance-" + e.securityId(), e.date());
            tx.put("security_id", e.securityId().value());
            ids(tx.putArray("resulting_security_ids"), e.resultingSecurities());
            if (e.lostCertificateAffidavitDate() != null) {
                tx.put("reason_text", e.reason() != null ? e.reason() : "Replacement of a lost certificate "
                        + "(affidavit of loss dated " + e.lostCertificateAffidavitDate() + ")");
                tx.putArray("comments").add(CAPLEDGER + "lostCertificateAffidavitDate="
                        + e.lostCertificateAffidavitDate());
            } else if (e.reason() != null) {
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
            split(e);
        } else {
            return false;
        }
        return true;
    }

    /**
     * The split, then per replaced security its replacement's issuance and a reissuance naming the split. A change of
     * the class's authorized shares with it becomes an authorized-shares adjustment on the split's date, and pools
     * adjusted with it pool adjustments, each with the comment {@code capledger:splitTransactionId=<split id>}. OCF
     * 1.2 has no transaction that changes the quantity of an option or warrant, so a split that adjusted grants or
     * warrants is refused (422).
     */
    private void split(StockClassSplit e) {
        String splitId = "split-" + e.stockClassId() + "-" + e.date();
        ObjectNode tx = transaction("TX_STOCK_CLASS_SPLIT", splitId, e.date());
        tx.put("stock_class_id", e.stockClassId().value());
        tx.set("split_ratio", ratio(e.ratio()));
        if (e.comments() != null) {
            tx.putArray("comments").add(e.comments());
        }
        for (StockClassSplit.Replacement r : e.splits()) {
            ResultingSecurity n = r.resultingSecurity();
            Money price = perShareAfter(prices.get(r.sourceSecurityId()), e.ratio());
            prices.put(n.securityId(), price);
            stockIssuance(n.securityId(), e.date(), n.securityLabel(), n.stakeholderId().value(),
                    n.stockClassId().value(), n.quantity(), price);
            ObjectNode reissuance = transaction("TX_STOCK_REISSUANCE", "reissuance-" + r.sourceSecurityId(), e.date());
            reissuance.put("security_id", r.sourceSecurityId().value());
            reissuance.putArray("resulting_security_ids").add(r.resultingSecurity().securityId().value());
            reissuance.put("split_transaction_id", splitId);
        }
        Quantity before = authorized.get(e.stockClassId().value());
        if (e.newSharesAuthorized() != null && (before == null
                || before.value().compareTo(e.newSharesAuthorized().value()) != 0)) {
            ObjectNode adjustment = transaction("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT",
                    splitId + "-authorized", e.date());
            adjustment.put("stock_class_id", e.stockClassId().value());
            adjustment.put("new_shares_authorized", e.newSharesAuthorized().toString());
            adjustment.putArray("comments").add(CAPLEDGER + "splitTransactionId=" + splitId);
            authorized.put(e.stockClassId().value(), e.newSharesAuthorized());
        }
        for (StockClassSplit.PoolAdjustment p : e.poolAdjustments()) {
            ObjectNode pool = transaction("TX_STOCK_PLAN_POOL_ADJUSTMENT", splitId + "-pool-" + p.stockPlanId(),
                    e.date());
            pool.put("stock_plan_id", p.stockPlanId().value());
            pool.put("shares_reserved", p.newSharesReserved().toString());
            pool.putArray("comments").add(CAPLEDGER + "splitTransactionId=" + splitId);
        }
        if (!e.grantAdjustments().isEmpty() || !e.warrantAdjustments().isEmpty()) {
            unsupported.add("StockClassSplit adjusting grants or warrants");
        }
    }

    /** The issuances of securities a transaction created, each carrying its source's price. */
    private void results(LocalDate date, SecurityId source, List<ResultingSecurity> created) {
        Money price = prices.getOrDefault(source, zero());
        for (ResultingSecurity r : created) {
            prices.put(r.securityId(), price);
            stockIssuance(r.securityId(), date, r.securityLabel(), r.stakeholderId().value(), r.stockClassId().value(),
                    r.quantity(), price);
        }
    }

    private Money perShareAfter(Money price, Ratio ratio) {
        if (price == null) {
            return zero();
        }
        return new Money(price.amount().multiply(ratio.denominator()).divide(ratio.numerator(), 10,
                RoundingMode.HALF_UP), price.currency());
    }

    // ---------------------------------------------------------------- helpers for every kind

    /**
     * An id for the {@code n}th transaction of its kind, key and date ({@code pool-<plan>-<date>-0}): numbered within
     * its own kind, not by its place in the history, so that an import of the export, recorded in effective-date
     * order, exports the same ids.
     */
    String numbered(String base) {
        return base + "-" + numbers.merge(base, 1, Integer::sum);
    }

    ObjectNode transaction(String type, String id, LocalDate date) {
        ObjectNode tx = json.createObjectNode();
        tx.put("object_type", type);
        tx.put("id", id);
        tx.put("date", date.toString());
        transactions.add(tx);
        return tx;
    }

    /** A {@code TX_STOCK_ISSUANCE}; {@code price} is remembered for transactions on it. */
    ObjectNode stockIssuance(SecurityId securityId, LocalDate date, String label, String holder, String stockClassId,
                             Quantity quantity, Money price) {
        prices.put(securityId, price);
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

    /** Writes the issuance of every stock security in {@code created} at {@code price} per share. */
    void stockResults(LocalDate date, List<ResultingSecurity> created, Money price, String stockPlanId) {
        for (ResultingSecurity r : created) {
            ObjectNode tx = stockIssuance(r.securityId(), date, r.securityLabel(), r.stakeholderId().value(),
                    r.stockClassId().value(), r.quantity(), price);
            if (stockPlanId != null) {
                tx.put("stock_plan_id", stockPlanId);
            }
        }
    }

    void balance(ObjectNode tx, ResultingSecurity balance) {
        if (balance != null) {
            tx.put("balance_security_id", balance.securityId().value());
        }
    }

    void ids(ArrayNode array, List<ResultingSecurity> securities) {
        securities.forEach(r -> array.add(r.securityId().value()));
    }

    void consideration(ObjectNode tx, String consideration) {
        if (consideration != null) {
            tx.put("consideration_text", consideration);
        }
    }

    void approvals(ObjectNode tx, LocalDate board, LocalDate stockholders, String comments) {
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

    ObjectNode money(Money money) {
        ObjectNode node = json.createObjectNode();
        node.put("amount", money.amount().toPlainString());
        node.put("currency", money.currency());
        return node;
    }

    ObjectNode ratio(Ratio ratio) {
        ObjectNode node = json.createObjectNode();
        node.put("numerator", ratio.numerator().toPlainString());
        node.put("denominator", ratio.denominator().toPlainString());
        return node;
    }

    /** Zero in the issuer's currency: what OCF's required amounts say when Capledger has none. */
    Money zero() {
        return new Money(BigDecimal.ZERO, currency);
    }
}
