package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random histories of every transaction family recorded over HTTP: issuances, partial transfers, cancellations,
 * repurchases, acceptances, retractions, authorized-shares adjustments, class splits, grants with and without
 * vesting, their exercises and forfeitures, warrants and their exercises, and a SAFE converted into stock, in random
 * effective-date order (so many are back-dated), some of them refused. Half way through and at the end, what the
 * read models say today must equal the as-of replay of the event stream for today: the cap table, every holder's
 * holdings (stock, grants, warrants, convertibles) and the securities list. Every refusal changes nothing.
 *
 * <p>Seeds are fixed, so a failure reproduces; its message names the seed and the operations recorded.
 */
class RandomLifecycleHistoriesTest extends EndToEndTest {

    private static final LocalDate FORMED = LocalDate.of(2015, 1, 1);
    /** Every effective date is on or before this, well before today in any time zone. */
    private static final LocalDate LAST = LocalDate.of(2024, 12, 31);
    private static final int STEPS = 36;
    /** The last steps try, first, a kind of transaction the history still lacks. */
    private static final int TOP_UP = 12;

    /** What a history must have recorded (accepted, not refused) for the seed to be a useful one. */
    enum Kind {
        ISSUE, AUTHORIZE, PARTIAL_TRANSFER, TRANSFER, CANCEL, REPURCHASE, ACCEPT, RETRACT, SPLIT, GRANT,
        VESTING_GRANT, EXERCISE, FORFEIT, WARRANT, WARRANT_EXERCISE, SAFE, SAFE_CONVERSION, BACK_DATED
    }

    private static final Set<Kind> REQUIRED = EnumSet.of(Kind.PARTIAL_TRANSFER, Kind.CANCEL, Kind.REPURCHASE,
            Kind.SPLIT, Kind.VESTING_GRANT, Kind.EXERCISE, Kind.WARRANT, Kind.WARRANT_EXERCISE, Kind.SAFE_CONVERSION,
            Kind.BACK_DATED);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 11, 2024, 31337})
    void readModelsEqualTheAsOfReplayForToday(long seed) {
        History history = new History(seed);
        try {
            history.setUp();
            for (int step = 0; step < STEPS; step++) {
                history.step(step >= STEPS - TOP_UP);
                if (step == STEPS / 2) {
                    history.compareReadModelsWithReplay();
                }
            }
            history.compareReadModelsWithReplay();
            assertThat(history.recorded).as("kinds of transactions recorded").containsAll(REQUIRED);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " failed; operations so far:\n"
                    + String.join("\n", history.log) + "\n" + e.getMessage(), e);
        }
    }

    private final class History {

        final Random random;
        final long seed;
        final List<String> log = new ArrayList<>();
        final Set<Kind> recorded = EnumSet.noneOf(Kind.class);
        final List<String> holders = new ArrayList<>();
        final Map<String, LocalDate> registered = new HashMap<>();
        final List<String> classes = new ArrayList<>();
        final Map<String, LocalDate> lastSplit = new HashMap<>();
        String base;
        String plan;
        String issuerId;
        /** The latest effective date accepted so far: an accepted entry dated before it is back-dated. */
        LocalDate latest = FORMED;
        Api.Response last;
        int splits;
        int safes;

        History(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        void setUp() {
            issuerId = createIssuer("Lifecycle " + seed, FORMED.toString()).json().get("issuerId").asString();
            base = "/api/issuers/" + issuerId;
            for (int i = 0; i < 4; i++) {
                LocalDate on = FORMED.plusDays(random.nextInt(700));
                String id = registerStakeholder(issuerId, "Holder " + i, on.toString()).id();
                holders.add(id);
                registered.put(id, on);
            }
            for (int i = 0; i < 2; i++) {
                classes.add(createStockClass(issuerId, "Class " + i, "C" + i + "-",
                        String.valueOf(20_000 + random.nextInt(20_000)), FORMED.toString()).id());
            }
            Api.Response created = api.command(base + "/stock-plans", """
                    {"date": "%s", "planName": "Plan", "initialSharesReserved": "%d", "stockClassIds": ["%s"]}"""
                    .formatted(FORMED, 8000 + random.nextInt(8000), classes.get(0)));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            plan = created.id();
            last = created;
        }

        void step(boolean topUp) {
            List<Kind> missing = REQUIRED.stream().filter(k -> !recorded.contains(k)).toList();
            if (topUp && !missing.isEmpty()) {
                attempt(any(missing));
                return;
            }
            int pick = random.nextInt(100);
            if (pick < 14) {
                issue();
            } else if (pick < 18) {
                authorize();
            } else if (pick < 30) {
                transfer();
            } else if (pick < 36) {
                reduce("cancellations", Kind.CANCEL, "\"reason\": \"Forfeited\"");
            } else if (pick < 42) {
                reduce("repurchases", Kind.REPURCHASE, "\"price\": {\"amount\": \"1.25\", \"currency\": \"USD\"}");
            } else if (pick < 45) {
                accept();
            } else if (pick < 47) {
                retract();
            } else if (pick < 52) {
                split();
            } else if (pick < 62) {
                grant(random.nextInt(3) > 0);
            } else if (pick < 72) {
                exercise();
            } else if (pick < 77) {
                forfeit();
            } else if (pick < 83) {
                warrant();
            } else if (pick < 90) {
                exerciseWarrant();
            } else if (pick < 94) {
                safe();
            } else {
                convertSafe();
            }
        }

        /** An attempt at a kind of transaction, preparing what it needs first when there is none. */
        void attempt(Kind kind) {
            switch (kind) {
                case PARTIAL_TRANSFER -> transfer();
                case CANCEL -> reduce("cancellations", Kind.CANCEL, "\"reason\": \"Forfeited\"");
                case REPURCHASE -> reduce("repurchases", Kind.REPURCHASE,
                        "\"price\": {\"amount\": \"1.25\", \"currency\": \"USD\"}");
                case SPLIT -> split();
                case EXERCISE -> {
                    // a grant without vesting terms is vested in full: exercisable at once
                    if (random.nextBoolean() || list(base + "/grants?status=OUTSTANDING").isEmpty()) {
                        grant(false);
                    } else {
                        exercise();
                    }
                }
                case WARRANT_EXERCISE -> {
                    if (api.get(base + "/warrants?status=OUTSTANDING").json().isEmpty()) {
                        warrant();
                    } else {
                        exerciseWarrant();
                    }
                }
                case SAFE_CONVERSION -> {
                    if (api.get(base + "/convertibles?status=OUTSTANDING").json().isEmpty()) {
                        safe();
                    } else {
                        convertSafe();
                    }
                }
                case BACK_DATED -> {
                    String holder = any(holders);
                    String stockClass = any(classes);
                    LocalDate date = between(later(registered.get(holder), lastSplit.get(stockClass)), latest);
                    send(Kind.ISSUE, date, base + "/stock-issuances",
                            issueBody(holder, stockClass, String.valueOf(1 + random.nextInt(300)), date.toString()));
                }
                case VESTING_GRANT -> grant(true);
                case WARRANT -> warrant();
                default -> throw new IllegalArgumentException(kind.name());
            }
        }

        // ------------------------------------------------------------ operations

        void issue() {
            String holder = any(holders);
            String stockClass = any(classes);
            LocalDate date = between(later(registered.get(holder), lastSplit.get(stockClass)), LAST);
            send(Kind.ISSUE, date, base + "/stock-issuances",
                    issueBody(holder, stockClass, String.valueOf(1 + random.nextInt(3000)), date.toString()));
        }

        void authorize() {
            LocalDate date = between(FORMED, LAST);
            send(Kind.AUTHORIZE, date, base + "/stock-classes/" + any(classes) + "/authorized-shares-adjustments",
                    """
                    {"date": "%s", "newSharesAuthorized": "%d"}""".formatted(date, 10_000 + random.nextInt(60_000)));
        }

        void transfer() {
            JsonNode source = anyOf(list(base + "/securities?status=OUTSTANDING"));
            if (source == null) {
                return;
            }
            long held = wholeShares(source.get("quantity"));
            LocalDate date = between(LocalDate.parse(source.get("issueDate").asString()), LAST);
            long quantity = random.nextInt(4) == 0 ? held : 1 + (long) random.nextInt((int) Math.max(1, held));
            String first = any(holders);
            String transferees;
            if (quantity > 1 && random.nextBoolean()) {
                long part = 1 + random.nextInt((int) quantity - 1);
                transferees = """
                        {"stakeholderId": "%s", "quantity": "%d"}, {"stakeholderId": "%s", "quantity": "%d"}"""
                        .formatted(first, part, any(holders), quantity - part);
            } else {
                transferees = """
                        {"stakeholderId": "%s", "quantity": "%d"}""".formatted(first, quantity);
            }
            send(quantity < held ? Kind.PARTIAL_TRANSFER : Kind.TRANSFER, date,
                    base + "/securities/" + source.get("securityId").asString() + "/transfers", """
                    {"date": "%s", "transferees": [%s], "consideration": "Random history"}"""
                            .formatted(date, transferees));
        }

        /** A cancellation or repurchase of part (sometimes all) of an outstanding security. */
        void reduce(String transaction, Kind kind, String extra) {
            JsonNode source = anyOf(list(base + "/securities?status=OUTSTANDING"));
            if (source == null) {
                return;
            }
            long held = wholeShares(source.get("quantity"));
            LocalDate date = between(LocalDate.parse(source.get("issueDate").asString()), LAST);
            long quantity = random.nextInt(4) == 0 ? held : 1 + (long) random.nextInt((int) Math.max(1, held));
            send(kind, date, base + "/securities/" + source.get("securityId").asString() + "/" + transaction, """
                    {"date": "%s", "quantity": "%d", %s}""".formatted(date, quantity, extra));
        }

        void accept() {
            JsonNode source = anyOf(list(base + "/securities?status=OUTSTANDING"));
            if (source == null || !source.get("acceptedOn").isNull()) {
                return;
            }
            LocalDate date = between(LocalDate.parse(source.get("issueDate").asString()), LAST);
            send(Kind.ACCEPT, date, base + "/securities/" + source.get("securityId").asString() + "/acceptances", """
                    {"date": "%s"}""".formatted(date));
        }

        void retract() {
            JsonNode source = anyOf(list(base + "/securities?status=OUTSTANDING"));
            if (source == null) {
                return;
            }
            LocalDate date = between(LocalDate.parse(source.get("issueDate").asString()), LAST);
            send(Kind.RETRACT, date, base + "/securities/" + source.get("securityId").asString() + "/retractions", """
                    {"date": "%s", "reason": "Issued in error"}""".formatted(date));
        }

        void split() {
            if (splits >= 2) {
                return;
            }
            String stockClass = any(classes);
            // late in the history, so that few later transactions conflict with it
            LocalDate date = between(later(LAST.minusDays(500), lastSplit.get(stockClass)), LAST);
            boolean reverse = random.nextInt(4) == 0;
            Api.Response response = send(Kind.SPLIT, date, base + "/stock-classes/" + stockClass + "/splits", """
                    {"date": "%s", "ratio": {"numerator": "%d", "denominator": "%d"}}"""
                    .formatted(date, reverse ? 1 : 2, reverse ? 2 : 1));
            if (response.status() == 200) {
                splits++;
                lastSplit.put(stockClass, date);
            }
        }

        void grant(boolean vesting) {
            String holder = any(holders);
            LocalDate floor = later(registered.get(holder), lastSplit.get(classes.get(0)));
            // mostly early enough to have vested in part by the last dates
            LocalDate date = between(floor, random.nextInt(4) > 0 ? later(floor, LAST.minusYears(2)) : LAST);
            String terms = vesting ? """
                    , "vestingTerms": %s, "vestingStartDate": "%s\"""".formatted(GrantsTest.FOUR_YEARS_ONE_YEAR_CLIFF,
                    date) : "";
            send(vesting ? Kind.VESTING_GRANT : Kind.GRANT, date, base + "/equity-compensation-issuances", """
                    {"date": "%s", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                     "compensationType": "%s", "quantity": "%d", "exercisePrice": {"amount": "0.50", "currency": "USD"},
                     "expirationDate": "%s"%s}""".formatted(date, holder, plan, classes.get(0),
                    random.nextBoolean() ? "OPTION_ISO" : "OPTION_NSO", 100 + random.nextInt(2400),
                    date.plusYears(10).minusDays(1), terms));
        }

        void exercise() {
            JsonNode grant = anyOf(list(base + "/grants?status=OUTSTANDING"));
            if (grant == null) {
                return;
            }
            String id = grant.get("securityId").asString();
            LocalDate issued = LocalDate.parse(grant.get("issueDate").asString());
            LocalDate floor = later(issued, lastSplit.get(classes.get(0)));
            // mostly a year or more after the grant, when some of it has vested
            LocalDate from = random.nextInt(4) > 0 ? later(floor, min(issued.plusYears(1), LAST)) : floor;
            LocalDate date = between(from, LAST);
            JsonNode then = api.get(base + "/grants/" + id + "?asOf=" + date).json();
            long vested = then.get("vested").isNull() ? 0 : wholeShares(then.get("vested"));
            // mostly within what has vested; sometimes beyond it, which is refused
            long quantity = vested > 0 && random.nextInt(5) > 0 ? 1 + (long) random.nextInt((int) vested)
                    : 1 + random.nextInt(500);
            send(Kind.EXERCISE, date, base + "/grants/" + id + "/exercises", """
                    {"date": "%s", "quantity": "%d", "consideration": "Cash"}""".formatted(date, quantity));
        }

        void forfeit() {
            JsonNode grant = anyOf(list(base + "/grants?status=OUTSTANDING"));
            if (grant == null) {
                return;
            }
            long quantity = 1 + random.nextInt((int) Math.max(1, wholeShares(grant.get("quantity"))));
            LocalDate date = between(LocalDate.parse(grant.get("issueDate").asString()), LAST);
            send(Kind.FORFEIT, date, base + "/grants/" + grant.get("securityId").asString() + "/cancellations", """
                    {"date": "%s", "quantity": "%d", "reason": "Left the company"}""".formatted(date, quantity));
        }

        void warrant() {
            String holder = any(holders);
            String stockClass = any(classes);
            LocalDate date = between(later(registered.get(holder), lastSplit.get(stockClass)), LAST);
            send(Kind.WARRANT, date, base + "/warrant-issuances", """
                    {"date": "%s", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "%d",
                     "exercisePrice": {"amount": "1", "currency": "USD"},
                     "purchasePrice": {"amount": "0", "currency": "USD"},
                     "expirationDate": "%s"}""".formatted(date, holder, stockClass, 100 + random.nextInt(3000),
                    date.plusYears(8)));
        }

        void exerciseWarrant() {
            JsonNode warrant = anyOf(api.get(base + "/warrants?status=OUTSTANDING").json());
            if (warrant == null) {
                return;
            }
            long quantity = 1 + random.nextInt((int) wholeShares(warrant.get("quantity")));
            LocalDate date = between(later(LocalDate.parse(warrant.get("issueDate").asString()),
                    lastSplit.get(warrant.get("stockClassId").asString())), LAST);
            send(Kind.WARRANT_EXERCISE, date, base + "/warrants/" + warrant.get("securityId").asString()
                    + "/exercises", """
                    {"date": "%s", "quantity": "%d", "consideration": "Cash"}""".formatted(date, quantity));
        }

        void safe() {
            if (safes >= 2) {
                return;
            }
            String holder = any(holders);
            LocalDate date = between(registered.get(holder), LAST);
            Api.Response response = send(Kind.SAFE, date, base + "/convertible-issuances", """
                    {"date": "%s", "stakeholderId": "%s", "convertibleType": "SAFE",
                     "investmentAmount": {"amount": "%d", "currency": "USD"},
                     "terms": {"valuationCap": {"amount": "5000000", "currency": "USD"}, "discount": "0.2",
                               "timing": "POST_MONEY"}}""".formatted(date, holder, 10_000 + random.nextInt(90_000)));
            if (response.status() == 201) {
                safes++;
            }
        }

        void convertSafe() {
            JsonNode safe = anyOf(api.get(base + "/convertibles?status=OUTSTANDING").json());
            if (safe == null) {
                return;
            }
            String stockClass = classes.get(1);
            LocalDate date = between(later(LocalDate.parse(safe.get("issueDate").asString()),
                    lastSplit.get(stockClass)), LAST);
            send(Kind.SAFE_CONVERSION, date, base + "/convertibles/" + safe.get("securityId").asString()
                    + "/conversions", """
                    {"date": "%s", "stockClassId": "%s", "quantity": "%d", "reason": "Priced round"}"""
                    .formatted(date, stockClass, 100 + random.nextInt(2000)));
        }

        /**
         * Sends one command: it is recorded (one event more) or refused with 422 (nothing more). Records the kind
         * and whether it was back-dated.
         */
        Api.Response send(Kind kind, LocalDate date, String path, String body) {
            long before = events(issuerId);
            Api.Response response = api.command(path, body);
            assertThat(response.status()).as("%s %s %s -> %s", kind, path, body, response.text())
                    .isIn(200, 201, 422);
            if (response.status() == 422) {
                assertThat(events(issuerId)).as("a refused %s records nothing", kind).isEqualTo(before);
                log.add("refused  " + kind + " " + date + " " + response.json().get("code").asString());
                return response;
            }
            assertThat(events(issuerId)).as("%s records one event", kind).isEqualTo(before + 1);
            recorded.add(kind);
            if (date.isBefore(latest)) {
                recorded.add(Kind.BACK_DATED);
            }
            latest = later(latest, date);
            last = response;
            log.add("recorded " + kind + " " + date + " " + path.substring(base.length()) + " "
                    + body.replaceAll("\\s+", " "));
            return response;
        }

        // ------------------------------------------------------------ comparison

        void compareReadModelsWithReplay() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            ObjectNode projected = (ObjectNode) api.read(base + "/cap-table", last).json();
            ObjectNode replayed = (ObjectNode) api.get(base + "/cap-table?asOf=" + today).json();
            projected.remove("asOf");
            replayed.remove("asOf");
            assertThat(replayed).as("cap table: replay as of today vs read models").isEqualTo(projected);
            for (JsonNode stockClass : replayed.get("stockClasses")) {
                assertThat(new BigDecimal(stockClass.get("sharesOutstanding").asString()))
                        .isLessThanOrEqualTo(new BigDecimal(stockClass.get("sharesAuthorized").asString()));
            }

            List<JsonNode> securities = list(base + "/securities");
            List<JsonNode> grants = list(base + "/grants");
            List<JsonNode> warrants = asList(api.get(base + "/warrants").json());
            List<JsonNode> convertibles = asList(api.get(base + "/convertibles").json());
            Map<String, Map<String, String>> replayedStock = new TreeMap<>();
            for (String holder : holders) {
                JsonNode holdings = api.get(base + "/stakeholders/" + holder + "/holdings?asOf=" + today).json();
                assertThat(rows(holdings.get("stock"), STOCK))
                        .as("stock of %s: replay vs securities read model", holder)
                        .isEqualTo(rows(ofHolder(securities, holder), STOCK));
                assertThat(rows(holdings.get("grants"), GRANT))
                        .as("grants of %s: replay vs grants read model", holder)
                        .isEqualTo(rows(ofHolder(grants, holder), GRANT));
                assertThat(rows(holdings.get("warrants"), INSTRUMENT))
                        .as("warrants of %s: replay vs instruments read model", holder)
                        .isEqualTo(rows(ofHolder(warrants, holder), INSTRUMENT));
                assertThat(rows(holdings.get("convertibles"), INSTRUMENT))
                        .as("convertibles of %s: replay vs instruments read model", holder)
                        .isEqualTo(rows(ofHolder(convertibles, holder), INSTRUMENT));
                replayedStock.putAll(rows(holdings.get("stock"), STOCK));

                JsonNode row = holderRow(projected, holder);
                assertThat(holdings.get("totals").get("sharesOutstanding").asString())
                        .as("shares outstanding of %s: holdings vs cap table", holder)
                        .isEqualTo(row == null ? "0" : row.get("sharesOutstanding").asString());
            }
            assertThat(replayedStock).as("every security: replay vs securities read model")
                    .isEqualTo(rows(securities, STOCK));
        }

        // ------------------------------------------------------------ helpers

        /** Every item of a paged list. */
        List<JsonNode> list(String path) {
            List<JsonNode> items = new ArrayList<>();
            String separator = path.contains("?") ? "&" : "?";
            for (int page = 0; ; page++) {
                JsonNode body = api.get(path + separator + "size=200&page=" + page).json();
                body.get("items").forEach(items::add);
                if (page + 1 >= body.get("totalPages").asInt()) {
                    return items;
                }
            }
        }

        <T> T any(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        JsonNode anyOf(JsonNode array) {
            return array.isEmpty() ? null : array.get(random.nextInt(array.size()));
        }

        JsonNode anyOf(List<JsonNode> values) {
            return values.isEmpty() ? null : any(values);
        }

        LocalDate between(LocalDate from, LocalDate to) {
            if (!from.isBefore(to)) {
                return from;
            }
            return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        }
    }

    private static final List<String> STOCK = List.of("securityId", "label", "stockClassId", "quantity", "status",
            "origin", "issueDate", "acceptedOn", "extinguishedOn");
    private static final List<String> GRANT = List.of("securityId", "label", "compensationType", "stockPlanId",
            "stockClassId", "quantity", "exercisePrice", "expirationDate", "status", "issueDate", "extinguishedOn");
    private static final List<String> INSTRUMENT = List.of("securityId", "label", "stockClassId", "quantity",
            "exercisePrice", "expirationDate", "convertibleType", "investmentAmount", "sharesAsConverted", "status",
            "issueDate", "extinguishedOn");

    /** The named fields of each row, by security id; JSON text as the API sent it. */
    private static Map<String, Map<String, String>> rows(Iterable<JsonNode> items, List<String> fields) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (JsonNode item : items) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String field : fields) {
                JsonNode value = item.get(field);
                row.put(field, value == null || value.isNull() ? null : value.isString() ? value.asString()
                        : value.toString());
            }
            rows.put(item.get("securityId").asString(), row);
        }
        return rows;
    }

    private static List<JsonNode> ofHolder(List<JsonNode> items, String holder) {
        return items.stream().filter(i -> holder.equals(i.get("stakeholderId").asString())).toList();
    }

    private static List<JsonNode> asList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparing(i -> i.get("securityId").asString()));
        return items;
    }

    private static JsonNode holderRow(JsonNode capTable, String holder) {
        for (JsonNode row : capTable.get("holders")) {
            if (row.get("stakeholderId").asString().equals(holder)) {
                return row;
            }
        }
        return null;
    }

    private static long wholeShares(JsonNode quantity) {
        return new BigDecimal(quantity.asString()).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
