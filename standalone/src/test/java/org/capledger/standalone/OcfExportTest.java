package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.capledger.platform.ocf.OcfReport;
import org.capledger.platform.ocf.OcfValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCF export of a company with a transfer, a split and a cancellation: a zip whose manifest lists every file with
 * its MD5, each security as an issuance under its own id, the terminal transactions naming their results, and the
 * split's reissuances pointing at the split. Schema validation of exports comes with the OCF validator.
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
                "TX_STOCK_REISSUANCE", "TX_STOCK_ISSUANCE", "TX_STOCK_REISSUANCE");
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
    void plansAndStakeholderChangesAreExportedAndGrantsAreRefusedForNow() throws Exception {
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
        api.command(base + "/stakeholders/" + eli + "/status-changes", """
                {"date": "2022-06-30", "newStatus": "TERMINATION_VOLUNTARY_OTHER"}""");
        api.command(base + "/stakeholders/" + eli + "/relationship-changes", """
                {"date": "2022-06-30", "relationshipStarted": "EX_EMPLOYEE", "relationshipEnded": "EMPLOYEE"}""");

        Map<String, byte[]> files = unzip(HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + base + "/ocf-export?asOf=2023-01-01"))
                .header("Authorization", "Bearer " + api.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        assertValid(zip(files));
        JsonNode plans = JSON.readTree(files.get("StockPlans.ocf.json")).get("items");
        assertThat(plans.get(0).get("plan_name").asString()).isEqualTo("2020 Plan");
        assertThat(plans.get(0).get("default_cancellation_behavior").asString()).isEqualTo("RETIRE");
        JsonNode eliObject = JSON.readTree(files.get("Stakeholders.ocf.json")).get("items").get(0);
        assertThat(eliObject.get("current_status").asString()).isEqualTo("TERMINATION_VOLUNTARY_OTHER");
        assertThat(eliObject.get("current_relationship").asString()).isEqualTo("EX_EMPLOYEE");
        assertThat(Api.texts(JSON.readTree(files.get("Transactions.ocf.json")).get("items"), "object_type"))
                .containsExactly("TX_STOCK_PLAN_POOL_ADJUSTMENT", "CE_STAKEHOLDER_STATUS",
                        "CE_STAKEHOLDER_RELATIONSHIP");

        Api.Response grant = api.command(base + "/equity-compensation-issuances", """
                {"date": "2021-01-15", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "OPTION_NSO", "quantity": "100", "exercisePrice": {"amount": "1", "currency": "GBP"},
                 "expirationDate": "2031-01-14"}""".formatted(eli, plan, common));
        assertThat(grant.status()).as(grant.text()).isEqualTo(201);
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + base + "/ocf-export"))
                .header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("OCF_EXPORT_UNSUPPORTED", "EquityCompensationIssued");
    }

    /** The export validates against the OCF 1.2 schemas with no error (warnings allowed). */
    private static void assertValid(byte[] zip) throws IOException {
        Path file = Files.createTempFile("export", ".ocf.zip");
        try {
            Files.write(file, zip);
            OcfReport report = new OcfValidator().validate(file);
            assertThat(report.errors()).as("schema errors in the export").isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.capledger.query.ocf.OcfExporter.zip(files, out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
