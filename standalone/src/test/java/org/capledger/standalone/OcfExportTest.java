package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import static org.capledger.standalone.OcfExports.assertValid;
import static org.capledger.standalone.OcfExports.items;
import static org.capledger.standalone.OcfExports.unzip;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.capledger.api.vesting.OcfVestingJson;
import org.capledger.api.vesting.VestingTerms;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCF export: a company with a transfer, a split and a cancellation (a zip whose manifest lists every file with
 * its MD5, each security as an issuance under its own id, the terminal transactions naming their results, the split's
 * reissuances pointing at the split); plans, pools adjusted by a split and stakeholder changes; and a company with
 * every kind of security (grants with vesting, exercises, a release, a cancellation with its balance, a transfer,
 * warrants, a SAFE and a note), whose export keeps the exercise-balance convention. Every export validates against the
 * OCF 1.2 schemas with the importer's validator; {@link EndToEndTest} also exports every issuer the other tests make.
 */
class OcfExportTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void exportsTheHistoryAsAnOcfPackage() throws Exception {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Export Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ana = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ana Alves"},
                 "email": "ana@exportltd.com", "relationship": "FOUNDER"}""").id();
        String ben = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ben Brook"},
                 "relationship": "EMPLOYEE"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Ordinary", "classType": "COMMON", "certificatePrefix": "ORD-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "100000"}""").id();
        String ord1 = api.command(base + "/stock-issuances", """
                {"date": "2020-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "10000",
                 "pricePerShare": {"amount": "0.01", "currency": "GBP"}, "securityId": "ORD-1-ID"}"""
                .formatted(ana, common)).id();
        assertThat(ord1).isEqualTo("ORD-1-ID");
        api.command(base + "/securities/" + ord1 + "/transfers", """
                {"date": "2021-03-01", "transferees": [{"stakeholderId": "%s", "quantity": "2500",
                 "securityId": "ORD-2-ID"}], "balanceSecurityId": "ORD-3-ID"}""".formatted(ben));
        api.command(base + "/stock-classes/" + common + "/splits", """
                {"date": "2022-01-01", "ratio": {"numerator": "2", "denominator": "1"}}""");
        Api.Response last = api.command(base + "/securities/ORD-2-ID/cancellations", """
                {"date": "2021-06-01", "quantity": "500", "reason": "Before the split", "balanceSecurityId": "B"}""");
        assertThat(last.status()).as(last.text()).isEqualTo(422);

        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + base + "/ocf-export?asOf=2023-01-01"))
                .header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> files = unzip(response.body());
        assertThat(files).containsOnlyKeys("Manifest.ocf.json", "Stakeholders.ocf.json", "StockClasses.ocf.json",
                "Transactions.ocf.json");
        assertValid(response.body());

        JsonNode manifest = JSON.readTree(files.get("Manifest.ocf.json"));
        assertThat(manifest.get("issuer").get("id").asString()).isEqualTo(issuerId);
        assertThat(manifest.get("as_of").asString()).isEqualTo("2023-01-01");
        for (String list : new String[]{"stakeholders_files", "stock_classes_files", "transactions_files"}) {
            JsonNode entry = manifest.get(list).get(0);
            byte[] content = files.get(entry.get("filepath").asString().substring(2));
            assertThat(entry.get("md5").asString()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("MD5").digest(content)));
        }
        JsonNode stakeholders = JSON.readTree(files.get("Stakeholders.ocf.json")).get("items");
        assertThat(Api.texts(stakeholders, "id")).containsExactly(ana, ben);
        assertThat(stakeholders.get(0).get("contact_info").get("emails").get(0).get("email_address").asString())
                .isEqualTo("ana@exportltd.com");

        JsonNode transactions = JSON.readTree(files.get("Transactions.ocf.json")).get("items");
        assertThat(Api.texts(transactions, "object_type")).containsExactly("TX_STOCK_ISSUANCE", "TX_STOCK_ISSUANCE",
                "TX_STOCK_ISSUANCE", "TX_STOCK_TRANSFER", "TX_STOCK_CLASS_SPLIT", "TX_STOCK_ISSUANCE",
                "TX_STOCK_REISSUANCE", "TX_STOCK_ISSUANCE", "TX_STOCK_REISSUANCE",
                "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT");
        // the split doubled the authorized shares with the shares: an adjustment tagged with the split says so
        JsonNode authorized = transactions.get(9);
        assertThat(authorized.get("new_shares_authorized").asString()).isEqualTo("200000");
        assertThat(Api.strings(authorized.get("comments")))
                .containsExactly("capledger:splitTransactionId=" + transactions.get(4).get("id").asString());
        JsonNode transfer = transactions.get(3);
        assertThat(transfer.get("security_id").asString()).isEqualTo("ORD-1-ID");
        assertThat(Api.strings(transfer.get("resulting_security_ids"))).containsExactly("ORD-2-ID");
        assertThat(transfer.get("balance_security_id").asString()).isEqualTo("ORD-3-ID");
        assertThat(transactions.get(1).get("share_price").get("amount").asString()).isEqualTo("0.01");
        assertThat(transactions.get(6).get("split_transaction_id").asString())
                .isEqualTo(transactions.get(4).get("id").asString());
        assertThat(transactions.get(5).get("share_price").get("amount").asString()).isEqualTo("0.005");

        HttpResponse<String> before = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + base + "/ocf-export?asOf=2019-01-01"))
                .header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(422);
        assertThat(before.body()).contains("DATE_BEFORE_FORMATION");
    }

    @Test
    void plansStakeholderChangesAndAPoolAdjustedByASplitAreExported() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Plan Export Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String eli = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Eli Employee"},
                 "relationship": "EMPLOYEE"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Ordinary", "classType": "COMMON", "certificatePrefix": "ORD-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "100000"}""").id();
        String plan = api.command(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "2020 Plan", "initialSharesReserved": "10000",
                 "defaultCancellationBehavior": "RETIRE", "stockClassIds": ["%s"]}""".formatted(common)).id();
        api.command(base + "/stock-plans/" + plan + "/pool-adjustments", """
                {"date": "2021-01-01", "sharesReserved": "15000"}""");
        Api.Response split = api.command(base + "/stock-classes/" + common + "/splits", """
                {"date": "2022-01-01", "ratio": {"numerator": "2", "denominator": "1"}}""");
        assertThat(split.status()).as(split.text()).isEqualTo(200);
        api.command(base + "/stakeholders/" + eli + "/status-changes", """
                {"date": "2022-06-30", "newStatus": "TERMINATION_VOLUNTARY_OTHER"}""");
        api.command(base + "/stakeholders/" + eli + "/relationship-changes", """
                {"date": "2022-06-30", "relationshipStarted": "EX_EMPLOYEE", "relationshipEnded": "EMPLOYEE"}""");

        Map<String, byte[]> files = exportOk(base, "2023-01-01");
        JsonNode plans = items(files, "StockPlans.ocf.json");
        assertThat(plans.get(0).get("plan_name").asString()).isEqualTo("2020 Plan");
        assertThat(plans.get(0).get("default_cancellation_behavior").asString()).isEqualTo("RETIRE");
        JsonNode eliObject = items(files, "Stakeholders.ocf.json").get(0);
        assertThat(eliObject.get("current_status").asString()).isEqualTo("TERMINATION_VOLUNTARY_OTHER");
        assertThat(eliObject.get("current_relationship").asString()).isEqualTo("EX_EMPLOYEE");
        JsonNode transactions = items(files, "Transactions.ocf.json");
        assertThat(Api.texts(transactions, "object_type")).containsExactly("TX_STOCK_PLAN_POOL_ADJUSTMENT",
                "TX_STOCK_CLASS_SPLIT", "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT", "TX_STOCK_PLAN_POOL_ADJUSTMENT",
                "CE_STAKEHOLDER_STATUS", "CE_STAKEHOLDER_RELATIONSHIP");
        // the split doubled the pool, which a pool adjustment on the split's date says
        JsonNode pool = transactions.get(3);
        assertThat(pool.get("id").asString()).isEqualTo("split-" + common + "-2022-01-01-pool-" + plan);
        assertThat(pool.get("date").asString()).isEqualTo("2022-01-01");
        assertThat(pool.get("shares_reserved").asString()).isEqualTo("30000");
        assertThat(Api.strings(pool.get("comments")))
                .containsExactly("capledger:splitTransactionId=split-" + common + "-2022-01-01");

        Api.Response grant = api.command(base + "/equity-compensation-issuances", """
                {"date": "2022-02-01", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "OPTION_NSO", "quantity": "100", "exercisePrice": {"amount": "1", "currency": "GBP"},
                 "expirationDate": "2032-01-31"}""".formatted(eli, plan, common));
        assertThat(grant.status()).as(grant.text()).isEqualTo(201);
        assertThat(Api.texts(items(exportOk(base, null), "Transactions.ocf.json"), "object_type"))
                .contains("TX_EQUITY_COMPENSATION_ISSUANCE");
        // a vesting start recorded later but dated before its grant appears with the grant, not before it
        Api.Response vesting = api.command(base + "/equity-compensation-issuances", """
                {"date": "2022-02-01", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "RSU", "quantity": "480", "expirationDate": "2032-01-31", "securityId": "RSU-LATE",
                 "vestingTerms": %s}""".formatted(eli, plan, common, GrantsTest.FOUR_YEARS_ONE_YEAR_CLIFF));
        assertThat(vesting.status()).as(vesting.text()).isEqualTo(201);
        Api.Response started = api.command(base + "/grants/RSU-LATE/vesting-starts", """
                {"date": "2022-01-15", "vestingConditionId": "start"}""");
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(Api.texts(items(exportOk(base, "2022-01-31"), "Transactions.ocf.json"), "id"))
                .doesNotContain("issuance-RSU-LATE", "vesting-start-RSU-LATE");
        JsonNode withGrant = items(exportOk(base, "2022-02-01"), "Transactions.ocf.json");
        assertThat(Api.texts(withGrant, "id")).endsWith("issuance-RSU-LATE", "vesting-start-RSU-LATE");
        assertThat(withGrant.get(withGrant.size() - 1).get("date").asString()).isEqualTo("2022-01-15");

        // OCF 1.2 has no transaction changing an option's quantity: a split that adjusts one is refused, from its date
        Api.Response again = api.command(base + "/stock-classes/" + common + "/splits", """
                {"date": "2023-01-01", "ratio": {"numerator": "2", "denominator": "1"}}""");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        exportOk(base, "2022-12-31");
        HttpResponse<byte[]> refused = OcfExports.export(port, api.token(), issuerId, null);
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("code").asString()).isEqualTo("OCF_EXPORT_UNSUPPORTED");
        assertThat(Api.strings(problem.get("eventTypes")))
                .containsExactly("StockClassSplit adjusting grants or warrants");
    }

    static final String MILESTONE = """
            {"id": "milestone", "name": "On the product launch", "allocationType": "CUMULATIVE_ROUNDING",
             "vestingConditions": [
               {"id": "launch", "portion": {"numerator": "1", "denominator": "1"}, "trigger": {"type": "VESTING_EVENT"},
                "nextConditionIds": []}]}""";

    @Test
    void everyKindOfSecurityIsExportedAndAnExercisedGrantKeepsItsOcfId() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Every Security Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ana = person(base, "Ana Alves", "FOUNDER");
        String eli = person(base, "Eli Employee", "EMPLOYEE");
        String rui = person(base, "Rui Employee", "EMPLOYEE");
        String fund = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INSTITUTION", "name": {"legalName": "Seed Fund LP"},
                 "relationship": "INVESTOR"}""").id();
        String ordinary = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Ordinary", "classType": "COMMON", "certificatePrefix": "ORD-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000000"}""").id();
        String preferred = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Preferred", "classType": "PREFERRED", "certificatePrefix": "PREF-",
                 "votesPerShare": "1", "seniority": 2, "initialSharesAuthorized": "100000",
                 "conversionRights": [{"convertsToStockClassId": "%s", "ratio": {"numerator": "1", "denominator": "1"}}]}"""
                .formatted(ordinary)).id();
        ok(base + "/stock-issuances", """
                {"date": "2020-01-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "100000",
                 "pricePerShare": {"amount": "0.0001", "currency": "GBP"}}""".formatted(ana, ordinary));
        ok(base + "/stock-classes/" + preferred + "/conversion-ratio-adjustments", """
                {"date": "2020-06-01", "convertsToStockClassId": "%s", "newRatio": {"numerator": "2", "denominator": "1"},
                 "comments": "Anti-dilution"}""".formatted(ordinary));
        String plan = ok(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "2020 Plan", "initialSharesReserved": "20000",
                 "stockClassIds": ["%s"]}""".formatted(ordinary)).id();
        String heldPlan = ok(base + "/stock-plans", """
                {"date": "2021-01-01", "planName": "2021 Held Plan", "initialSharesReserved": "1000",
                 "defaultCancellationBehavior": "HOLD_AS_CAPITAL_STOCK", "stockClassIds": ["%s"]}""".formatted(ordinary))
                .id();

        // options and RSUs on the same four-year terms, an option vesting on an event
        grant(base, "OPT-1-ID", eli, plan, ordinary, "OPTION_NSO", "4800", "\"exercisePrice\": {\"amount\": \"0.50\", "
                + "\"currency\": \"GBP\"}, \"vestingTerms\": " + GrantsTest.FOUR_YEARS_ONE_YEAR_CLIFF
                + ", \"vestingStartDate\": \"2020-06-01\", \"terminationExerciseWindows\": [{\"reason\": "
                + "\"VOLUNTARY_OTHER\", \"period\": 3, \"periodType\": \"MONTHS\"}]", "2020-06-01");
        grant(base, "RSU-1-ID", rui, plan, ordinary, "RSU", "1200", "\"vestingTerms\": "
                + GrantsTest.FOUR_YEARS_ONE_YEAR_CLIFF + ", \"vestingStartDate\": \"2020-06-01\"", "2020-06-01");
        grant(base, "MS-1-ID", eli, plan, ordinary, "OPTION_ISO", "500", "\"exercisePrice\": {\"amount\": \"1\", "
                + "\"currency\": \"GBP\"}, \"vestingTerms\": " + MILESTONE, "2020-07-01");
        grant(base, "SAR-1-ID", rui, heldPlan, ordinary, "CSAR", "100", "\"earlyExercisable\": false", "2021-01-01");

        ok(base + "/grants/MS-1-ID/vesting-events", """
                {"date": "2021-03-01", "vestingConditionId": "launch"}""");
        ok(base + "/grants/MS-1-ID/transfers", """
                {"date": "2021-04-01", "toStakeholderId": "%s", "newSecurityId": "MS-2-ID"}""".formatted(ana));
        ok(base + "/grants/MS-2-ID/acceptances", """
                {"date": "2021-04-02"}""");
        // an exercise, a second exercise of its balance, and a cancellation of that balance's balance
        ok(base + "/grants/OPT-1-ID/exercises", """
                {"date": "2021-07-01", "quantity": "1000", "consideration": "GBP 500 by transfer",
                 "resultingSecurityId": "EX-1", "balanceSecurityId": "OPT-2-ID"}""");
        ok(base + "/grants/OPT-2-ID/exercises", """
                {"date": "2021-08-01", "quantity": "200", "resultingSecurityId": "EX-2", "balanceSecurityId": "OPT-3-ID"}""");
        ok(base + "/grants/OPT-3-ID/cancellations", """
                {"date": "2022-01-15", "quantity": "3000", "reason": "Left the company", "balanceSecurityId": "OPT-4-ID"}""");
        ok(base + "/grants/OPT-4-ID/repricings", """
                {"date": "2022-03-01", "newExercisePrice": {"amount": "0.25", "currency": "GBP"}}""");
        ok(base + "/grants/RSU-1-ID/releases", """
                {"date": "2021-07-01", "quantity": "300", "resultingSecurityId": "RSU-STOCK", "balanceSecurityId": "RSU-2-ID"}""");
        ok(base + "/grants/RSU-2-ID/vesting-accelerations", """
                {"date": "2021-09-01", "quantity": "100", "reason": "Launch bonus"}""");
        ok(base + "/grants/SAR-1-ID/cancellations", """
                {"date": "2021-02-01", "quantity": "100", "reason": "Forfeited"}""");
        ok(base + "/grants/SAR-1-ID/returns-to-pool", """
                {"date": "2021-03-01", "quantity": "100"}""");

        ok(base + "/warrant-issuances", """
                {"date": "2021-01-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "5000",
                 "exercisePrice": {"amount": "1", "currency": "GBP"}, "purchasePrice": {"amount": "0", "currency": "GBP"},
                 "expirationDate": "2031-01-01", "securityId": "W-1-ID"}""".formatted(fund, ordinary));
        ok(base + "/warrants/W-1-ID/exercises", """
                {"date": "2022-01-01", "quantity": "2000", "consideration": "GBP 2,000", "resultingSecurityId": "W-STOCK",
                 "balanceSecurityId": "W-2-ID"}""");
        ok(base + "/warrants/W-2-ID/cancellations", """
                {"date": "2022-02-01", "quantity": "1000", "reason": "Partly waived", "balanceSecurityId": "W-3-ID"}""");
        ok(base + "/convertible-issuances", """
                {"date": "2022-02-01", "stakeholderId": "%s", "convertibleType": "SAFE", "proRata": true,
                 "investmentAmount": {"amount": "250000", "currency": "GBP"}, "securityId": "SAFE-1-ID",
                 "terms": {"valuationCap": {"amount": "5000000", "currency": "GBP"}, "discount": "0.2",
                           "timing": "POST_MONEY"}}""".formatted(fund));
        ok(base + "/convertibles/SAFE-1-ID/conversions", """
                {"date": "2023-06-01", "stockClassId": "%s", "quantity": "62500", "reason": "Series A at the cap",
                 "resultingSecurityId": "SAFE-STOCK"}""".formatted(ordinary));
        ok(base + "/convertible-issuances", """
                {"date": "2022-03-01", "stakeholderId": "%s", "convertibleType": "NOTE", "securityId": "NOTE-1-ID",
                 "investmentAmount": {"amount": "10000", "currency": "GBP"},
                 "terms": {"stockClassId": "%s", "conversionPrice": {"amount": "2", "currency": "GBP"},
                           "interestRate": "0.05", "maturityDate": "2024-03-01"}}""".formatted(ana, preferred));
        Api.Response split = ok(base + "/stock-classes/" + ordinary + "/splits", """
                {"date": "2024-01-01", "ratio": {"numerator": "2", "denominator": "1"}}""");

        Map<String, byte[]> files = exportOk(base, "2023-12-31");
        assertThat(files).containsOnlyKeys("Manifest.ocf.json", "Stakeholders.ocf.json", "StockClasses.ocf.json",
                "StockPlans.ocf.json", "VestingTerms.ocf.json", "Transactions.ocf.json");
        JsonNode manifest = JSON.readTree(files.get("Manifest.ocf.json"));
        assertThat(manifest.get("vesting_terms_files").get(0).get("filepath").asString())
                .isEqualTo("./VestingTerms.ocf.json");

        // identical terms are written once, under the first grant's id; OCF's reader gives back Capledger's terms
        JsonNode terms = items(files, "VestingTerms.ocf.json");
        assertThat(Api.texts(terms, "id")).containsExactly("vesting-OPT-1-ID", "vesting-MS-1-ID");
        VestingTerms fourYears = OcfVestingJson.terms(terms.get(0));
        assertThat(fourYears.name()).isEqualTo("Four years monthly, one-year cliff");
        assertThat(fourYears.vestingConditions()).extracting(c -> c.id()).containsExactly("start", "cliff", "monthly");

        JsonNode conversionRight = items(files, "StockClasses.ocf.json").get(1).get("conversion_rights").get(0);
        assertThat(conversionRight.get("conversion_mechanism").get("conversion_price").toString())
                .isEqualTo("{\"amount\":\"0\",\"currency\":\"GBP\"}");

        JsonNode transactions = items(files, "Transactions.ocf.json");
        Map<String, JsonNode> tx = new LinkedHashMap<>();
        transactions.forEach(t -> tx.put(t.get("id").asString(), t));
        assertThat(tx).hasSize(transactions.size());
        assertThat(Api.texts(transactions, "object_type")).contains("TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT",
                "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_VESTING_START", "TX_VESTING_EVENT", "TX_VESTING_ACCELERATION",
                "TX_EQUITY_COMPENSATION_TRANSFER", "TX_EQUITY_COMPENSATION_ACCEPTANCE",
                "TX_EQUITY_COMPENSATION_EXERCISE", "TX_EQUITY_COMPENSATION_CANCELLATION",
                "TX_EQUITY_COMPENSATION_REPRICING", "TX_EQUITY_COMPENSATION_RELEASE", "TX_STOCK_PLAN_RETURN_TO_POOL",
                "TX_WARRANT_ISSUANCE", "TX_WARRANT_EXERCISE", "TX_WARRANT_CANCELLATION", "TX_CONVERTIBLE_ISSUANCE",
                "TX_CONVERTIBLE_CONVERSION", "TX_STOCK_ISSUANCE").doesNotContain("TX_STOCK_CLASS_SPLIT");

        JsonNode ratio = transactions.get(1);
        assertThat(ratio.get("object_type").asString()).isEqualTo("TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT");
        assertThat(ratio.get("new_ratio_conversion_mechanism").get("ratio").get("numerator").asString()).isEqualTo("2");
        assertThat(Api.strings(ratio.get("comments")))
                .containsExactly("Anti-dilution", "capledger:convertsToStockClassId=" + ordinary);

        JsonNode option = tx.get("issuance-OPT-1-ID");
        assertThat(option.get("object_type").asString()).isEqualTo("TX_EQUITY_COMPENSATION_ISSUANCE");
        assertThat(option.get("security_id").asString()).isEqualTo("OPT-1-ID");
        assertThat(option.get("custom_id").asString()).isEqualTo("OPT-1");
        assertThat(option.get("stakeholder_id").asString()).isEqualTo(eli);
        assertThat(option.get("stock_plan_id").asString()).isEqualTo(plan);
        assertThat(option.get("stock_class_id").asString()).isEqualTo(ordinary);
        assertThat(option.get("compensation_type").asString()).isEqualTo("OPTION_NSO");
        assertThat(option.get("quantity").asString()).isEqualTo("4800");
        assertThat(option.get("exercise_price").get("amount").asString()).isEqualTo("0.5");
        assertThat(option.get("early_exercisable").asBoolean()).isFalse();
        assertThat(option.get("vesting_terms_id").asString()).isEqualTo("vesting-OPT-1-ID");
        assertThat(option.get("expiration_date").asString()).isEqualTo("2030-05-31");
        assertThat(option.get("termination_exercise_windows").toString())
                .isEqualTo("[{\"reason\":\"VOLUNTARY_OTHER\",\"period\":3,\"period_type\":\"MONTHS\"}]");
        assertThat(option.get("security_law_exemptions")).isEmpty();
        assertThat(tx.get("vesting-start-OPT-1-ID").get("vesting_condition_id").asString()).isEqualTo("start");
        assertThat(tx.get("vesting-start-OPT-1-ID").get("date").asString()).isEqualTo("2020-06-01");
        assertThat(tx.get("issuance-RSU-1-ID").get("vesting_terms_id").asString()).isEqualTo("vesting-OPT-1-ID");
        assertThat(tx.get("issuance-RSU-1-ID").has("exercise_price")).isFalse();
        assertThat(tx.get("issuance-MS-1-ID").get("vesting_terms_id").asString()).isEqualTo("vesting-MS-1-ID");
        assertThat(tx.get("issuance-SAR-1-ID").get("base_price").toString())
                .isEqualTo("{\"amount\":\"0\",\"currency\":\"GBP\"}");
        assertThat(tx.get("issuance-SAR-1-ID").has("vesting_terms_id")).isFalse();

        JsonNode event = tx.get("vesting-event-MS-1-ID-launch-2021-03-01");
        assertThat(event.get("object_type").asString()).isEqualTo("TX_VESTING_EVENT");
        assertThat(event.get("security_id").asString()).isEqualTo("MS-1-ID");
        JsonNode transfer = tx.get("transfer-MS-1-ID");
        assertThat(transfer.get("quantity").asString()).isEqualTo("500");
        assertThat(Api.strings(transfer.get("resulting_security_ids"))).containsExactly("MS-2-ID");
        assertThat(tx.get("issuance-MS-2-ID").get("stakeholder_id").asString()).isEqualTo(ana);
        assertThat(tx.get("issuance-MS-2-ID").get("vesting_terms_id").asString()).isEqualTo("vesting-MS-1-ID");
        // the transferee's grant vests on from its source: the event met is carried over, on its own date (the
        // transactions are written in effective-date order, so before the transfer; an import leaves it out)
        JsonNode carriedEvent = tx.get("vesting-event-MS-2-ID-launch-2021-03-01");
        assertThat(carriedEvent.get("security_id").asString()).isEqualTo("MS-2-ID");
        assertThat(carriedEvent.get("date").asString()).isEqualTo("2021-03-01");
        assertThat(Api.strings(carriedEvent.get("comments"))).containsExactly("capledger:carriedOverFrom=MS-1-ID");
        assertThat(tx.get("acceptance-MS-2-ID").get("object_type").asString())
                .isEqualTo("TX_EQUITY_COMPENSATION_ACCEPTANCE");

        // both exercises name the grant's first id; the stock carries the exercise price
        JsonNode first = tx.get("exercise-OPT-1-ID");
        assertThat(first.get("security_id").asString()).isEqualTo("OPT-1-ID");
        assertThat(first.get("quantity").asString()).isEqualTo("1000");
        assertThat(Api.strings(first.get("resulting_security_ids"))).containsExactly("EX-1");
        assertThat(first.get("consideration_text").asString()).isEqualTo("GBP 500 by transfer");
        assertThat(first.has("balance_security_id")).isFalse();
        JsonNode exercised = tx.get("issuance-EX-1");
        assertThat(exercised.get("object_type").asString()).isEqualTo("TX_STOCK_ISSUANCE");
        assertThat(exercised.get("quantity").asString()).isEqualTo("1000");
        assertThat(exercised.get("stakeholder_id").asString()).isEqualTo(eli);
        assertThat(exercised.get("share_price").toString()).isEqualTo("{\"amount\":\"0.5\",\"currency\":\"GBP\"}");
        assertThat(indexOf(transactions, "issuance-EX-1")).isLessThan(indexOf(transactions, "exercise-OPT-1-ID"));
        JsonNode second = tx.get("exercise-OPT-1-ID-2021-08-01-1");
        assertThat(second.get("security_id").asString()).isEqualTo("OPT-1-ID");
        assertThat(second.get("quantity").asString()).isEqualTo("200");
        assertThat(Api.strings(second.get("resulting_security_ids"))).containsExactly("EX-2");
        // on the balance OPT-3-ID, which carries OPT-1-ID's OCF id: named by that id and the date
        JsonNode cancellation = tx.get("cancellation-OPT-1-ID-2022-01-15-1");
        assertThat(cancellation.get("object_type").asString()).isEqualTo("TX_EQUITY_COMPENSATION_CANCELLATION");
        assertThat(cancellation.get("security_id").asString()).isEqualTo("OPT-1-ID");
        assertThat(cancellation.get("quantity").asString()).isEqualTo("3000");
        assertThat(cancellation.get("reason_text").asString()).isEqualTo("Left the company");
        assertThat(cancellation.get("balance_security_id").asString()).isEqualTo("OPT-4-ID");
        // the cancellation's balance is an issuance of its own, with the terms and the vesting start it keeps
        JsonNode balance = tx.get("issuance-OPT-4-ID");
        String balanceLabel = api.get(base + "/grants/OPT-4-ID").json().get("label").asString();
        assertThat(balance.get("custom_id").asString()).isEqualTo(balanceLabel).isNotEqualTo("OPT-1");
        assertThat(balance.get("quantity").asString()).isEqualTo("600");
        assertThat(balance.get("date").asString()).isEqualTo("2022-01-15");
        assertThat(balance.get("vesting_terms_id").asString()).isEqualTo("vesting-OPT-1-ID");
        assertThat(balance.get("exercise_price").get("amount").asString()).isEqualTo("0.5");
        JsonNode carried = tx.get("vesting-start-OPT-4-ID");
        assertThat(carried.get("security_id").asString()).isEqualTo("OPT-4-ID");
        assertThat(carried.get("date").asString()).isEqualTo("2020-06-01");
        assertThat(Api.strings(carried.get("comments"))).containsExactly("capledger:carriedOverFrom=OPT-1-ID");
        String cancelled = "cancellation-OPT-1-ID-2022-01-15-1";
        assertThat(indexOf(transactions, "issuance-OPT-4-ID")).isLessThan(indexOf(transactions, cancelled));
        assertThat(indexOf(transactions, cancelled)).isLessThan(indexOf(transactions, "vesting-start-OPT-4-ID"));
        JsonNode repricing = tx.values().stream()
                .filter(t -> t.get("object_type").asString().equals("TX_EQUITY_COMPENSATION_REPRICING")).findFirst()
                .orElseThrow();
        assertThat(repricing.get("security_id").asString()).isEqualTo("OPT-4-ID");
        assertThat(repricing.get("new_exercise_price").get("amount").asString()).isEqualTo("0.25");

        JsonNode release = tx.get("release-RSU-1-ID");
        assertThat(release.get("security_id").asString()).isEqualTo("RSU-1-ID");
        assertThat(release.get("quantity").asString()).isEqualTo("300");
        assertThat(release.get("settlement_date").asString()).isEqualTo("2021-07-01");
        assertThat(release.get("release_price").toString()).isEqualTo("{\"amount\":\"0\",\"currency\":\"GBP\"}");
        assertThat(Api.strings(release.get("resulting_security_ids"))).containsExactly("RSU-STOCK");
        JsonNode acceleration = only(transactions, "TX_VESTING_ACCELERATION");
        assertThat(acceleration.get("security_id").asString()).isEqualTo("RSU-1-ID");
        assertThat(acceleration.get("quantity").asString()).isEqualTo("100");
        assertThat(acceleration.get("reason_text").asString()).isEqualTo("Launch bonus");
        JsonNode returned = only(transactions, "TX_STOCK_PLAN_RETURN_TO_POOL");
        assertThat(returned.get("security_id").asString()).isEqualTo("SAR-1-ID");
        assertThat(returned.get("stock_plan_id").asString()).isEqualTo(heldPlan);
        assertThat(returned.get("quantity").asString()).isEqualTo("100");

        JsonNode warrant = tx.get("issuance-W-1-ID");
        assertThat(warrant.get("object_type").asString()).isEqualTo("TX_WARRANT_ISSUANCE");
        assertThat(warrant.get("quantity").asString()).isEqualTo("5000");
        assertThat(warrant.get("purchase_price").get("amount").asString()).isEqualTo("0");
        assertThat(warrant.get("warrant_expiration_date").asString()).isEqualTo("2031-01-01");
        JsonNode trigger = warrant.get("exercise_triggers").get(0);
        assertThat(trigger.get("trigger_id").asString()).isEqualTo("W-1-ID.exercise");
        assertThat(trigger.get("type").asString()).isEqualTo("ELECTIVE_AT_WILL");
        assertThat(trigger.get("conversion_right").get("conversion_mechanism").get("converts_to_quantity").asString())
                .isEqualTo("5000");
        assertThat(trigger.get("conversion_right").get("converts_to_stock_class_id").asString()).isEqualTo(ordinary);
        JsonNode warrantExercise = tx.get("exercise-W-1-ID");
        assertThat(warrantExercise.get("object_type").asString()).isEqualTo("TX_WARRANT_EXERCISE");
        assertThat(warrantExercise.get("trigger_id").asString()).isEqualTo("W-1-ID.exercise");
        assertThat(Api.strings(warrantExercise.get("resulting_security_ids"))).containsExactly("W-STOCK");
        assertThat(tx.get("issuance-W-STOCK").get("quantity").asString()).isEqualTo("2000");
        assertThat(tx.get("issuance-W-STOCK").get("share_price").get("amount").asString()).isEqualTo("1");
        JsonNode warrantCancellation = tx.get("cancellation-W-1-ID-2022-02-01-1");
        assertThat(warrantCancellation.get("security_id").asString()).isEqualTo("W-1-ID");
        assertThat(warrantCancellation.get("quantity").asString()).isEqualTo("1000");
        assertThat(warrantCancellation.get("balance_security_id").asString()).isEqualTo("W-3-ID");
        assertThat(tx.get("issuance-W-3-ID").get("quantity").asString()).isEqualTo("2000");
        assertThat(tx.get("issuance-W-3-ID").get("exercise_triggers").get(0).get("trigger_id").asString())
                .isEqualTo("W-3-ID.exercise");

        JsonNode safe = tx.get("issuance-SAFE-1-ID");
        assertThat(safe.get("convertible_type").asString()).isEqualTo("SAFE");
        assertThat(safe.get("investment_amount").get("amount").asString()).isEqualTo("250000");
        assertThat(safe.get("seniority").asInt()).isEqualTo(1);
        JsonNode safeRight = safe.get("conversion_triggers").get(0).get("conversion_right");
        assertThat(safeRight.get("conversion_mechanism").toString()).isEqualTo("{\"type\":\"SAFE_CONVERSION\","
                + "\"conversion_discount\":\"0.2\",\"conversion_valuation_cap\":{\"amount\":\"5000000\",\"currency\":"
                + "\"GBP\"},\"conversion_mfn\":false,\"conversion_timing\":\"POST_MONEY\"}");
        assertThat(Api.strings(safe.get("comments"))).containsExactly("capledger:proRata=true");
        JsonNode conversion = tx.get("conversion-SAFE-1-ID");
        assertThat(conversion.get("trigger_id").asString()).isEqualTo("SAFE-1-ID.conversion");
        assertThat(conversion.get("reason_text").asString()).isEqualTo("Series A at the cap");
        assertThat(Api.strings(conversion.get("resulting_security_ids"))).containsExactly("SAFE-STOCK");
        assertThat(tx.get("issuance-SAFE-STOCK").get("quantity").asString()).isEqualTo("62500");
        assertThat(tx.get("issuance-SAFE-STOCK").get("share_price").get("amount").asString()).isEqualTo("4");
        JsonNode note = tx.get("issuance-NOTE-1-ID");
        JsonNode noteRight = note.get("conversion_triggers").get(0).get("conversion_right");
        assertThat(noteRight.get("converts_to_stock_class_id").asString()).isEqualTo(preferred);
        assertThat(noteRight.get("conversion_mechanism").get("interest_rates").toString()).isEqualTo(
                "[{\"rate\":\"0.05\",\"accrual_start_date\":\"2022-03-01\",\"accrual_end_date\":\"2024-03-01\"}]");
        assertThat(Api.strings(note.get("comments"))).containsExactly("capledger:conversionPrice=2 GBP");

        // a balance an exercise or release left is never an issuance, and no transaction names it
        List<String> named = new ArrayList<>();
        for (JsonNode t : transactions) {
            for (String field : List.of("security_id", "balance_security_id")) {
                if (t.has(field)) {
                    named.add(t.get(field).asString());
                }
            }
            if (t.has("resulting_security_ids")) {
                named.addAll(Api.strings(t.get("resulting_security_ids")));
            }
        }
        assertThat(named).contains("OPT-1-ID", "OPT-4-ID", "RSU-1-ID", "W-1-ID", "W-3-ID")
                .doesNotContain("OPT-2-ID", "OPT-3-ID", "RSU-2-ID", "W-2-ID");

        // the split adjusted the options, the RSUs and the warrant: OCF 1.2 cannot say that
        HttpResponse<byte[]> refused = OcfExports.export(port, api.token(), issuerId, null);
        assertThat(refused.statusCode()).as(split.text()).isEqualTo(422);
        assertThat(Api.strings(JSON.readTree(refused.body()).get("eventTypes")))
                .containsExactly("StockClassSplit adjusting grants or warrants");
    }

    @Test
    void sharedVestingTermsAreNamedAfterTheEarliestGrantSoABackDatedGrantSurvivesTheRoundTrip() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Back-dated Grants Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String eli = person(base, "Eli Employee", "EMPLOYEE");
        String ordinary = ok(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Ordinary", "classType": "COMMON", "certificatePrefix": "ORD-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000000"}""").id();
        String plan = ok(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "2020 Plan", "initialSharesReserved": "20000",
                 "stockClassIds": ["%s"]}""".formatted(ordinary)).id();
        String terms = "\"exercisePrice\": {\"amount\": \"0.50\", \"currency\": \"GBP\"}, \"vestingTerms\": "
                + GrantsTest.FOUR_YEARS_ONE_YEAR_CLIFF;
        // recorded first, dated later; then a back-dated grant on the same terms
        grant(base, "LATER-ID", eli, plan, ordinary, "OPTION_NSO", "1000", terms, "2022-01-01");
        grant(base, "EARLIER-ID", eli, plan, ordinary, "OPTION_NSO", "2000", terms, "2021-01-01");

        Map<String, byte[]> files = exportOk(base, null);
        assertThat(Api.texts(items(files, "VestingTerms.ocf.json"), "id")).containsExactly("vesting-EARLIER-ID");
        Map<String, String> named = new LinkedHashMap<>();
        items(files, "Transactions.ocf.json").forEach(tx -> {
            if (tx.has("vesting_terms_id")) {
                named.put(tx.get("security_id").asString(), tx.get("vesting_terms_id").asString());
            }
        });
        assertThat(named).containsExactly(Map.entry("EARLIER-ID", "vesting-EARLIER-ID"),
                Map.entry("LATER-ID", "vesting-EARLIER-ID"));
        assertThat(OcfRoundTrip.of(api, port, issuerId).differences()).isEmpty();
    }

    private String person(String base, String name, String relationship) {
        return ok(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "%s"}, "relationship": "%s"}"""
                .formatted(name, relationship)).id();
    }

    private void grant(String base, String id, String holder, String plan, String stockClass, String type,
                       String quantity, String more, String date) {
        String expiration = LocalDate.parse(date).plusYears(10).minusDays(1).toString();
        ok(base + "/equity-compensation-issuances", """
                {"securityId": "%s", "date": "%s", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "%s", "quantity": "%s", "expirationDate": "%s", %s}"""
                .formatted(id, date, holder, plan, stockClass, type, quantity, expiration, more));
    }

    private Api.Response ok(String path, String body) {
        Api.Response response = api.command(path, body);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response;
    }

    /** Exports as of {@code asOf} (null: today), checks the answer is a valid package and returns its files. */
    private Map<String, byte[]> exportOk(String base, String asOf) {
        HttpResponse<byte[]> response = OcfExports.export(port, api.token(), base.substring("/api/issuers/".length()),
                asOf);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertValid(response.body());
        return unzip(response.body());
    }

    private static int indexOf(JsonNode transactions, String id) {
        return Api.texts(transactions, "id").indexOf(id);
    }

    private static JsonNode only(JsonNode transactions, String objectType) {
        List<JsonNode> found = new ArrayList<>();
        transactions.forEach(t -> {
            if (t.get("object_type").asString().equals(objectType)) {
                found.add(t);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

}
