package org.capledger.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capledger.api.vesting.OcfVestingJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records an OCF package through Capledger's REST API: the issuer from the manifest, then its stakeholders and stock
 * classes, then every transaction in effective-date order and, within a date, in file order. Stock issuances that
 * some transaction of the package creates (its {@code resulting_security_ids} and {@code balance_security_id}) are
 * not replayed: in Capledger the transaction itself creates them, under the package's ids, which the requests pass.
 * Capledger allots the other ids (stakeholders, classes, issued stock, split results); {@link #stakeholders},
 * {@link #stockClasses} and {@link #securities} map the package's ids to them.
 *
 * <p>Where OCF and Capledger differ it applies the readings of docs/api.md, "OCF readings": the issuer's cap table
 * starts at the earliest date the package needs; classes get the conversion rights their conversions show; a split's
 * reissuances are not recorded, their ids going to the split's own results (matched by holder and quantity), and
 * the split keeps the authorized shares in force; grants of a plan the package lacks are recorded outside any plan; a
 * remainder the package leaves without an id stays with its holder, and later transactions naming the original id
 * act on it. Anything else it cannot map, and every refusal, fails the test: nothing is skipped silently. The one
 * exception is an exercise whose resulting stock the package never issues, which {@link MissingExerciseStock} decides
 * and {@link #setAside} reports.
 */
final class OcfReplay {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What to do with an exercise whose resulting stock the package does not issue. */
    enum MissingExerciseStock {
        /** Leave the exercise out and report it: as the package stands, no stock came of it. */
        SET_ASIDE,
        /** Record it anyway: Capledger issues the stock, under the package's resulting id. */
        ISSUE
    }

    /** An OCF transaction that was not recorded, and why. */
    record SetAside(String ocfId, String reason) {
    }

    private final Api api;
    private final String directory;
    private final MissingExerciseStock missingExerciseStock;

    private final List<JsonNode> transactions = new ArrayList<>();
    private final Map<String, JsonNode> vestingTerms = new LinkedHashMap<>();
    private final Map<String, JsonNode> stockIssuances = new LinkedHashMap<>();
    private final Set<String> createdByTransactions = new HashSet<>();
    private final Map<String, BigDecimal> authorized = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> unclaimedSplitResults = new LinkedHashMap<>();

    String issuerId;
    LocalDate formationDate;
    /** The package's ids to Capledger's. */
    final Map<String, String> stakeholders = new LinkedHashMap<>();
    final Map<String, String> stockClasses = new LinkedHashMap<>();
    /** A package security id to the Capledger security that now holds it (its remainder, after a partial exercise). */
    final Map<String, String> securities = new LinkedHashMap<>();
    final List<SetAside> setAside = new ArrayList<>();
    /** The last command's response: send its position to read every write of the replay. */
    Api.Response last;

    private OcfReplay(Api api, String directory, MissingExerciseStock missingExerciseStock) {
        this.api = api;
        this.directory = directory;
        this.missingExerciseStock = missingExerciseStock;
    }

    /**
     * @param directory the package's classpath folder, e.g. {@code /ocf/acme_holdings_limited}
     * @return what was recorded, with the id maps
     */
    static OcfReplay replay(Api api, String directory, MissingExerciseStock missingExerciseStock) {
        OcfReplay replay = new OcfReplay(api, directory, missingExerciseStock);
        replay.run();
        return replay;
    }

    /** @return every {@code TX_STOCK_ISSUANCE} of the package by security id, replayed or created by a transaction */
    Map<String, JsonNode> stockIssuances() {
        return stockIssuances;
    }

    private void run() {
        JsonNode manifest = read("Manifest.ocf.json");
        expect(!manifest.has("stock_plans_files") || manifest.get("stock_plans_files").isEmpty(),
                "stock plans files are not mapped yet");
        for (JsonNode file : manifest.get("transactions_files")) {
            for (JsonNode tx : read(file.get("filepath").stringValue()).get("items")) {
                transactions.add(tx);
            }
        }
        // List.sort is stable: transactions of one date keep their file order
        transactions.sort(Comparator.comparing(tx -> LocalDate.parse(text(tx, "date"))));
        for (JsonNode file : manifest.path("vesting_terms_files")) {
            for (JsonNode terms : read(file.get("filepath").stringValue()).get("items")) {
                vestingTerms.put(text(terms, "id"), terms);
            }
        }
        for (JsonNode tx : transactions) {
            if (type(tx).equals("TX_STOCK_ISSUANCE")) {
                stockIssuances.put(text(tx, "security_id"), tx);
            } else {
                createdByTransactions.addAll(strings(tx.path("resulting_security_ids")));
                if (balanceId(tx) != null) {
                    createdByTransactions.add(balanceId(tx));
                }
            }
        }

        createIssuer(manifest.get("issuer"));
        for (JsonNode file : manifest.get("stakeholders_files")) {
            for (JsonNode stakeholder : read(file.get("filepath").stringValue()).get("items")) {
                registerStakeholder(stakeholder);
            }
        }
        List<JsonNode> classes = new ArrayList<>();
        for (JsonNode file : manifest.get("stock_classes_files")) {
            read(file.get("filepath").stringValue()).get("items").forEach(classes::add);
        }
        createStockClasses(classes);
        for (JsonNode tx : transactions) {
            record(tx);
        }
    }

    // ---------------------------------------------------------------- issuer, stakeholders, classes

    /**
     * Capledger refuses anything dated before the issuer's formation, so the cap table starts at the earliest date
     * the package needs when that is before the manifest's {@code formation_date}.
     */
    private void createIssuer(JsonNode issuer) {
        formationDate = LocalDate.parse(text(issuer, "formation_date"));
        for (JsonNode tx : transactions) {
            LocalDate date = LocalDate.parse(text(tx, "date"));
            formationDate = date.isBefore(formationDate) ? date : formationDate;
        }
        ObjectNode body = JSON.createObjectNode()
                .put("legalName", text(issuer, "legal_name"))
                .put("formationDate", formationDate.toString())
                .put("countryOfFormation", text(issuer, "country_of_formation"));
        copy(issuer, "country_subdivision_of_formation", body, "subdivisionOfFormation");
        copy(issuer, "initial_shares_authorized", body, "initialSharesAuthorized");
        Api.Response created = api.command("/api/issuers", JSON.writeValueAsString(body));
        expect(created.status() == 201, "the issuer was refused: " + created.text());
        issuerId = created.id();
        last = created;
    }

    /** OCF stakeholders carry no date: they are registered on the issuer's first day. */
    private void registerStakeholder(JsonNode s) {
        ObjectNode body = JSON.createObjectNode()
                .put("date", formationDate.toString())
                .put("type", text(s, "stakeholder_type"))
                .put("relationship", s.has("current_relationship") ? text(s, "current_relationship") : "OTHER");
        ObjectNode name = body.putObject("name").put("legalName", text(s.get("name"), "legal_name"));
        copy(s.get("name"), "first_name", name, "firstName");
        copy(s.get("name"), "last_name", name, "lastName");
        stakeholders.put(text(s, "id"), post("/stakeholders", body, text(s, "id")).id());
    }

    /**
     * Stock classes, on the issuer's first day, each after the classes it converts into. A class's conversion rights
     * are those its conversions in the package show (OCF classes may leave them out; Capledger converts only by a
     * right): into the resulting securities' class, at resulting shares per converted share.
     */
    private void createStockClasses(List<JsonNode> classes) {
        Map<String, Map<String, BigDecimal[]>> rights = new LinkedHashMap<>();
        for (JsonNode tx : transactions) {
            if (!type(tx).equals("TX_STOCK_CONVERSION")) {
                continue;
            }
            List<JsonNode> results = resultingIssuances(tx);
            expect(!results.isEmpty() && results.size() == strings(tx.get("resulting_security_ids")).size(),
                    text(tx, "id") + ": a conversion whose resulting stock is not in the package");
            String to = text(results.get(0), "stock_class_id");
            BigDecimal resulting = BigDecimal.ZERO;
            for (JsonNode r : results) {
                expect(text(r, "stock_class_id").equals(to), text(tx, "id") + " converts into several classes");
                resulting = resulting.add(new BigDecimal(text(r, "quantity")));
            }
            BigDecimal[] ratio = ratio(resulting, new BigDecimal(text(tx, "quantity_converted")));
            BigDecimal[] known = rights.computeIfAbsent(classOf(text(tx, "security_id")), k -> new LinkedHashMap<>())
                    .putIfAbsent(to, ratio);
            expect(known == null || (known[0].compareTo(ratio[0]) == 0 && known[1].compareTo(ratio[1]) == 0),
                    text(tx, "id") + " converts at another ratio than an earlier conversion: not mapped yet");
        }
        List<JsonNode> pending = new ArrayList<>(classes);
        while (!pending.isEmpty()) {
            JsonNode next = pending.stream().filter(c -> stockClasses.keySet().containsAll(
                    rights.getOrDefault(text(c, "id"), Map.of()).keySet())).findFirst().orElseThrow(
                    () -> new AssertionError("stock classes convert into each other in a cycle"));
            pending.remove(next);
            createStockClass(next, rights.getOrDefault(text(next, "id"), Map.of()));
        }
    }

    private void createStockClass(JsonNode c, Map<String, BigDecimal[]> rights) {
        expect(!c.has("conversion_rights") || c.get("conversion_rights").isEmpty(),
                "the package's own conversion rights are not mapped yet");
        ObjectNode body = JSON.createObjectNode()
                .put("date", formationDate.toString())
                .put("name", text(c, "name"))
                .put("classType", text(c, "class_type"))
                .put("certificatePrefix", text(c, "default_id_prefix") + "-")
                .put("votesPerShare", text(c, "votes_per_share"))
                .put("seniority", Integer.parseInt(text(c, "seniority")))
                .put("initialSharesAuthorized", text(c, "initial_shares_authorized"));
        if (c.has("par_value")) {
            body.set("parValue", c.get("par_value"));
        }
        ArrayNode conversionRights = body.putArray("conversionRights");
        rights.forEach((to, ratio) -> conversionRights.addObject()
                .put("convertsToStockClassId", stockClasses.get(to))
                .putObject("ratio").put("numerator", ratio[0].toPlainString())
                .put("denominator", ratio[1].toPlainString()));
        stockClasses.put(text(c, "id"), post("/stock-classes", body, text(c, "id")).id());
        authorized.put(text(c, "id"), new BigDecimal(text(c, "initial_shares_authorized")));
    }

    // ---------------------------------------------------------------- transactions

    private void record(JsonNode tx) {
        String id = text(tx, "id");
        String date = text(tx, "date");
        ObjectNode body = JSON.createObjectNode().put("date", date);
        switch (type(tx)) {
            case "TX_STOCK_ISSUANCE" -> {
                if (createdByTransactions.contains(text(tx, "security_id"))) {
                    return;
                }
                expect(!tx.has("split_transaction_id"), id + ": an issuance from a split but no reissuance");
                body.put("stakeholderId", stakeholder(text(tx, "stakeholder_id")))
                        .put("stockClassId", stockClass(text(tx, "stock_class_id")))
                        .put("quantity", text(tx, "quantity"))
                        .set("pricePerShare", tx.get("share_price"));
                copy(tx, "consideration_text", body, "consideration");
                securities.put(text(tx, "security_id"), post("/stock-issuances", body, id).id());
            }
            case "TX_STOCK_ACCEPTANCE" -> post(onSecurity(tx, "/acceptances"), body, id);
            case "TX_STOCK_TRANSFER" -> {
                ArrayNode transferees = body.putArray("transferees");
                for (JsonNode r : completeResults(tx)) {
                    transferees.addObject().put("stakeholderId", stakeholder(text(r, "stakeholder_id")))
                            .put("quantity", text(r, "quantity"))
                            .put("securityId", text(r, "security_id"));
                }
                copy(tx, "consideration_text", body, "consideration");
                terminal(tx, onSecurity(tx, "/transfers"), withBalance(tx, body));
            }
            case "TX_STOCK_CANCELLATION" -> terminal(tx, onSecurity(tx, "/cancellations"),
                    withBalance(tx, body.put("quantity", text(tx, "quantity")).put("reason", text(tx, "reason_text"))));
            case "TX_STOCK_REPURCHASE" -> {
                body.put("quantity", text(tx, "quantity")).set("price", tx.get("price"));
                copy(tx, "consideration_text", body, "consideration");
                terminal(tx, onSecurity(tx, "/repurchases"), withBalance(tx, body));
            }
            case "TX_STOCK_RETRACTION" -> post(onSecurity(tx, "/retractions"),
                    body.put("reason", text(tx, "reason_text")), id);
            case "TX_STOCK_REISSUANCE" -> {
                if (tx.has("split_transaction_id")) {
                    splitReissuance(tx);
                    return;
                }
                ArrayNode parts = body.putArray("newSecurities");
                for (JsonNode r : completeResults(tx)) {
                    parts.addObject().put("quantity", text(r, "quantity")).put("securityId", text(r, "security_id"));
                }
                copy(tx, "reason_text", body, "reason");
                terminal(tx, onSecurity(tx, "/reissuances"), body);
            }
            case "TX_STOCK_CONVERSION" -> {
                List<JsonNode> results = completeResults(tx);
                body.put("quantity", text(tx, "quantity_converted"))
                        .put("toStockClassId", stockClass(text(results.get(0), "stock_class_id")));
                ArrayNode parts = body.putArray("resultingSecurities");
                for (JsonNode r : results) {
                    parts.addObject().put("quantity", text(r, "quantity")).put("securityId", text(r, "security_id"));
                }
                terminal(tx, onSecurity(tx, "/conversions"), withBalance(tx, body));
            }
            case "TX_STOCK_CLASS_SPLIT" -> split(tx, body);
            case "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_PLAN_SECURITY_ISSUANCE" -> grant(tx, body);
            case "TX_VESTING_START" -> post("/grants/" + security(text(tx, "security_id")) + "/vesting-starts",
                    body.put("vestingConditionId", text(tx, "vesting_condition_id")), id);
            case "TX_EQUITY_COMPENSATION_EXERCISE", "TX_PLAN_SECURITY_EXERCISE" -> exercise(tx, body);
            default -> throw new AssertionError(id + ": " + type(tx) + " is not mapped yet");
        }
    }

    /**
     * A split: Capledger replaces every security of the class outstanding on the date and derives the new ids.
     * Authorized shares stay as they were, and grants and warrants over the class are not adjusted: OCF records any
     * such change as a transaction of its own, and the package has none.
     */
    private void split(JsonNode tx, ObjectNode body) {
        String classId = text(tx, "stock_class_id");
        body.set("ratio", tx.get("split_ratio"));
        body.put("newSharesAuthorized", authorized.get(classId).toPlainString());
        body.put("adjustGrantsAndWarrants", false);
        Api.Response split = post("/stock-classes/" + stockClass(classId) + "/splits", body, text(tx, "id"));
        List<JsonNode> results = new ArrayList<>();
        for (String result : Api.strings(split.json().path("securityIds"))) {
            results.add(api.read("/api/issuers/" + issuerId + "/securities/" + result, split).json());
        }
        unclaimedSplitResults.put(text(tx, "id"), results);
    }

    /**
     * OCF's reissuance of one security for a split is, in Capledger, the split's result for it: nothing to record,
     * only the id to map. The result is found by holder and quantity (the class is the split's); securities alike in
     * both are interchangeable, so the first one not yet claimed is taken.
     */
    private void splitReissuance(JsonNode tx) {
        List<JsonNode> results = unclaimedSplitResults.get(text(tx, "split_transaction_id"));
        expect(results != null, text(tx, "id") + ": a reissuance for a split not recorded before it");
        for (JsonNode issuance : completeResults(tx)) {
            String holder = stakeholder(text(issuance, "stakeholder_id"));
            BigDecimal quantity = new BigDecimal(text(issuance, "quantity"));
            JsonNode match = results.stream().filter(r -> text(r, "stakeholderId").equals(holder)
                            && new BigDecimal(text(r, "quantity")).compareTo(quantity) == 0).findFirst()
                    .orElseThrow(() -> new AssertionError(text(tx, "id") + ": the split left no security of "
                            + quantity.toPlainString() + " shares for " + text(issuance, "stakeholder_id")));
            results.remove(match);
            securities.put(text(issuance, "security_id"), text(match, "securityId"));
        }
    }

    /** A grant; a plan the package does not contain leaves it outside any plan. */
    private void grant(JsonNode tx, ObjectNode body) {
        expect(!tx.has("vestings"), text(tx, "id") + ": explicit vestings are not mapped yet");
        String compensation = text(tx, "compensation_type");
        if (compensation.equals("OPTION") && tx.has("option_grant_type")) {
            compensation = switch (text(tx, "option_grant_type")) {
                case "ISO" -> "OPTION_ISO";
                case "NSO" -> "OPTION_NSO";
                default -> "OPTION";
            };
        }
        body.put("stakeholderId", stakeholder(text(tx, "stakeholder_id")))
                .put("stockClassId", stockClass(text(tx, "stock_class_id")))
                .put("compensationType", compensation)
                .put("quantity", text(tx, "quantity"))
                .put("expirationDate", text(tx, "expiration_date"))
                .put("securityId", text(tx, "security_id"));
        for (String money : List.of("exercise_price", "base_price")) {
            if (tx.has(money)) {
                body.set(money.equals("exercise_price") ? "exercisePrice" : "basePrice", tx.get(money));
            }
        }
        if (tx.has("early_exercisable")) {
            body.put("earlyExercisable", tx.get("early_exercisable").booleanValue());
        }
        if (tx.has("vesting_terms_id")) {
            JsonNode terms = vestingTerms.get(text(tx, "vesting_terms_id"));
            expect(terms != null, text(tx, "id") + ": no vesting terms " + text(tx, "vesting_terms_id"));
            body.set("vestingTerms", JSON.valueToTree(OcfVestingJson.terms(terms)));
        }
        ArrayNode windows = body.putArray("terminationExerciseWindows");
        for (JsonNode w : tx.path("termination_exercise_windows")) {
            windows.addObject().put("reason", text(w, "reason")).put("period", w.get("period").intValue())
                    .put("periodType", text(w, "period_type"));
        }
        post("/equity-compensation-issuances", body, text(tx, "id"));
        securities.put(text(tx, "security_id"), text(tx, "security_id"));
    }

    /**
     * An option exercise issues its stock in Capledger. OCF's exercise has no {@code balance_security_id}: the
     * unexercised rest stays with the holder as a balance grant, which later OCF transactions naming the original
     * grant act on.
     */
    private void exercise(JsonNode tx, ObjectNode body) {
        List<String> resulting = strings(tx.get("resulting_security_ids"));
        List<String> missing = resulting.stream().filter(r -> !stockIssuances.containsKey(r)).toList();
        if (!missing.isEmpty() && missingExerciseStock == MissingExerciseStock.SET_ASIDE) {
            setAside.add(new SetAside(text(tx, "id"), "its resulting stock " + String.join(", ", missing)
                    + " is not issued in the package"));
            return;
        }
        expect(resulting.size() == 1, text(tx, "id") + ": an exercise into several securities is not mapped yet");
        body.put("quantity", text(tx, "quantity")).put("resultingSecurityId", resulting.get(0));
        copy(tx, "consideration_text", body, "consideration");
        terminal(tx, "/grants/" + security(text(tx, "security_id")) + "/exercises", body);
    }

    /**
     * Records a terminal transaction whose resulting and balance securities carry the package's ids. A remainder the
     * package gives no id (an exercise's) stays with the holder under the id Capledger allots, and the package's id
     * for the source follows it.
     */
    private void terminal(JsonNode tx, String path, ObjectNode body) {
        Api.Response response = post(path, body, text(tx, "id"));
        List<String> created = Api.strings(response.json().path("securityIds"));
        List<String> named = new ArrayList<>(strings(tx.path("resulting_security_ids")));
        if (balanceId(tx) != null) {
            named.add(balanceId(tx));
        }
        named.forEach(n -> securities.put(n, n));
        if (balanceId(tx) == null && created.size() > named.size()) {
            securities.put(text(tx, "security_id"), created.get(created.size() - 1));
        }
    }

    private ObjectNode withBalance(JsonNode tx, ObjectNode body) {
        return balanceId(tx) == null ? body : body.put("balanceSecurityId", balanceId(tx));
    }

    /** Some exporters write {@code ""} for an absent balance. */
    private static String balanceId(JsonNode tx) {
        String balance = tx.has("balance_security_id") ? text(tx, "balance_security_id") : "";
        return balance.isBlank() ? null : balance;
    }

    private List<JsonNode> resultingIssuances(JsonNode tx) {
        List<JsonNode> results = new ArrayList<>();
        for (String id : strings(tx.path("resulting_security_ids"))) {
            if (stockIssuances.containsKey(id)) {
                results.add(stockIssuances.get(id));
            }
        }
        return results;
    }

    private List<JsonNode> completeResults(JsonNode tx) {
        List<JsonNode> results = resultingIssuances(tx);
        expect(!results.isEmpty() && results.size() == strings(tx.get("resulting_security_ids")).size(),
                text(tx, "id") + ": its resulting stock is not in the package");
        return results;
    }

    private String classOf(String securityId) {
        JsonNode issuance = stockIssuances.get(securityId);
        expect(issuance != null, "no stock issuance " + securityId + " in the package");
        return text(issuance, "stock_class_id");
    }

    // ---------------------------------------------------------------- plumbing

    private Api.Response post(String path, ObjectNode body, String ocfId) {
        Api.Response response = api.command("/api/issuers/" + issuerId + path, JSON.writeValueAsString(body));
        if (response.status() != 200 && response.status() != 201) {
            throw new AssertionError(ocfId + " refused by POST " + path + ": " + response.status() + " "
                    + response.text());
        }
        last = response;
        return response;
    }

    private String onSecurity(JsonNode tx, String suffix) {
        return "/securities/" + security(text(tx, "security_id")) + suffix;
    }

    private String security(String ocfId) {
        return known(securities, ocfId, "security");
    }

    private String stakeholder(String ocfId) {
        return known(stakeholders, ocfId, "stakeholder");
    }

    private String stockClass(String ocfId) {
        return known(stockClasses, ocfId, "stock class");
    }

    private static String known(Map<String, String> ids, String ocfId, String kind) {
        String id = ids.get(ocfId);
        expect(id != null, "no " + kind + " " + ocfId + " recorded yet");
        return id;
    }

    /** {@code resulting / converted} as a ratio: a decimal over 1 when exact to ten places, else the two numbers. */
    private static BigDecimal[] ratio(BigDecimal resulting, BigDecimal converted) {
        BigDecimal quotient = resulting.divide(converted, MathContext.DECIMAL128).stripTrailingZeros();
        if (quotient.scale() <= 10 && quotient.multiply(converted).compareTo(resulting) == 0) {
            return new BigDecimal[] {quotient, BigDecimal.ONE};
        }
        return new BigDecimal[] {resulting, converted};
    }

    private JsonNode read(String path) {
        return read(directory, path);
    }

    /** A file of a package on the test classpath, e.g. {@code read("/ocf/acme_holdings_limited", "Manifest.ocf.json")}. */
    static JsonNode read(String directory, String path) {
        String resource = directory + "/" + path.replaceFirst("^\\./", "");
        try (InputStream in = OcfReplay.class.getResourceAsStream(resource)) {
            expect(in != null, "no test resource " + resource);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(JsonNode tx) {
        return text(tx, "object_type");
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        expect(value != null && value.isString(), "'" + member + "' missing or not a string in " + node);
        return value.stringValue();
    }

    private static void copy(JsonNode from, String member, ObjectNode to, String field) {
        if (from.has(member)) {
            to.put(field, text(from, member));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.stringValue()));
        return values;
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
