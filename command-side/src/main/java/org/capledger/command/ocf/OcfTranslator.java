package org.capledger.command.ocf;

import static org.capledger.command.ocf.OcfTransactions.comments;
import static org.capledger.command.ocf.OcfTransactions.optionalId;
import static org.capledger.command.ocf.OcfTransactions.strings;
import static org.capledger.command.ocf.OcfTransactions.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.capledger.api.CapTableCommand;
import org.capledger.api.convertible.AcceptConvertible;
import org.capledger.api.convertible.CancelConvertible;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConvertConvertible;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.convertible.RetractConvertible;
import org.capledger.api.convertible.TransferConvertible;
import org.capledger.api.equity.AccelerateVesting;
import org.capledger.api.equity.AcceptEquityCompensation;
import org.capledger.api.equity.CancelEquityCompensation;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.RecordVestingEvent;
import org.capledger.api.equity.ReleaseEquityCompensation;
import org.capledger.api.equity.RepriceEquityCompensation;
import org.capledger.api.equity.RetractEquityCompensation;
import org.capledger.api.equity.StartVesting;
import org.capledger.api.equity.TerminationExerciseWindow;
import org.capledger.api.equity.TransferEquityCompensation;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.plan.AdjustStockPlanPool;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.plan.ReturnToPool;
import org.capledger.api.stakeholder.ChangeStakeholderRelationship;
import org.capledger.api.stakeholder.ChangeStakeholderStatus;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stock.AcceptStock;
import org.capledger.api.stock.CancelStock;
import org.capledger.api.stock.ConsolidateStock;
import org.capledger.api.stock.ConvertStock;
import org.capledger.api.certificate.ReplaceLostCertificate;
import org.capledger.api.stock.ReissueStock;
import org.capledger.api.stock.RepurchaseStock;
import org.capledger.api.stock.RetractStock;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.Transferee;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stockclass.AdjustConversionRatio;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderStatus;
import org.capledger.api.value.StakeholderType;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.warrant.AcceptWarrant;
import org.capledger.api.warrant.CancelWarrant;
import org.capledger.api.warrant.ExerciseWarrant;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.api.warrant.RetractWarrant;
import org.capledger.api.warrant.TransferWarrant;
import org.capledger.command.ocf.OcfInstrumentTerms.Convertible;
import org.capledger.command.ocf.OcfInstrumentTerms.Warrant;
import org.capledger.command.ocf.OcfImportProblems.MappingException;
import org.capledger.command.ocf.OcfPackageIndex.Located;
import org.capledger.platform.ocf.OcfReport.Rule;
import org.capledger.platform.ocf.OcfVesting;
import tools.jackson.databind.JsonNode;

/**
 * Turns a package's objects and transactions into the commands Capledger's REST API would send for them, with the
 * package's ids kept. Stateful for one import: it follows what earlier transactions did to ids (an option's or
 * warrant's exercise leaves its unexercised rest under a new id that later transactions naming it act on), and what
 * the package said about each warrant and convertible (to check what later transactions say of them). Every mapping is in
 * docs/ocf.md, "Import"; what it cannot map is a {@link MappingException}, never a guess.
 */
final class OcfTranslator {

    /**
     * One command; the labels (OCF {@code custom_id}s) its new securities should carry, by security id; and what to
     * do with the security ids it answers with ({@code List<String>}, or null).
     */
    record Step(CapTableCommand command, Map<String, String> labels, Consumer<Object> then) {
        Step(CapTableCommand command) {
            this(command, Map.of(), created -> {
            });
        }

        Step(CapTableCommand command, Map<String, String> labels) {
            this(command, labels, created -> {
            });
        }

        Step withoutLabels() {
            return new Step(command, Map.of(), then);
        }
    }

    private final IssuerId issuerId;
    private final OcfPackageIndex index;
    private final LocalDate openingDate;
    /** The package's security id to the Capledger security now holding it (itself, but after a partial exercise). */
    private final Map<String, String> securities = new HashMap<>();
    private final Map<String, VestingTerms> vestingTerms = new HashMap<>();
    /** What the package says about each warrant and convertible, by the Capledger security now holding it. */
    private final Map<String, Warrant> warrants = new HashMap<>();
    private final Map<String, Convertible> convertibles = new HashMap<>();
    /** When each class was created, by id. */
    private final Map<String, LocalDate> classDates = new HashMap<>();
    /** Each class's authorized shares in force, as the transactions recorded so far leave them. */
    private final Map<String, Quantity> authorized = new HashMap<>();

    private final BiConsumer<Rule, String> warnings;

    /** @param warnings receives the tolerated quirks found while mapping the current item */
    OcfTranslator(IssuerId issuerId, OcfPackageIndex index, LocalDate openingDate,
                  BiConsumer<Rule, String> warnings) {
        this.issuerId = issuerId;
        this.index = index;
        this.openingDate = openingDate;
        this.warnings = warnings;
    }

    // ---------------------------------------------------------------- objects

    /**
     * OCF stakeholders carry no date: they are registered on the cap table's first day. Of the {@code addresses},
     * the first LEGAL one is the stakeholder's address, else the first CONTACT one, else the first OTHER one (as
     * Capledger's export writes the one it keeps); the accreditation is the comment
     * {@code capledger:accreditedInvestor=true|false} Capledger's export writes, OCF having no member for it.
     */
    CapTableCommand stakeholder(JsonNode s) {
        JsonNode name = s.path("name");
        String email = null;
        for (JsonNode address : s.path("contact_info").path("emails")) {
            email = email == null ? text(address, "email_address") : email;
        }
        String relationship = text(s, "current_relationship");
        return new RegisterStakeholder(issuerId, StakeholderId.of(text(s, "id")), openingDate,
                StakeholderType.valueOf(text(s, "stakeholder_type")),
                new StakeholderName(text(name, "legal_name"), text(name, "first_name"), text(name, "last_name")),
                email, relationship == null ? StakeholderRelationship.OTHER
                        : enumValue(StakeholderRelationship.class, relationship, "current_relationship"),
                address(s.path("addresses")), accredited(s));
    }

    static Address address(JsonNode addresses) {
        for (AddressType wanted : List.of(AddressType.LEGAL, AddressType.CONTACT, AddressType.OTHER)) {
            for (JsonNode a : addresses) {
                if (wanted.name().equals(text(a, "address_type"))) {
                    return new Address(wanted, text(a, "street_suite"), text(a, "city"),
                            text(a, "country_subdivision"), text(a, "country"), text(a, "postal_code"));
                }
            }
        }
        return null;
    }

    static Boolean accredited(JsonNode stakeholder) {
        String value = OcfTransactions.capledgerComment(stakeholder, "accreditedInvestor");
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw OcfImportProblems.unsupported("capledger:accreditedInvestor \"" + value + "\"");
        };
    }

    /**
     * Stock classes in an order where each comes after the classes it converts into. A class's conversion rights are
     * its own ({@code RATIO_CONVERSION} mechanisms) and, where it has none, those its conversions in the package
     * show: into the resulting securities' class, at resulting shares per converted share.
     */
    List<CapTableCommand> stockClasses() {
        Map<String, Map<String, ConversionRight>> rights = new LinkedHashMap<>();
        index.stockClasses.forEach((id, c) -> rights.put(id, ownRights(c)));
        Map<String, Map<String, Ratio>> shown = index.conversionRatios;
        shown.forEach((from, targets) -> targets.forEach((to, ratio) -> {
            Map<String, ConversionRight> own = rights.get(from);
            if (own != null && !own.containsKey(to)) {
                own.put(to, new ConversionRight(StockClassId.of(to), ratio, Ratio.RoundingType.NORMAL));
            }
        }));
        List<CapTableCommand> commands = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> pending = new ArrayList<>(index.stockClasses.keySet());
        while (!pending.isEmpty()) {
            String next = pending.stream().filter(c -> done.containsAll(rights.get(c).keySet().stream()
                    .filter(index.stockClasses::containsKey).toList())).findFirst().orElse(null);
            if (next == null) {
                throw new MappingException(Rule.UNSUPPORTED, "Stock classes " + pending
                        + " convert into each other in a cycle");
            }
            pending.remove(next);
            done.add(next);
            LocalDate created = classDate(index.stockClasses.get(next).json());
            for (String to : rights.get(next).keySet()) {
                LocalDate target = classDates.get(to);
                created = target != null && target.isAfter(created) ? target : created;
            }
            LocalDate firstUse = index.firstUseOfClass.get(next);
            if (firstUse != null && created.isAfter(firstUse)) {
                created = openingDate;
            }
            classDates.put(next, created);
            commands.add(stockClass(index.stockClasses.get(next), List.copyOf(rights.get(next).values()), created));
        }
        return commands;
    }

    private Map<String, ConversionRight> ownRights(Located located) {
        Map<String, ConversionRight> rights = new LinkedHashMap<>();
        for (JsonNode right : located.json().path("conversion_rights")) {
            JsonNode mechanism = right.path("conversion_mechanism");
            String to = text(right, "converts_to_stock_class_id");
            if (to == null || right.path("converts_to_future_round").asBoolean(false)) {
                continue; // a right into a future round converts into no class there is yet: nothing to record
            }
            if (!"RATIO_CONVERSION".equals(text(mechanism, "type"))) {
                throw new MappingException(Rule.UNSUPPORTED, "The conversion right into " + to + " by "
                        + text(mechanism, "type") + " is not imported yet: only RATIO_CONVERSION is");
            }
            rights.put(to, new ConversionRight(StockClassId.of(to), ratio(mechanism.get("ratio")),
                    mechanism.has("rounding_type")
                            ? Ratio.RoundingType.valueOf(text(mechanism, "rounding_type"))
                            : Ratio.RoundingType.NORMAL));
        }
        return rights;
    }

    /**
     * A class exists from its {@code board_approval_date} when it has one on or after the cap table's first day and
     * no transaction names the class earlier; else from the first day.
     */
    private LocalDate classDate(JsonNode c) {
        LocalDate approved = date(c, "board_approval_date");
        LocalDate firstUse = index.firstUseOfClass.get(text(c, "id"));
        if (approved == null || approved.isBefore(openingDate) || (firstUse != null && approved.isAfter(firstUse))) {
            return openingDate;
        }
        return approved;
    }

    private CapTableCommand stockClass(Located located, List<ConversionRight> rights, LocalDate created) {
        JsonNode c = located.json();
        String prefix = text(c, "default_id_prefix");
        Money parValue = c.has("par_value") ? money(c.get("par_value")) : null;
        authorized.put(text(c, "id"), numeric(c, "initial_shares_authorized"));
        return new CreateStockClass(issuerId, StockClassId.of(text(c, "id")), created, text(c, "name"),
                enumValue(StockClassType.class, text(c, "class_type"), "class_type"),
                prefix.endsWith("-") ? prefix : prefix + "-", parValue,
                Quantity.of(text(c, "votes_per_share")), Integer.parseInt(text(c, "seniority")),
                numeric(c, "initial_shares_authorized"), false, rights);
    }

    /** Plans exist from the cap table's first day, or from when the last of their classes does. */
    CapTableCommand stockPlan(JsonNode p) {
        List<StockClassId> classes = new ArrayList<>();
        planClasses(p).forEach(id -> classes.add(stockClassId(id)));
        LocalDate created = openingDate;
        for (StockClassId c : classes) {
            LocalDate classCreated = classDates.getOrDefault(c.value(), openingDate);
            created = classCreated.isAfter(created) ? classCreated : created;
        }
        return new CreateStockPlan(issuerId, StockPlanId.of(text(p, "id")), created, text(p, "plan_name"),
                date(p, "board_approval_date"), date(p, "stockholder_approval_date"),
                numeric(p, "initial_shares_reserved"),
                p.has("default_cancellation_behavior")
                        ? CancellationBehavior.valueOf(text(p, "default_cancellation_behavior")) : null,
                classes);
    }

    /** A plan's classes: {@code stock_class_ids}, or OCF 1.0's single {@code stock_class_id}. */
    private static List<String> planClasses(JsonNode plan) {
        List<String> classes = strings(plan.get("stock_class_ids"));
        return classes.isEmpty() && plan.has("stock_class_id") ? List.of(text(plan, "stock_class_id")) : classes;
    }

    // ---------------------------------------------------------------- transactions

    /**
     * @return the steps recording {@code tx}; empty for a transaction Capledger records as part of another (an
     *         issuance of a security another transaction creates)
     */
    List<Step> transaction(JsonNode tx) {
        String type = text(tx, "object_type");
        LocalDate date = LocalDate.parse(text(tx, "date"));
        return switch (type) {
            case "TX_STOCK_ISSUANCE" -> stockIssuance(tx, date);
            case "TX_STOCK_ACCEPTANCE" -> List.of(new Step(new AcceptStock(issuerId, source(tx), date)));
            case "TX_STOCK_TRANSFER" -> List.of(stockTransfer(tx, date));
            case "TX_STOCK_CANCELLATION" -> List.of(terminal(tx, new CancelStock(issuerId, source(tx), date,
                    quantity(tx, "quantity"), text(tx, "reason_text"), balance(tx))));
            case "TX_STOCK_REPURCHASE" -> List.of(terminal(tx, new RepurchaseStock(issuerId, source(tx), date,
                    quantity(tx, "quantity"), tx.has("price") ? money(tx.get("price")) : null,
                    text(tx, "consideration_text"), balance(tx))));
            case "TX_STOCK_RETRACTION" -> List.of(new Step(new RetractStock(issuerId, source(tx), date,
                    text(tx, "reason_text"))));
            case "TX_STOCK_REISSUANCE" -> stockReissuance(tx, date);
            case "TX_STOCK_CONVERSION" -> List.of(stockConversion(tx, date));
            case "TX_STOCK_CONSOLIDATION" -> List.of(consolidation(tx, date));
            case "TX_STOCK_CLASS_SPLIT" -> List.of(split(tx, date));
            case "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT" -> List.of(new Step(new AdjustIssuerAuthorizedShares(
                    issuerId, date, numeric(tx, "new_shares_authorized"), date(tx, "board_approval_date"),
                    date(tx, "stockholder_approval_date"), comments(tx))));
            case "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT" -> {
                StockClassId classId = stockClassId(text(tx, "stock_class_id"));
                Quantity shares = numeric(tx, "new_shares_authorized");
                yield List.of(new Step(new AdjustStockClassAuthorizedShares(issuerId, classId, date, shares,
                        date(tx, "board_approval_date"), date(tx, "stockholder_approval_date"), comments(tx)),
                        Map.of(), created -> authorized.put(classId.value(), shares)));
            }
            case "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT" -> List.of(conversionRatio(tx, date));
            case "TX_STOCK_PLAN_POOL_ADJUSTMENT" -> List.of(new Step(new AdjustStockPlanPool(issuerId,
                    stockPlanId(text(tx, "stock_plan_id")), date, numeric(tx, "shares_reserved"),
                    date(tx, "board_approval_date"), date(tx, "stockholder_approval_date"), comments(tx))));
            case "CE_STAKEHOLDER_STATUS" -> List.of(new Step(new ChangeStakeholderStatus(issuerId,
                    stakeholderId(text(tx, "stakeholder_id")), date,
                    enumValue(StakeholderStatus.class, text(tx, "new_status"), "new_status"), comments(tx))));
            case "CE_STAKEHOLDER_RELATIONSHIP" -> List.of(new Step(new ChangeStakeholderRelationship(issuerId,
                    stakeholderId(text(tx, "stakeholder_id")), date,
                    relationship(text(tx, "relationship_started")), relationship(text(tx, "relationship_ended")))));
            case "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_PLAN_SECURITY_ISSUANCE" -> grant(tx, date);
            case "TX_VESTING_START" -> List.of(new Step(new StartVesting(issuerId, source(tx), date,
                    text(tx, "vesting_condition_id"))));
            case "TX_VESTING_EVENT" -> List.of(new Step(new RecordVestingEvent(issuerId, source(tx), date,
                    text(tx, "vesting_condition_id"))));
            case "TX_VESTING_ACCELERATION" -> List.of(new Step(new AccelerateVesting(issuerId, source(tx), date,
                    quantity(tx, "quantity"), text(tx, "reason_text"))));
            case "TX_EQUITY_COMPENSATION_EXERCISE", "TX_PLAN_SECURITY_EXERCISE" -> optional(exercise(tx, date));
            case "TX_EQUITY_COMPENSATION_CANCELLATION", "TX_PLAN_SECURITY_CANCELLATION" -> List.of(terminal(tx,
                    new CancelEquityCompensation(issuerId, source(tx), date, quantity(tx, "quantity"),
                            text(tx, "reason_text"), balance(tx))));
            case "TX_EQUITY_COMPENSATION_TRANSFER", "TX_PLAN_SECURITY_TRANSFER" -> List.of(grantTransfer(tx, date));
            case "TX_EQUITY_COMPENSATION_RELEASE", "TX_PLAN_SECURITY_RELEASE" -> List.of(release(tx, date));
            case "TX_EQUITY_COMPENSATION_RETRACTION", "TX_PLAN_SECURITY_RETRACTION" -> List.of(new Step(
                    new RetractEquityCompensation(issuerId, source(tx), date, text(tx, "reason_text"))));
            case "TX_EQUITY_COMPENSATION_ACCEPTANCE", "TX_PLAN_SECURITY_ACCEPTANCE" -> List.of(new Step(
                    new AcceptEquityCompensation(issuerId, source(tx), date)));
            case "TX_EQUITY_COMPENSATION_REPRICING" -> List.of(new Step(new RepriceEquityCompensation(issuerId,
                    source(tx), date, money(tx.get("new_exercise_price")))));
            case "TX_STOCK_PLAN_RETURN_TO_POOL" -> List.of(new Step(new ReturnToPool(issuerId, source(tx), date,
                    quantity(tx, "quantity"), text(tx, "reason_text"))));
            case "TX_WARRANT_ISSUANCE" -> warrantIssuance(tx, date);
            case "TX_WARRANT_EXERCISE" -> optional(warrantExercise(tx, date));
            case "TX_WARRANT_CANCELLATION" -> List.of(warrantCancellation(tx, date));
            case "TX_WARRANT_TRANSFER" -> List.of(warrantTransfer(tx, date));
            case "TX_WARRANT_RETRACTION" -> List.of(new Step(new RetractWarrant(issuerId, source(tx), date,
                    text(tx, "reason_text"))));
            case "TX_WARRANT_ACCEPTANCE" -> List.of(new Step(new AcceptWarrant(issuerId, source(tx), date)));
            case "TX_CONVERTIBLE_ISSUANCE" -> convertibleIssuance(tx, date);
            case "TX_CONVERTIBLE_CONVERSION" -> List.of(convertibleConversion(tx, date));
            case "TX_CONVERTIBLE_CANCELLATION" -> List.of(convertibleCancellation(tx, date));
            case "TX_CONVERTIBLE_TRANSFER" -> List.of(convertibleTransfer(tx, date));
            case "TX_CONVERTIBLE_RETRACTION" -> List.of(new Step(new RetractConvertible(issuerId, source(tx), date,
                    text(tx, "reason_text"))));
            case "TX_CONVERTIBLE_ACCEPTANCE" -> List.of(new Step(new AcceptConvertible(issuerId, source(tx), date)));
            default -> throw OcfImportProblems.unsupported("A " + type + " transaction");
        };
    }

    /**
     * A new conversion ratio for one of the class's rights: the one Capledger's export names in the comment
     * {@code capledger:convertsToStockClassId}, or else the class's only right.
     */
    private Step conversionRatio(JsonNode tx, LocalDate date) {
        String classId = text(tx, "stock_class_id");
        String to = OcfTransactions.capledgerComment(tx, "convertsToStockClassId");
        if (to == null) {
            List<String> targets = new ArrayList<>(ownRights(index.stockClasses.get(stockClassId(classId).value()))
                    .keySet());
            targets.addAll(index.conversionRatios.getOrDefault(classId, Map.of()).keySet().stream()
                    .filter(t -> !targets.contains(t)).toList());
            if (targets.size() != 1) {
                throw OcfImportProblems.unsupported("A conversion ratio adjustment of a class with "
                        + targets.size() + " conversion rights");
            }
            to = targets.get(0);
        }
        JsonNode mechanism = tx.path("new_ratio_conversion_mechanism");
        if (!"RATIO_CONVERSION".equals(text(mechanism, "type"))) {
            throw OcfImportProblems.unsupported("A conversion ratio adjustment by " + text(mechanism, "type"));
        }
        return new Step(new AdjustConversionRatio(issuerId, stockClassId(classId), date, stockClassId(to),
                ratio(mechanism.get("ratio")), comments(tx)));
    }

    private static List<Step> optional(Step step) {
        return step == null ? List.of() : List.of(step);
    }

    private List<Step> stockIssuance(JsonNode tx, LocalDate date) {
        String securityId = text(tx, "security_id");
        if (index.createdByTransactions.contains(securityId)) {
            return List.of();
        }
        if (tx.has("vestings") || tx.has("vesting_terms_id")) {
            throw OcfImportProblems.unsupported("Stock issued with vesting (restricted stock)");
        }
        securities.put(securityId, securityId);
        return List.of(new Step(new IssueStock(issuerId, SecurityId.of(securityId), date,
                stakeholderId(text(tx, "stakeholder_id")), stockClassId(text(tx, "stock_class_id")),
                quantity(tx, "quantity"), money(tx.get("share_price")), text(tx, "consideration_text")),
                label(tx)));
    }

    private Step stockTransfer(JsonNode tx, LocalDate date) {
        List<Transferee> transferees = new ArrayList<>();
        BigDecimal transferred = BigDecimal.ZERO;
        for (JsonNode r : results(tx, "TX_STOCK_ISSUANCE")) {
            Quantity quantity = quantity(r, "quantity");
            transferees.add(new Transferee(stakeholderId(text(r, "stakeholder_id")), quantity,
                    SecurityId.of(text(r, "security_id"))));
            transferred = transferred.add(quantity.value());
        }
        if (quantity(tx, "quantity").value().compareTo(transferred) != 0) {
            throw new MappingException(Rule.INCONSISTENT, "The transfer's quantity is " + text(tx, "quantity")
                    + ", but its resulting securities hold " + transferred.toPlainString());
        }
        return terminal(tx, new TransferStock(issuerId, source(tx), date, transferees,
                text(tx, "consideration_text"), balance(tx)));
    }

    /** A reissuance for a split is part of the split, recorded with it: see {@link #split}. */
    private List<Step> stockReissuance(JsonNode tx, LocalDate date) {
        if (tx.has("split_transaction_id")) {
            if (!index.splitResults.containsKey(text(tx, "split_transaction_id"))) {
                throw new MappingException(Rule.UNKNOWN_REFERENCE, "No stock class split '"
                        + text(tx, "split_transaction_id") + "' in the package");
            }
            return List.of();
        }
        String affidavit = OcfTransactions.capledgerComment(tx, "lostCertificateAffidavitDate");
        if (affidavit != null) {
            List<JsonNode> replacement = results(tx, "TX_STOCK_ISSUANCE");
            if (replacement.size() != 1) {
                throw new MappingException(Rule.INCONSISTENT, "A lost certificate's replacement is one security, not "
                        + replacement.size());
            }
            return List.of(terminal(tx, new ReplaceLostCertificate(issuerId, source(tx), date,
                    affidavitDate(affidavit),
                    SecurityId.of(text(replacement.get(0), "security_id")), text(tx, "reason_text"))));
        }
        List<ReissueStock.NewSecurity> parts = new ArrayList<>();
        for (JsonNode r : results(tx, "TX_STOCK_ISSUANCE")) {
            parts.add(new ReissueStock.NewSecurity(SecurityId.of(text(r, "security_id")), quantity(r, "quantity")));
        }
        return List.of(terminal(tx, new ReissueStock(issuerId, source(tx), date, parts, text(tx, "reason_text"))));
    }

    private Step stockConversion(JsonNode tx, LocalDate date) {
        List<JsonNode> results = results(tx, "TX_STOCK_ISSUANCE");
        if (results.isEmpty()) {
            throw new MappingException(Rule.UNKNOWN_REFERENCE, "A conversion with no resulting stock");
        }
        String to = text(results.get(0), "stock_class_id");
        List<ConvertStock.NewSecurity> parts = new ArrayList<>();
        for (JsonNode r : results) {
            if (!to.equals(text(r, "stock_class_id"))) {
                throw OcfImportProblems.unsupported("A conversion into several stock classes");
            }
            parts.add(new ConvertStock.NewSecurity(SecurityId.of(text(r, "security_id")), quantity(r, "quantity")));
        }
        return terminal(tx, new ConvertStock(issuerId, source(tx), date, quantity(tx, "quantity_converted"),
                stockClassId(to), null, balance(tx), parts));
    }

    private Step consolidation(JsonNode tx, LocalDate date) {
        List<SecurityId> sources = new ArrayList<>();
        strings(tx.get("security_ids")).forEach(id -> sources.add(security(id)));
        String resulting = text(tx, "resulting_security_id");
        if (resulting == null) {
            throw new MappingException(Rule.UNKNOWN_REFERENCE, "A consolidation with no resulting_security_id");
        }
        securities.put(resulting, resulting);
        JsonNode issuance = index.createdIssuances.get(resulting);
        return new Step(new ConsolidateStock(issuerId, sources, date, SecurityId.of(resulting),
                text(tx, "reason_text")), issuance == null ? Map.of() : label(issuance));
    }

    private List<Step> grant(JsonNode tx, LocalDate date) {
        String securityId = text(tx, "security_id");
        if (index.createdByTransactions.contains(securityId)) {
            return List.of();
        }
        if (tx.has("vestings") && !tx.get("vestings").isEmpty()) {
            throw OcfImportProblems.unsupported("A grant with explicit vestings (dates and amounts)");
        }
        CompensationType compensation = compensationType(tx);
        String planId = text(tx, "stock_plan_id");
        StockPlanId plan = null;
        if (planId != null && index.stockPlans.containsKey(planId)) {
            plan = StockPlanId.of(planId);
        } else if (planId != null) {
            warnings.accept(Rule.PLAN_NOT_IN_PACKAGE, "The grant names the stock plan '" + planId
                    + "', which the package does not contain; it is recorded outside any plan");
        }
        VestingTerms terms = null;
        String termsId = text(tx, "vesting_terms_id");
        if (termsId != null) {
            terms = vestingTerms(termsId);
        }
        List<TerminationExerciseWindow> windows = new ArrayList<>();
        for (JsonNode w : tx.path("termination_exercise_windows")) {
            windows.add(new TerminationExerciseWindow(
                    enumValue(TerminationExerciseWindow.Reason.class, text(w, "reason"), "reason"),
                    w.path("period").asInt(), enumValue(TerminationExerciseWindow.PeriodType.class,
                    text(w, "period_type"), "period_type")));
        }
        String stockClass = text(tx, "stock_class_id");
        if (stockClass == null && plan != null) {
            List<String> planClasses = planClasses(index.stockPlans.get(planId).json());
            stockClass = planClasses.size() == 1 ? planClasses.get(0) : null;
        }
        securities.put(securityId, securityId);
        return List.of(new Step(new IssueEquityCompensation(issuerId, SecurityId.of(securityId), date,
                stakeholderId(text(tx, "stakeholder_id")), plan,
                stockClass == null ? null : stockClassId(stockClass), compensation,
                quantity(tx, "quantity"), tx.has("exercise_price") ? money(tx.get("exercise_price")) : null,
                tx.has("base_price") ? money(tx.get("base_price")) : null,
                tx.path("early_exercisable").asBoolean(false), terms, null, date(tx, "expiration_date"), windows,
                date(tx, "board_approval_date"), text(tx, "consideration_text")), label(tx)));
    }

    /** OCF 1.2 {@code compensation_type}, refined by {@code option_grant_type} (OCF 1.0/1.1) for a plain OPTION. */
    private static CompensationType compensationType(JsonNode tx) {
        String type = text(tx, "compensation_type");
        if ("OPTION".equals(type) && tx.has("option_grant_type")) {
            return switch (text(tx, "option_grant_type")) {
                case "ISO" -> CompensationType.OPTION_ISO;
                case "NSO" -> CompensationType.OPTION_NSO;
                default -> CompensationType.OPTION;
            };
        }
        return enumValue(CompensationType.class, type, "compensation_type");
    }

    private VestingTerms vestingTerms(String termsId) {
        VestingTerms terms = vestingTerms.get(termsId);
        if (terms == null) {
            Located located = index.vestingTerms.get(termsId);
            if (located == null) {
                throw OcfImportProblems.unknown("vesting terms", termsId);
            }
            try {
                terms = OcfVesting.terms(located.json(), quirk -> warnings.accept(
                        Rule.VESTING_RELATIVE_TO_UNKNOWN_CONDITION, quirk + " (" + located.place().file() + ")"));
            } catch (IllegalArgumentException e) {
                throw OcfImportProblems.unsupported("Vesting terms " + termsId + " with " + e.getMessage());
            }
            vestingTerms.put(termsId, terms);
        }
        return terms;
    }

    /**
     * OCF's exercise has no {@code balance_security_id}: the unexercised rest stays on the grant's id. Capledger
     * gives the rest a security of its own, under an id derived from the exercise's, and later transactions naming
     * the grant act on it. An exercise whose resulting stock the package never issues is set aside (null), with a
     * warning.
     */
    private Step exercise(JsonNode tx, LocalDate date) {
        List<String> resulting = strings(tx.get("resulting_security_ids"));
        if (resulting.size() != 1) {
            throw OcfImportProblems.unsupported("An exercise into " + resulting.size() + " securities");
        }
        List<String> unissued = resulting.stream().filter(id -> !index.issuedSecurities.containsKey(id)).toList();
        if (!unissued.isEmpty()) {
            warnings.accept(Rule.EXERCISE_RESULT_NOT_ISSUED, "The exercise's resulting stock "
                    + String.join(", ", unissued) + " is not issued in the package: as the package stands no stock "
                    + "came of it, so the exercise is set aside (not recorded)");
            return null;
        }
        String grantId = text(tx, "security_id");
        SecurityId rest = rest(tx, "exercise-balance");
        securities.put(resulting.get(0), resulting.get(0));
        return new Step(new ExerciseEquityCompensation(issuerId, source(tx), date, quantity(tx, "quantity"),
                text(tx, "consideration_text"), SecurityId.of(resulting.get(0)), rest), restLabels(tx, rest),
                created -> {
            if (created instanceof List<?> ids && ids.contains(rest.value())) {
                securities.put(grantId, rest.value());
            }
        });
    }

    private Step grantTransfer(JsonNode tx, LocalDate date) {
        List<JsonNode> results = results(tx, "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_PLAN_SECURITY_ISSUANCE");
        if (results.size() != 1 || balance(tx) != null) {
            throw OcfImportProblems.unsupported("A grant transfer of part of a grant, or to several holders");
        }
        JsonNode to = results.get(0);
        return terminal(tx, new TransferEquityCompensation(issuerId, source(tx), date,
                stakeholderId(text(to, "stakeholder_id")), text(tx, "consideration_text"),
                SecurityId.of(text(to, "security_id"))));
    }

    private Step release(JsonNode tx, LocalDate date) {
        List<String> resulting = strings(tx.get("resulting_security_ids"));
        if (resulting.size() != 1) {
            throw OcfImportProblems.unsupported("A release into " + resulting.size() + " securities");
        }
        String grantId = text(tx, "security_id");
        SecurityId rest = rest(tx, "release-balance");
        securities.put(resulting.get(0), resulting.get(0));
        return new Step(new ReleaseEquityCompensation(issuerId, source(tx), date, quantity(tx, "quantity"),
                date(tx, "settlement_date"), tx.has("release_price") ? money(tx.get("release_price")) : null,
                SecurityId.of(resulting.get(0)), rest), restLabels(tx, rest), created -> {
            if (created instanceof List<?> ids && ids.contains(rest.value())) {
                securities.put(grantId, rest.value());
            }
        });
    }

    // ---------------------------------------------------------------- warrants and convertibles

    private List<Step> warrantIssuance(JsonNode tx, LocalDate date) {
        String securityId = text(tx, "security_id");
        if (index.createdByTransactions.contains(securityId)) {
            return List.of();
        }
        Warrant w = OcfInstrumentTerms.warrant(tx);
        IssueWarrant command = new IssueWarrant(issuerId, SecurityId.of(securityId), date, stakeholderId(w.holder()),
                stockClassId(w.stockClassId()), w.quantity(), w.exercisePrice(), w.purchasePrice(), w.expiration(),
                text(tx, "consideration_text"));
        securities.put(securityId, securityId);
        warrants.put(securityId, w);
        return List.of(new Step(command, label(tx)));
    }

    /**
     * As an option's ({@link #exercise}): OCF's warrant exercise has no quantity, so it is the resulting stock's,
     * and no balance, so the rest gets an id of its own that later transactions naming the warrant act on.
     */
    private Step warrantExercise(JsonNode tx, LocalDate date) {
        List<String> resulting = strings(tx.get("resulting_security_ids"));
        if (resulting.size() != 1) {
            throw OcfImportProblems.unsupported("A warrant exercise into " + resulting.size() + " securities");
        }
        if (!index.issuedSecurities.containsKey(resulting.get(0))) {
            warnings.accept(Rule.EXERCISE_RESULT_NOT_ISSUED, "The exercise's resulting stock " + resulting.get(0)
                    + " is not issued in the package: as the package stands no stock came of it, so the exercise "
                    + "is set aside (not recorded)");
            return null;
        }
        JsonNode stock = results(tx, "TX_STOCK_ISSUANCE").get(0);
        SecurityId source = source(tx);
        Warrant w = instrument(warrants, source, "warrant");
        requireSame("holder", "stakeholder_id", w.holder(), stock);
        requireSame("class", "stock_class_id", w.stockClassId(), stock);
        Quantity exercised = quantity(stock, "quantity");
        String warrantId = text(tx, "security_id");
        SecurityId rest = rest(tx, "exercise-balance");
        securities.put(resulting.get(0), resulting.get(0));
        return new Step(new ExerciseWarrant(issuerId, source, date, exercised, text(tx, "consideration_text"),
                SecurityId.of(resulting.get(0)), rest), restLabels(tx, rest), created -> {
            if (created instanceof List<?> ids && ids.contains(rest.value())) {
                securities.put(warrantId, rest.value());
                warrants.put(rest.value(), w.withQuantity(new Quantity(w.quantity().value()
                        .subtract(exercised.value()))));
            }
        });
    }

    /**
     * Part or all of a warrant. A warrant whose quantity a formula decides is cancelled whole: Capledger's export
     * writes that as quantity {@code "0"} with the comment {@code capledger:quantity=none...}. A rest the package
     * gives no {@code balance_security_id} stays on the warrant's id, as after an exercise.
     */
    private Step warrantCancellation(JsonNode tx, LocalDate date) {
        SecurityId source = source(tx);
        Warrant w = instrument(warrants, source, "warrant");
        String balance = optionalId(tx, "balance_security_id");
        if (w.quantity() == null) {
            requireWholeFormulaWarrant(tx, "cancellation");
            if (balance != null) {
                throw OcfImportProblems.unsupported("A balance of a warrant whose quantity a formula decides");
            }
            return terminal(tx, new CancelWarrant(issuerId, source, date, null, text(tx, "reason_text"), null));
        }
        Quantity cancelled = quantity(tx, "quantity");
        Quantity left = new Quantity(w.quantity().value().subtract(cancelled.value()).max(BigDecimal.ZERO));
        if (balance != null) {
            JsonNode issuance = index.createdIssuances.get(balance);
            if (issuance != null && issuance.hasNonNull("quantity")
                    && !Quantity.of(text(issuance, "quantity")).equals(left)) {
                throw new MappingException(Rule.INCONSISTENT, "The cancellation leaves " + left + " of "
                        + w.quantity() + ", but its balance security holds " + text(issuance, "quantity"));
            }
            warrants.put(balance, w.withQuantity(left));
            return terminal(tx, new CancelWarrant(issuerId, source, date, cancelled, text(tx, "reason_text"),
                    SecurityId.of(balance)));
        }
        String warrantId = text(tx, "security_id");
        SecurityId rest = derived("cancellation-balance", text(tx, "id"));
        return new Step(new CancelWarrant(issuerId, source, date, cancelled, text(tx, "reason_text"), rest),
                Map.of(), created -> {
            if (created instanceof List<?> ids && ids.contains(rest.value())) {
                securities.put(warrantId, rest.value());
                warrants.put(rest.value(), w.withQuantity(left));
            }
        });
    }

    /** A whole warrant, to the holder of the one warrant it results in, which must have the same terms. */
    private Step warrantTransfer(JsonNode tx, LocalDate date) {
        List<JsonNode> results = results(tx, "TX_WARRANT_ISSUANCE");
        SecurityId source = source(tx);
        Warrant w = instrument(warrants, source, "warrant");
        if (results.size() != 1 || balance(tx) != null) {
            throw OcfImportProblems.unsupported("A warrant transfer of part of a warrant, or to several holders");
        }
        if (w.quantity() == null) {
            requireWholeFormulaWarrant(tx, "transfer");
        } else if (!quantity(tx, "quantity").equals(w.quantity())) {
            throw OcfImportProblems.unsupported("A warrant transfer of " + text(tx, "quantity") + " of the "
                    + w.quantity() + " the warrant holds (part of a warrant)");
        }
        JsonNode to = results.get(0);
        Warrant transferred = OcfInstrumentTerms.warrant(to);
        if (!transferred.sameTerms(w)) {
            throw OcfImportProblems.unsupported("A warrant transfer whose resulting warrant's terms differ from "
                    + "the warrant's");
        }
        warrants.put(text(to, "security_id"), transferred);
        return terminal(tx, new TransferWarrant(issuerId, source, date, stakeholderId(transferred.holder()),
                text(tx, "consideration_text"), SecurityId.of(text(to, "security_id"))));
    }

    /** Acting on a formula warrant, which has no quantity: Capledger's export writes "0" and says so. */
    private static void requireWholeFormulaWarrant(JsonNode tx, String what) {
        String comment = OcfTransactions.capledgerComment(tx, "quantity");
        if (Quantity.of(text(tx, "quantity")).isPositive() || comment == null || !comment.startsWith("none")) {
            throw OcfImportProblems.unsupported("A " + what + " of " + text(tx, "quantity") + " of a warrant whose "
                    + "quantity a formula decides (only the whole warrant, as quantity \"0\" with the comment "
                    + "capledger:quantity=none)");
        }
    }

    private List<Step> convertibleIssuance(JsonNode tx, LocalDate date) {
        String securityId = text(tx, "security_id");
        if (index.createdByTransactions.contains(securityId)) {
            return List.of();
        }
        Convertible c = OcfInstrumentTerms.convertible(tx, date);
        IssueConvertible command = new IssueConvertible(issuerId, SecurityId.of(securityId), date,
                stakeholderId(c.holder()), c.type(), c.investment(), checked(c.terms()), c.seniority(), c.proRata(),
                text(tx, "consideration_text"));
        securities.put(securityId, securityId);
        convertibles.put(securityId, c);
        return List.of(new Step(command, label(tx)));
    }

    private ConversionTerms checked(ConversionTerms terms) {
        if (terms != null && terms.stockClassId() != null) {
            stockClassId(terms.stockClassId().value());
        }
        return terms;
    }

    /** A whole convertible into one stock security, whose class and quantity the conversion takes. */
    private Step convertibleConversion(JsonNode tx, LocalDate date) {
        List<JsonNode> results = results(tx, "TX_STOCK_ISSUANCE");
        SecurityId source = source(tx);
        Convertible c = instrument(convertibles, source, "convertible");
        if (results.size() != 1 || balance(tx) != null) {
            throw OcfImportProblems.unsupported("A conversion of part of a convertible, or into " + results.size()
                    + " securities");
        }
        JsonNode stock = results.get(0);
        requireSame("holder", "stakeholder_id", c.holder(), stock);
        return terminal(tx, new ConvertConvertible(issuerId, source, date,
                stockClassId(text(stock, "stock_class_id")), quantity(stock, "quantity"), text(tx, "reason_text"),
                SecurityId.of(text(stock, "security_id"))));
    }

    private Step convertibleCancellation(JsonNode tx, LocalDate date) {
        SecurityId source = source(tx);
        wholeConvertible(tx, instrument(convertibles, source, "convertible"), "cancellation");
        return new Step(new CancelConvertible(issuerId, source, date, text(tx, "reason_text")));
    }

    /** A whole convertible, to the holder of the one convertible it results in, which must have the same terms. */
    private Step convertibleTransfer(JsonNode tx, LocalDate date) {
        List<JsonNode> results = results(tx, "TX_CONVERTIBLE_ISSUANCE");
        SecurityId source = source(tx);
        Convertible c = instrument(convertibles, source, "convertible");
        if (results.size() != 1) {
            throw OcfImportProblems.unsupported("A convertible transfer to " + results.size() + " holders");
        }
        wholeConvertible(tx, c, "transfer");
        JsonNode to = results.get(0);
        Convertible transferred = OcfInstrumentTerms.convertible(to, c.issued());
        if (!transferred.sameTerms(c)) {
            throw OcfImportProblems.unsupported("A convertible transfer whose resulting convertible's terms differ "
                    + "from the convertible's");
        }
        convertibles.put(text(to, "security_id"), transferred);
        return terminal(tx, new TransferConvertible(issuerId, source, date, stakeholderId(transferred.holder()),
                text(tx, "consideration_text"), SecurityId.of(text(to, "security_id"))));
    }

    /** Capledger cancels and transfers convertibles whole: the {@code amount} is the investment, with no balance. */
    private static void wholeConvertible(JsonNode tx, Convertible c, String what) {
        Money amount = money(tx.get("amount"));
        if (balanceOf(tx) != null || !amount.equals(c.investment())) {
            throw OcfImportProblems.unsupported("A convertible " + what + " of " + amount + " of the "
                    + c.investment() + " invested (part of a convertible)");
        }
    }

    private static String balanceOf(JsonNode tx) {
        return optionalId(tx, "balance_security_id");
    }

    /** What the package says about a warrant or convertible the transactions so far left under {@code id}. */
    private static <T> T instrument(Map<String, T> instruments, SecurityId id, String kind) {
        T instrument = instruments.get(id.value());
        if (instrument == null) {
            throw new MappingException(Rule.UNKNOWN_REFERENCE, "The security '" + id.value() + "' is not a "
                    + kind);
        }
        return instrument;
    }

    /** The stock a warrant or convertible turns into is its holder's, of its class: the package must agree. */
    private static void requireSame(String what, String member, String expected, JsonNode stock) {
        if (!expected.equals(text(stock, member))) {
            throw new MappingException(Rule.INCONSISTENT, "The resulting stock " + text(stock, "security_id")
                    + " has " + member + " '" + text(stock, member) + "', but the instrument's " + what + " is '"
                    + expected + "'");
        }
    }

    /**
     * A split: Capledger replaces every security of the class outstanding on the date, under the ids (and labels)
     * of the package's reissuances for it. The class's authorized shares stay as they are in force, and grants and
     * warrants over the class are not adjusted: OCF records any such change as a transaction of its own. In
     * Capledger's own exports, an authorized-shares or pool adjustment tagged with the split's id is part of it: the
     * split takes the new authorized shares, and adjusts the pools (there are no grants or warrants left to adjust,
     * or the export would have been refused).
     */
    private Step split(JsonNode tx, LocalDate date) {
        String classId = text(tx, "stock_class_id");
        Map<SecurityId, SecurityId> results = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        index.splitResults.getOrDefault(text(tx, "id"), Map.of()).forEach((source, result) -> {
            results.put(security(source), SecurityId.of(result));
            securities.put(result, result);
            JsonNode issuance = index.createdIssuances.get(result);
            if (issuance != null) {
                labels.putAll(label(issuance));
            }
        });
        String splitId = text(tx, "id");
        Quantity newAuthorized = index.splitAuthorized.containsKey(splitId)
                ? Quantity.of(index.splitAuthorized.get(splitId)) : authorized.get(classId);
        return new Step(new SplitStockClass(issuerId, stockClassId(classId), date, ratio(tx.get("split_ratio")),
                newAuthorized, comments(tx), index.splitsAdjustingPools.contains(splitId), results), labels,
                created -> authorized.put(classId, newAuthorized));
    }

    /**
     * A transaction that extinguishes its source and creates securities under the package's ids. A remainder the
     * package gives no id stays with the holder under the id Capledger allots, and the package's id for the source
     * follows it.
     */
    private Step terminal(JsonNode tx, CapTableCommand command) {
        String source = text(tx, "security_id");
        List<String> named = new ArrayList<>(strings(tx.get("resulting_security_ids")));
        String balance = optionalId(tx, "balance_security_id");
        if (balance != null) {
            named.add(balance);
        }
        named.forEach(id -> securities.put(id, id));
        return new Step(command, resultLabels(tx), created -> {
            if (balance == null && created instanceof List<?> ids && ids.size() > named.size()) {
                securities.put(source, String.valueOf(ids.get(ids.size() - 1)));
            }
        });
    }

    /** The label an issuance asks for: its {@code custom_id}, if it has one. */
    private static Map<String, String> label(JsonNode issuance) {
        String label = text(issuance, "custom_id");
        String id = text(issuance, "security_id");
        return label == null || label.isBlank() || id == null ? Map.of() : Map.of(id, label);
    }

    /** The labels of the securities a transaction creates: its resulting and balance securities' issuances'. */
    private Map<String, String> resultLabels(JsonNode tx) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> created = new ArrayList<>(strings(tx.get("resulting_security_ids")));
        String balance = optionalId(tx, "balance_security_id");
        if (balance != null) {
            created.add(balance);
        }
        for (String id : created) {
            JsonNode issuance = index.createdIssuances.get(id);
            if (issuance != null) {
                labels.putAll(label(issuance));
            }
        }
        return labels;
    }

    /** The issuances of a transaction's resulting securities, of one of {@code types}, all in the package. */
    private List<JsonNode> results(JsonNode tx, String... types) {
        List<JsonNode> results = new ArrayList<>();
        for (String id : strings(tx.get("resulting_security_ids"))) {
            JsonNode issuance = index.createdIssuances.get(id);
            if (issuance == null || !List.of(types).contains(text(issuance, "object_type"))) {
                throw new MappingException(Rule.UNKNOWN_REFERENCE, "The resulting security '" + id
                        + "' is not issued in the package by a " + String.join(" or ", types));
            }
            results.add(issuance);
        }
        return results;
    }

    // ---------------------------------------------------------------- values

    /** The Capledger security a transaction acts on. */
    private SecurityId source(JsonNode tx) {
        return security(text(tx, "security_id"));
    }

    private SecurityId security(String ocfId) {
        String id = securities.get(ocfId);
        if (id == null) {
            throw OcfImportProblems.unknown("security", ocfId);
        }
        return SecurityId.of(id);
    }

    private SecurityId balance(JsonNode tx) {
        String balance = optionalId(tx, "balance_security_id");
        return balance == null ? null : SecurityId.of(balance);
    }

    /**
     * The id of an exercise's or release's unexercised rest: the one Capledger's export names in the comment
     * {@code capledger:balanceSecurityId}, or one derived from the transaction's id.
     */
    private SecurityId rest(JsonNode tx, String kind) {
        String named = OcfTransactions.capledgerComment(tx, "balanceSecurityId");
        return named != null ? SecurityId.of(named) : derived(kind, text(tx, "id"));
    }

    /** The labels of an exercise's or release's results, and of its rest when the export named it. */
    private Map<String, String> restLabels(JsonNode tx, SecurityId rest) {
        Map<String, String> labels = new LinkedHashMap<>(resultLabels(tx));
        String label = OcfTransactions.capledgerComment(tx, "balanceSecurityLabel");
        if (label != null) {
            labels.put(rest.value(), label);
        }
        return labels;
    }

    private SecurityId derived(String kind, String transactionId) {
        return SecurityId.of(UUID.nameUUIDFromBytes((issuerId + "/" + kind + "/" + transactionId)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private StakeholderId stakeholderId(String id) {
        if (id == null || !index.stakeholders.containsKey(id)) {
            throw OcfImportProblems.unknown("stakeholder", id);
        }
        return StakeholderId.of(id);
    }

    private StockClassId stockClassId(String id) {
        if (id == null || !index.stockClasses.containsKey(id)) {
            throw OcfImportProblems.unknown("stock class", id);
        }
        return StockClassId.of(id);
    }

    private StockPlanId stockPlanId(String id) {
        if (id == null || !index.stockPlans.containsKey(id)) {
            throw OcfImportProblems.unknown("stock plan", id);
        }
        return StockPlanId.of(id);
    }

    private static StakeholderRelationship relationship(String value) {
        return value == null ? null : enumValue(StakeholderRelationship.class, value, "relationship");
    }

    private static Quantity quantity(JsonNode node, String member) {
        return Quantity.of(text(node, member));
    }

    /** OCF numerics, refusing the {@code UNLIMITED} / {@code NOT APPLICABLE} authorized shares Capledger lacks. */
    private static Quantity numeric(JsonNode node, String member) {
        String value = text(node, member);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?\\d+(\\.\\d+)?")) {
            throw OcfImportProblems.unsupported(member + " \"" + value + "\"");
        }
        return Quantity.of(value);
    }

    private static Money money(JsonNode money) {
        return Money.of(text(money, "amount"), text(money, "currency"));
    }

    static Ratio ratio(JsonNode ratio) {
        return Ratio.of(text(ratio, "numerator"), text(ratio, "denominator"));
    }

    /** {@code resulting / converted}: a decimal over 1 when exact to ten places, else the two numbers. */
    static Ratio ratio(BigDecimal resulting, BigDecimal converted) {
        BigDecimal quotient = resulting.divide(converted, MathContext.DECIMAL128).stripTrailingZeros();
        if (quotient.scale() <= 10 && quotient.multiply(converted).compareTo(resulting) == 0) {
            return new Ratio(quotient, BigDecimal.ONE);
        }
        return new Ratio(resulting, converted);
    }

    private static LocalDate affidavitDate(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw OcfImportProblems.unsupported("The comment capledger:lostCertificateAffidavitDate=" + value
                    + " (not a date)");
        }
    }

    private static LocalDate date(JsonNode node, String member) {
        String value = text(node, member);
        return value == null ? null : LocalDate.parse(value);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String member) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw OcfImportProblems.unsupported(member + " \"" + value + "\"");
        }
    }
}
