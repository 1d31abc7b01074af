package org.capledger.command.ocf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capledger.api.value.Ratio;
import org.capledger.platform.ocf.OcfFileType;
import org.capledger.platform.ocf.OcfItemCursor;
import org.capledger.platform.ocf.OcfPackage;
import org.capledger.platform.ocf.OcfReport.Item;
import org.capledger.platform.ocf.OcfValidator.OcfItem;
import tools.jackson.databind.JsonNode;

/**
 * What the importer needs to know about a whole package before it records anything, gathered while the validator
 * streams it (pass one) and from one more streamed pass over the transactions files (pass two): the objects
 * (stakeholders, stock classes, stock plans, vesting terms: few, kept whole), and for transactions only what orders
 * and links them (date, place, the ids they name). Transactions themselves are read again, one at a time, when they
 * are recorded; see {@link TransactionStream}.
 */
final class OcfPackageIndex {

    /** Where an object or transaction is: for the report and for reading it again. */
    record Place(String file, int fileOrder, int index, String id) {
        String path() {
            return "$.items[" + index + "]";
        }
    }

    /**
     * A transaction as indexed: the date it is recorded at (its effective date, or for a vesting start or event dated
     * before its security's issuance, the issuance's) and its place; recorded in (date, file order, index) order.
     */
    record TransactionRef(LocalDate date, Place place, String objectType, int fileOrder, int index, int after) {
        TransactionRef(LocalDate date, Place place, String objectType) {
            this(date, place, objectType, place.fileOrder(), place.index(), 0);
        }
    }

    /** An object of the package with its place. */
    record Located(JsonNode json, Place place) {
    }

    static final Comparator<TransactionRef> RECORDING_ORDER = Comparator.comparing(TransactionRef::date)
            .thenComparingInt(TransactionRef::fileOrder).thenComparingInt(TransactionRef::index)
            .thenComparingInt(TransactionRef::after).thenComparingInt(r -> r.place().index());

    final Map<String, Located> stakeholders = new LinkedHashMap<>();
    final Map<String, Located> stockClasses = new LinkedHashMap<>();
    final Map<String, Located> stockPlans = new LinkedHashMap<>();
    final Map<String, Located> vestingTerms = new LinkedHashMap<>();
    final List<TransactionRef> transactions = new ArrayList<>();
    /** The transactions files in manifest order. */
    final List<String> transactionFiles = new ArrayList<>();
    /** Transactions files whose items are not in date order: read whole when recorded. */
    final Set<String> unsortedFiles = new HashSet<>();
    /** Every security the package issues (stock, grants, warrants, convertibles), by id, with its object type. */
    final Map<String, String> issuedSecurities = new HashMap<>();
    /** The date and place of every issuance, by security id. */
    private final Map<String, LocalDate> issueDates = new HashMap<>();
    private final Map<String, Place> issuePlaces = new HashMap<>();
    /** The stock class of every stock issuance, by security id. */
    final Map<String, String> stockClassOfStock = new HashMap<>();
    /** Securities a transaction creates (its resulting and balance securities). */
    final Set<String> createdByTransactions = new HashSet<>();
    /** The issuances of {@link #createdByTransactions}, whole: a transaction needs its results' holder and size. */
    final Map<String, JsonNode> createdIssuances = new HashMap<>();
    /**
     * The conversion ratios the package's stock conversions show, from class to class: resulting shares per converted
     * share, the first conversion's when several differ.
     */
    final Map<String, Map<String, Ratio>> conversionRatios = new LinkedHashMap<>();
    /** For each stock class split, by its id: the source security to its result, from the split's reissuances. */
    final Map<String, Map<String, String>> splitResults = new HashMap<>();
    /**
     * Capledger's own exports: per split id, the class's new authorized shares and whether pools were adjusted with
     * it, from the adjustments tagged {@code capledger:splitTransactionId}; those adjustments are part of the split.
     */
    final Map<String, String> splitAuthorized = new HashMap<>();
    final Set<String> splitsAdjustingPools = new HashSet<>();
    final Set<String> partOfSplits = new HashSet<>();
    /**
     * The earliest date a transaction names each stock class (its {@code stock_class_id}, or a warrant's or
     * convertible's trigger's {@code converts_to_stock_class_id}), by class id.
     */
    final Map<String, LocalDate> firstUseOfClass = new HashMap<>();
    /** The earliest effective date of any transaction, or null. */
    LocalDate earliestDate;

    final List<Item> problems = new ArrayList<>();
    private final Map<String, LocalDate> lastDateOfFile = new HashMap<>();
    private final Set<String> transactionIds = new HashSet<>();
    /** The security of each vesting start or event, by transaction id. */
    private final Map<String, String> vestingSecurity = new HashMap<>();

    /** Pass one: called for every item the validator checked, in file order. */
    void add(OcfItem item) {
        if (!item.valid() || item.id() == null) {
            return;
        }
        JsonNode json = item.json();
        Place place = new Place(item.file(), fileOrder(item), item.index(), item.id());
        switch (item.fileType()) {
            case STAKEHOLDERS -> unique(stakeholders, json, place);
            case STOCK_CLASSES -> unique(stockClasses, json, place);
            case STOCK_PLANS -> unique(stockPlans, json, place);
            case VESTING_TERMS -> unique(vestingTerms, json, place);
            case TRANSACTIONS -> addTransaction(item, json, place);
            default -> {
                // legends, valuations, financings, documents: not part of the cap table's ledger
            }
        }
    }

    private int fileOrder(OcfItem item) {
        if (item.fileType() != OcfFileType.TRANSACTIONS) {
            return -1;
        }
        int order = transactionFiles.indexOf(item.file());
        if (order < 0) {
            transactionFiles.add(item.file());
            order = transactionFiles.size() - 1;
        }
        return order;
    }

    private void unique(Map<String, Located> objects, JsonNode json, Place place) {
        Located earlier = objects.putIfAbsent(place.id(), new Located(json, place));
        if (earlier != null) {
            problems.add(OcfImportProblems.duplicate(place, earlier.place()));
        }
    }

    private void addTransaction(OcfItem item, JsonNode tx, Place place) {
        if (!transactionIds.add(place.id())) {
            problems.add(OcfImportProblems.duplicateTransaction(place));
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(tx.path("date").asString(""));
        } catch (DateTimeParseException e) {
            return; // the validator reported it
        }
        transactions.add(new TransactionRef(date, place, item.objectType()));
        if (item.objectType() != null && item.objectType().startsWith("TX_VESTING_") && tx.has("security_id")) {
            vestingSecurity.put(place.id(), tx.get("security_id").asString());
        }
        earliestDate = earliestDate == null || date.isBefore(earliestDate) ? date : earliestDate;
        LocalDate last = lastDateOfFile.put(place.file(), date);
        if (last != null && date.isBefore(last)) {
            unsortedFiles.add(place.file());
        }
        String type = item.objectType();
        if (tx.hasNonNull("stock_class_id")) {
            firstUseOfClass.merge(tx.get("stock_class_id").asString(), date, (a, b) -> a.isBefore(b) ? a : b);
        }
        // a warrant or convertible names the class it converts into in its triggers
        for (String triggers : List.of("exercise_triggers", "conversion_triggers")) {
            for (JsonNode trigger : tx.path(triggers)) {
                JsonNode to = trigger.path("conversion_right").get("converts_to_stock_class_id");
                if (to != null && to.isString()) {
                    firstUseOfClass.merge(to.asString(), date, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        if (OcfTransactions.ISSUANCES.contains(type) && tx.has("security_id")) {
            String securityId = tx.get("security_id").asString();
            issueDates.putIfAbsent(securityId, date);
            issuePlaces.putIfAbsent(securityId, place);
            String earlier = issuedSecurities.putIfAbsent(securityId, type);
            if (earlier != null) {
                problems.add(OcfImportProblems.securityIssuedTwice(place, securityId));
            }
            if (type.equals("TX_STOCK_ISSUANCE")) {
                stockClassOfStock.put(securityId, tx.path("stock_class_id").asString(null));
            }
        } else {
            tx.path("resulting_security_ids").forEach(id -> createdByTransactions.add(id.asString()));
            if (tx.hasNonNull("resulting_security_id")) {
                createdByTransactions.add(tx.get("resulting_security_id").asString());
            }
            String balance = OcfTransactions.optionalId(tx, "balance_security_id");
            if (balance != null) {
                createdByTransactions.add(balance);
            }
        }
    }

    /**
     * Pass two: keeps the issuances of securities that transactions create, works out the conversion ratios, and
     * sorts the transactions.
     */
    void collectCreatedIssuances(OcfPackage ocf) {
        List<JsonNode> conversions = new ArrayList<>();
        for (String file : transactionFiles) {
            try (OcfItemCursor items = OcfItemCursor.open(ocf, file)) {
                while (items.hasNext()) {
                    JsonNode tx = items.next();
                    String type = tx.path("object_type").asString("");
                    String securityId = tx.path("security_id").asString(null);
                    if (OcfTransactions.ISSUANCES.contains(type) && securityId != null
                            && createdByTransactions.contains(securityId)) {
                        createdIssuances.putIfAbsent(securityId, tx);
                    }
                    if (type.equals("TX_STOCK_CONVERSION")) {
                        conversions.add(tx);
                    }
                    String split = OcfTransactions.capledgerComment(tx, "splitTransactionId");
                    if (split != null && type.equals("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT")) {
                        splitAuthorized.put(split, tx.path("new_shares_authorized").asString());
                        partOfSplits.add(tx.path("id").asString());
                    } else if (split != null && type.equals("TX_STOCK_PLAN_POOL_ADJUSTMENT")) {
                        splitsAdjustingPools.add(split);
                        partOfSplits.add(tx.path("id").asString());
                    }
                    if (type.equals("TX_STOCK_REISSUANCE") && tx.hasNonNull("split_transaction_id")) {
                        Map<String, String> results = splitResults.computeIfAbsent(
                                tx.get("split_transaction_id").asString(), k -> new LinkedHashMap<>());
                        for (JsonNode result : tx.path("resulting_security_ids")) {
                            results.put(tx.path("security_id").asString(), result.asString());
                        }
                    }
                }
            }
        }
        conversions.forEach(this::conversionRatio);
        // a vesting start or event dated before its security's issuance is recorded right after the issuance
        transactions.replaceAll(ref -> {
            String security = ref.objectType() != null && ref.objectType().startsWith("TX_VESTING_")
                    ? vestingSecurity.get(ref.place().id()) : null;
            LocalDate issued = security == null ? null : issueDates.get(security);
            Place issuance = security == null ? null : issuePlaces.get(security);
            return issued != null && issued.isAfter(ref.date()) && issuance != null
                    ? new TransactionRef(issued, ref.place(), ref.objectType(), issuance.fileOrder(),
                    issuance.index(), 1) : ref;
        });
        transactions.sort(RECORDING_ORDER);
        // a file whose transactions are now recorded out of their places is read whole, not streamed
        Map<String, Integer> lastIndex = new HashMap<>();
        for (TransactionRef ref : transactions) {
            Integer last = lastIndex.put(ref.place().file(), ref.place().index());
            if (last != null && ref.place().index() < last) {
                unsortedFiles.add(ref.place().file());
            }
        }
    }

    private void conversionRatio(JsonNode tx) {
        String from = stockClassOfStock.get(tx.path("security_id").asString(""));
        String to = null;
        BigDecimal resulting = BigDecimal.ZERO;
        for (JsonNode id : tx.path("resulting_security_ids")) {
            JsonNode issuance = createdIssuances.get(id.asString());
            if (issuance == null || (to != null && !to.equals(issuance.path("stock_class_id").asString()))) {
                return; // the translator reports it when it records the conversion
            }
            to = issuance.path("stock_class_id").asString();
            resulting = resulting.add(new BigDecimal(issuance.path("quantity").asString("0")));
        }
        BigDecimal converted = new BigDecimal(tx.path("quantity_converted").asString("0"));
        if (from != null && to != null && converted.signum() > 0 && resulting.signum() > 0) {
            conversionRatios.computeIfAbsent(from, k -> new LinkedHashMap<>())
                    .putIfAbsent(to, OcfTranslator.ratio(resulting, converted));
        }
    }
}
