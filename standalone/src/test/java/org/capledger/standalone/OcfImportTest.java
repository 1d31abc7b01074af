package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OCF packages imported over REST ({@code POST /api/ocf/imports}, then polling the import): sample and hand-written
 * packages import; broken ones record nothing and report every problem.
 */
class OcfImportTest extends EndToEndTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    static List<String> rules(JsonNode status, String severity) {
        return java.util.stream.StreamSupport.stream(status.get("report").spliterator(), false)
                .filter(i -> i.get("severity").asString().equals(severity))
                .map(i -> i.get("rule").asString()).toList();
    }

    @Test
    void aValidPackageBecomesAnIssuerOwnedByTheImporter() {
        JsonNode done = importPackage(OcfPackages.of("/ocf/handwritten/valid").zip(), "");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
        assertThat(done.get("errors").asInt()).isZero();
        String issuerId = done.get("issuerId").asString();
        assertThat(done.get("events").asLong()).isEqualTo(events(issuerId)).isPositive();

        String base = "/api/issuers/" + issuerId;
        assertThat(api.get(base).json().get("legalName").asString()).isEqualTo("Handwritten Holdings, Inc.");
        assertThat(api.get(base + "/members").json().toString()).contains(
                api.get("/api/auth/me").json().get("accountId").asString(), "OWNER");
        JsonNode capTable = api.get(base + "/cap-table").json();
        assertThat(capTable.get("totals").get("sharesOutstanding").asString()).isEqualTo("1000");
        assertThat(Api.texts(capTable.get("holders"), "name")).containsExactlyInAnyOrder("Ada Lovelace",
                "Bob Babbage");
        JsonNode ada = api.get(base + "/securities/sec-3").json();
        assertThat(ada.get("stakeholderId").asString()).isEqualTo("ada");
        assertThat(ada.get("quantity").asString()).isEqualTo("700");
        JsonNode first = api.get(base + "/securities/sec-1").json();
        assertThat(first.get("status").asString()).isEqualTo("TRANSFERRED");
        assertThat(api.get(base + "/cap-table?asOf=2021-02-28").json().get("holders").get(0).get("sharesOutstanding")
                .asString()).isEqualTo("1000");
        JsonNode trail = api.get(base + "/audit-trail?size=50").json();
        assertThat(trail.get("items").size()).isEqualTo(events(issuerId));
    }

    @Test
    void theQuickstartImportsDespiteItsManifestNamingStakeholdersJson() {
        JsonNode done = importPackage(OcfPackages.of("/ocf/packages/quickstart").zip(),
                "?checksumMismatch=WARNING");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
        assertThat(rules(done, "WARNING")).contains("FILE_NAME_MISMATCH", "CHECKSUM_MISMATCH");
    }

    @Test
    void theOptionsTutorialImports() {
        JsonNode done = importPackage(OcfPackages.of("/ocf/packages/options").zip(), "?checksumMismatch=WARNING");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
    }

    @Test
    void anOverIssuanceRecordsNothingAndIsReportedWithItsPlace() {
        Map<String, Long> before = counts();
        byte[] zip = OcfPackages.of("/ocf/handwritten/valid")
                .edit("StockClasses.ocf.json", s -> s.replaceFirst("\"initial_shares_authorized\": \"\\d+\"",
                        "\"initial_shares_authorized\": \"10\""))
                .withChecksums().zip();
        JsonNode done = importPackage(zip, "");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("FAILED");
        assertThat(rules(done, "ERROR")).containsExactly("REFUSED");
        assertThat(rules(done, "WARNING")).containsExactly("NOT_CHECKED");
        assertThat(counts()).isEqualTo(before);
        JsonNode refusal = done.get("report").get(0);
        assertThat(refusal.get("file").asString()).isEqualTo("Transactions.ocf.json");
        assertThat(refusal.get("itemId").asString()).isEqualTo("si-1");
        assertThat(refusal.get("path").asString()).isEqualTo("$.items[0]");
        assertThat(refusal.get("message").asString()).startsWith("AUTHORIZED_SHARES_EXCEEDED");
    }

    @Test
    void everyQuirkIsAWarningAndTheLabelsAreThePackagesCustomIds() {
        JsonNode done = importPackage(OcfPackages.of("/ocf/handwritten/quirks").zip(), "");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
        assertThat(rules(done, "ERROR")).isEmpty();
        assertThat(rules(done, "WARNING")).contains("OCF_VERSION_NOT_LISTED", "FILE_NAME_MISMATCH", "DROPPED_FIELD",
                "EMPTY_OPTIONAL_ID", "OBJECT_TYPE_NOT_IN_FILE_SCHEMA");
        String base = "/api/issuers/" + done.get("issuerId").asString();
        assertThat(api.get(base + "/securities/sec-1").json().get("label").asString()).isEqualTo("SI-1");
        JsonNode bobs = api.get(base + "/securities/sec-2").json();
        assertThat(bobs.get("label").asString()).isEqualTo("CS-2");
        assertThat(bobs.get("quantity").asString()).isEqualTo("1000");
        assertThat(bobs.get("stakeholderId").asString()).isEqualTo("bob");
        assertThat(api.get(base).json().get("sharesAuthorized").asString()).isEqualTo("20000000");
    }

    @Test
    void anOcf10PackageWithTransactionsSplitOverThreeFilesImportsInDateOrder() {
        JsonNode done = importPackage(OcfPackages.of("/ocf/handwritten/split-1.0").zip(), "");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
        assertThat(rules(done, "WARNING")).containsExactly("OCF_VERSION_NOT_LISTED");
        String base = "/api/issuers/" + done.get("issuerId").asString();
        JsonNode exercised = api.get(base + "/securities/sec-2").json();
        assertThat(exercised.get("stakeholderId").asString()).isEqualTo("bob");
        assertThat(exercised.get("origin").asString()).isEqualTo("EXERCISE");
        assertThat(exercised.get("label").asString()).isEqualTo("CS-2");
        assertThat(api.get(base + "/grants/opt-1").json().get("label").asString()).isEqualTo("OPT-1");
    }

    @Test
    void aDryRunChecksEverythingAndRecordsNothing() {
        Map<String, Long> before = counts();
        JsonNode done = importPackage(OcfPackages.of("/ocf/handwritten/valid").zip(), "?dryRun=true");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("VALID");
        assertThat(done.get("recorded").asInt()).isEqualTo(6);
        assertThat(done.get("events").asLong()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPackageWhoseIssuerExistsIsANewIssuerOrRefusedWhenAsked() {
        String id = "issuer-" + java.util.UUID.randomUUID();
        byte[] zip = OcfPackages.of("/ocf/handwritten/split-1.0")
                .edit("Manifest.ocf.json", s -> s.replace("handwritten-issuer", id)).zip();
        String first = importPackage(zip, "").get("issuerId").asString();
        assertThat(first).as("the package's own id, while it is free").isEqualTo(id);
        JsonNode again = importPackage(zip, "");
        assertThat(again.get("status").asString()).isEqualTo("IMPORTED");
        assertThat(again.get("issuerId").asString()).isNotEqualTo(first);
        Map<String, Long> before = counts();
        JsonNode refused = importPackage(zip, "?existingIssuer=REFUSE");
        assertThat(refused.get("status").asString()).isEqualTo("FAILED");
        assertThat(rules(refused, "ERROR")).containsExactly("ISSUER_EXISTS");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void brokenJsonSchemaViolationsAndChecksumMismatchesRecordNothingAndAreAllReported() {
        Map<String, Long> before = counts();
        JsonNode broken = importPackage(OcfPackages.of("/ocf/handwritten/broken-json").zip(), "");
        assertThat(broken.get("status").asString()).isEqualTo("FAILED");
        assertThat(rules(broken, "ERROR")).containsExactly("INVALID_JSON");
        assertThat(broken.get("report").get(0).get("message").asString()).contains("line");

        JsonNode schema = importPackage(OcfPackages.of("/ocf/handwritten/schema-violation").zip(), "");
        assertThat(schema.get("status").asString()).isEqualTo("FAILED");
        assertThat(rules(schema, "ERROR")).hasSizeGreaterThanOrEqualTo(2).allMatch(r -> r.equals("SCHEMA"));
        assertThat(schema.get("report").toString()).contains("si-1", "st-1", "$.items[1].date");

        JsonNode checksum = importPackage(OcfPackages.of("/ocf/handwritten/checksum-mismatch").zip(), "");
        assertThat(checksum.get("status").asString()).isEqualTo("FAILED");
        assertThat(rules(checksum, "ERROR")).containsExactly("CHECKSUM_MISMATCH");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anUnknownStakeholderRecordsNothing() {
        Map<String, Long> before = counts();
        byte[] zip = OcfPackages.of("/ocf/handwritten/valid")
                .edit("Transactions.ocf.json", s -> s.replace("\"stakeholder_id\": \"bob\"",
                        "\"stakeholder_id\": \"nobody\""))
                .withChecksums().zip();
        JsonNode done = importPackage(zip, "");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("FAILED");
        assertThat(done.get("report").toString()).contains("No stakeholder 'nobody' in the package");
        assertThat(rules(done, "ERROR")).containsExactly("UNKNOWN_REFERENCE");
        assertThat(done.get("report").toString()).contains("\"itemId\":\"st-1\"");
        assertThat(counts()).isEqualTo(before);
    }

    /**
     * A failed import recorded commands in a transaction it then rolled back: the issuer must not exist, for a command
     * sent to it or for the same package imported again (CapTableCacheEvictionTest shows the cache's part).
     */
    @Test
    void aFailedImportLeavesNothingBehindForTheNextImportOfTheSameIssuer() {
        String id = "issuer-" + java.util.UUID.randomUUID();
        byte[] failing = OcfPackages.of("/ocf/handwritten/valid")
                .edit("Manifest.ocf.json", s -> s.replace("handwritten-issuer", id))
                .edit("Transactions.ocf.json", s -> s.replaceFirst("\"quantity\": \"300\"", "\"quantity\": \"3000\""))
                .withChecksums().zip();
        JsonNode failed = importPackage(failing, "");
        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(rules(failed, "ERROR")).containsExactly("INCONSISTENT");
        // straight to the aggregate, as REST would after its own checks: the issuer must not exist
        org.axonframework.commandhandling.GenericCommandMessage<?> command =
                new org.axonframework.commandhandling.GenericCommandMessage<>(
                        new org.capledger.api.stakeholder.RegisterStakeholder(
                                org.capledger.api.value.IssuerId.of(id),
                                org.capledger.api.value.StakeholderId.of("phantom"), java.time.LocalDate.of(2021, 1, 1),
                                org.capledger.api.value.StakeholderType.INDIVIDUAL,
                                new org.capledger.api.value.StakeholderName("Phantom", null, null), null,
                                org.capledger.api.value.StakeholderRelationship.OTHER, null, null))
                        .andMetaData(Map.of(org.capledger.api.MetaDataKeys.ACTOR, "test",
                                org.capledger.api.MetaDataKeys.PLATFORM_ADMIN, true));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOf(org.axonframework.modelling.command.AggregateNotFoundException.class);
        assertThat(events(id)).isZero();

        JsonNode done = importPackage(OcfPackages.of("/ocf/handwritten/valid")
                .edit("Manifest.ocf.json", s -> s.replace("handwritten-issuer", id)).zip(), "");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
        assertThat(done.get("issuerId").asString()).isEqualTo(id);
        assertThat(done.get("events").asLong()).isEqualTo(events(id));
        assertThat(api.get("/api/issuers/" + id + "/securities/sec-3").json().get("quantity").asString())
                .isEqualTo("700");
    }

    /**
     * A warrant exercised twice and a SAFE converted, written as another exporter would: no quantity on the
     * exercises (the resulting stock's), the first naming its rest by Capledger's comments, the second not (a derived
     * id); the SAFE's terms from its SAFE_CONVERSION, its pro rata amount a yes.
     */
    @Test
    void aWarrantPartlyExercisedAndAConvertedSafeImportWithTheirStockRestAndLabels() {
        String extra = """
                ,
                    {"object_type": "TX_WARRANT_ISSUANCE", "id": "wi-1", "security_id": "w-1", "date": "2021-04-01",
                     "stakeholder_id": "bob", "custom_id": "W-100", "security_law_exemptions": [], "quantity": "1000",
                     "quantity_source": "INSTRUMENT_FIXED",
                     "exercise_price": {"amount": "1.00", "currency": "USD"},
                     "purchase_price": {"amount": "0", "currency": "USD"},
                     "exercise_triggers": [{"trigger_id": "w-1.range", "type": "ELECTIVE_IN_RANGE",
                       "start_date": "2021-04-01", "end_date": "2031-04-01",
                       "conversion_right": {"type": "WARRANT_CONVERSION_RIGHT",
                         "conversion_mechanism": {"type": "FIXED_AMOUNT_CONVERSION", "converts_to_quantity": "1000"},
                         "converts_to_stock_class_id": "common"}}],
                     "warrant_expiration_date": "2031-04-01"},
                    {"object_type": "TX_STOCK_ISSUANCE", "id": "si-w-1", "security_id": "w-stock-1",
                     "date": "2022-01-10", "security_law_exemptions": [], "stakeholder_id": "bob", "custom_id": "CS-40",
                     "stock_class_id": "common", "share_price": {"amount": "1.00", "currency": "USD"},
                     "quantity": "400", "stock_legend_ids": []},
                    {"object_type": "TX_WARRANT_EXERCISE", "id": "we-1", "security_id": "w-1", "date": "2022-01-10",
                     "trigger_id": "w-1.range", "resulting_security_ids": ["w-stock-1"],
                     "consideration_text": "USD 400",
                     "comments": ["capledger:balanceSecurityId=w-rest", "capledger:balanceSecurityLabel=W-101"]},
                    {"object_type": "TX_STOCK_ISSUANCE", "id": "si-w-2", "security_id": "w-stock-2",
                     "date": "2022-06-10", "security_law_exemptions": [], "stakeholder_id": "bob", "custom_id": "CS-41",
                     "stock_class_id": "common", "share_price": {"amount": "1.00", "currency": "USD"},
                     "quantity": "100", "stock_legend_ids": []},
                    {"object_type": "TX_WARRANT_EXERCISE", "id": "we-2", "security_id": "w-1", "date": "2022-06-10",
                     "trigger_id": "w-1.range", "resulting_security_ids": ["w-stock-2"]},
                    {"object_type": "TX_CONVERTIBLE_ISSUANCE", "id": "ci-1", "security_id": "safe-1",
                     "date": "2022-02-01", "security_law_exemptions": [], "stakeholder_id": "ada",
                     "custom_id": "SAFE-7", "convertible_type": "SAFE",
                     "investment_amount": {"amount": "250000", "currency": "USD"},
                     "conversion_triggers": [{"trigger_id": "safe-1.next", "type": "AUTOMATIC_ON_CONDITION",
                       "trigger_condition": "The next equity financing",
                       "conversion_right": {"type": "CONVERTIBLE_CONVERSION_RIGHT",
                         "conversion_mechanism": {"type": "SAFE_CONVERSION", "conversion_mfn": false,
                           "conversion_timing": "POST_MONEY", "conversion_discount": "0.2",
                           "conversion_valuation_cap": {"amount": "5000000", "currency": "USD"}},
                         "converts_to_future_round": true}}],
                     "seniority": 1, "pro_rata": "2500"},
                    {"object_type": "TX_STOCK_ISSUANCE", "id": "si-safe", "security_id": "safe-stock",
                     "date": "2023-06-01", "security_law_exemptions": [], "stakeholder_id": "ada", "custom_id": "CS-50",
                     "stock_class_id": "common", "share_price": {"amount": "4.00", "currency": "USD"},
                     "quantity": "62500", "stock_legend_ids": []},
                    {"object_type": "TX_CONVERTIBLE_CONVERSION", "id": "cc-1", "security_id": "safe-1",
                     "date": "2023-06-01", "trigger_id": "safe-1.next", "reason_text": "Series A at the cap",
                     "resulting_security_ids": ["safe-stock"]}
                  ]
                }""";
        byte[] zip = OcfPackages.of("/ocf/handwritten/valid")
                .edit("Transactions.ocf.json", s -> s.substring(0, s.lastIndexOf('}', s.lastIndexOf(']'))) + "}"
                        + extra)
                .withChecksums().zip();
        JsonNode done = importPackage(zip, "");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
        assertThat(rules(done, "ERROR")).isEmpty();
        String base = "/api/issuers/" + done.get("issuerId").asString();

        JsonNode first = api.get(base + "/securities/w-stock-1").json();
        assertThat(first.get("stakeholderId").asString()).isEqualTo("bob");
        assertThat(first.get("quantity").asString()).isEqualTo("400");
        assertThat(first.get("label").asString()).isEqualTo("CS-40");
        assertThat(first.get("origin").asString()).isEqualTo("EXERCISE");
        assertThat(api.get(base + "/securities/w-stock-2").json().get("label").asString()).isEqualTo("CS-41");
        JsonNode named = api.get(base + "/warrants/w-rest").json();
        assertThat(named.get("label").asString()).isEqualTo("W-101");
        assertThat(named.get("status").asString()).isEqualTo("EXERCISED");
        assertThat(api.get(base + "/warrants/w-1").json().get("label").asString()).isEqualTo("W-100");
        JsonNode outstanding = api.get(base + "/warrants?status=OUTSTANDING").json();
        assertThat(outstanding).hasSize(1);
        assertThat(outstanding.get(0).get("securityId").asString()).isNotIn("w-1", "w-rest");
        assertThat(outstanding.get(0).get("quantity").asString()).isEqualTo("500");
        assertThat(outstanding.get(0).get("stockClassId").asString()).isEqualTo("common");
        assertThat(outstanding.get(0).get("exercisePrice").get("amount").asString()).isEqualTo("1");

        JsonNode safe = api.get(base + "/convertibles/safe-1").json();
        assertThat(safe.get("label").asString()).isEqualTo("SAFE-7");
        assertThat(safe.get("status").asString()).isEqualTo("CONVERTED");
        assertThat(safe.get("terms").get("valuationCap").get("amount").asString()).isEqualTo("5000000");
        assertThat(safe.get("terms").get("discount").asString()).isEqualTo("0.2");
        assertThat(safe.get("terms").get("timing").asString()).isEqualTo("POST_MONEY");
        JsonNode converted = api.get(base + "/securities/safe-stock").json();
        assertThat(converted.get("stakeholderId").asString()).isEqualTo("ada");
        assertThat(converted.get("quantity").asString()).isEqualTo("62500");
        assertThat(converted.get("label").asString()).isEqualTo("CS-50");
        assertThat(api.get(base + "/cap-table").json().get("totals").get("sharesOutstanding").asString())
                .isEqualTo("64000");
    }

    /** What Capledger cannot record as the package says is an error naming the item, and records nothing. */
    @Test
    void aWarrantConvertingIntoAFutureRoundIsUnsupported() {
        Map<String, Long> before = counts();
        String extra = """
                ,
                    {"object_type": "TX_WARRANT_ISSUANCE", "id": "wi-9", "security_id": "w-9", "date": "2021-04-01",
                     "stakeholder_id": "bob", "custom_id": "W-9", "security_law_exemptions": [],
                     "purchase_price": {"amount": "0", "currency": "USD"},
                     "exercise_triggers": [{"trigger_id": "t", "type": "AUTOMATIC_ON_CONDITION",
                       "trigger_condition": "Next financing",
                       "conversion_right": {"type": "WARRANT_CONVERSION_RIGHT",
                         "conversion_mechanism": {"type": "VALUATION_BASED_CONVERSION", "valuation_type": "CAP",
                           "valuation_amount": {"amount": "1000000", "currency": "USD"}},
                         "converts_to_future_round": true}}]}
                  ]
                }""";
        byte[] zip = OcfPackages.of("/ocf/handwritten/valid")
                .edit("Transactions.ocf.json", s -> s.substring(0, s.lastIndexOf('}', s.lastIndexOf(']'))) + "}"
                        + extra)
                .withChecksums().zip();
        JsonNode done = importPackage(zip, "");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("FAILED");
        assertThat(rules(done, "ERROR")).containsExactly("UNSUPPORTED");
        assertThat(done.get("report").toString()).contains("\"itemId\":\"wi-9\"", "future round");
        assertThat(counts()).isEqualTo(before);
    }

    /**
     * Every warrant and convertible transaction, recorded over REST, exported, imported and exported again: the same
     * files and the same cap table and securities ({@link OcfRoundTrip}).
     */
    @Test
    void warrantsAndConvertiblesOfEveryKindMakeTheExactRoundTrip() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Round Trip Instruments", "formationDate": "2020-01-01", "countryOfFormation": "US"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ann = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ann Archer"},
                 "relationship": "FOUNDER"}""").id();
        String fund = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INSTITUTION", "name": {"legalName": "Fund LP"},
                 "relationship": "INVESTOR"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "10000000"}""").id();
        String preferred = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Series A", "classType": "PREFERRED", "certificatePrefix": "PA-",
                 "votesPerShare": "1", "seniority": 2, "initialSharesAuthorized": "10000000"}""").id();
        Api.Response w1 = ok(base + "/warrant-issuances", """
                {"date": "2021-01-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "5000",
                 "exercisePrice": {"amount": "1.5", "currency": "USD"}, "purchasePrice": {"amount": "10", "currency": "USD"},
                 "expirationDate": "2031-01-01", "consideration": "A loan"}""".formatted(fund, common));
        String rest = ok(base + "/warrants/" + w1.id() + "/exercises", """
                {"date": "2022-01-01", "quantity": "2000", "consideration": "USD 3,000"}""")
                .json().get("securityIds").get(1).asString();
        String rest2 = ok(base + "/warrants/" + rest + "/exercises", """
                {"date": "2022-02-01", "quantity": "500"}""").json().get("securityIds").get(1).asString();
        String balance = ok(base + "/warrants/" + rest2 + "/cancellations", """
                {"date": "2022-03-01", "quantity": "1000", "reason": "Partly waived"}""")
                .json().get("securityIds").get(0).asString();
        String transferred = ok(base + "/warrants/" + balance + "/transfers", """
                {"date": "2022-04-01", "toStakeholderId": "%s", "consideration": "Gift"}""".formatted(ann))
                .json().get("securityIds").get(0).asString();
        ok(base + "/warrants/" + transferred + "/acceptances", """
                {"date": "2022-04-02"}""");
        Api.Response formula = ok(base + "/warrant-issuances", """
                {"date": "2021-02-01", "stakeholderId": "%s", "stockClassId": "%s",
                 "purchasePrice": {"amount": "0", "currency": "USD"}}""".formatted(fund, preferred));
        String formulaTransferred = ok(base + "/warrants/" + formula.id() + "/transfers", """
                {"date": "2021-03-01", "toStakeholderId": "%s"}""".formatted(ann))
                .json().get("securityIds").get(0).asString();
        ok(base + "/warrants/" + formulaTransferred + "/exercises", """
                {"date": "2022-05-01", "quantity": "750"}""");
        Api.Response cancelledFormula = ok(base + "/warrant-issuances", """
                {"date": "2021-02-01", "stakeholderId": "%s", "stockClassId": "%s",
                 "purchasePrice": {"amount": "0", "currency": "USD"}}""".formatted(fund, common));
        ok(base + "/warrants/" + cancelledFormula.id() + "/cancellations", """
                {"date": "2021-06-01", "reason": "Lapsed"}""");
        Api.Response retracted = ok(base + "/warrant-issuances", """
                {"date": "2021-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "10",
                 "purchasePrice": {"amount": "0", "currency": "USD"}}""".formatted(fund, common));
        ok(base + "/warrants/" + retracted.id() + "/retractions", """
                {"date": "2021-02-02", "reason": "Issued in error"}""");

        Api.Response safe = ok(base + "/convertible-issuances", """
                {"date": "2022-02-01", "stakeholderId": "%s", "convertibleType": "SAFE", "proRata": true,
                 "investmentAmount": {"amount": "250000", "currency": "USD"}, "seniority": 2,
                 "terms": {"stockClassId": "%s", "valuationCap": {"amount": "5000000", "currency": "USD"},
                           "discount": "0.2", "timing": "PRE_MONEY", "interestRate": "0.01",
                           "maturityDate": "2025-01-01"}}""".formatted(fund, preferred));
        ok(base + "/convertibles/" + safe.id() + "/acceptances", """
                {"date": "2022-02-02"}""");
        ok(base + "/convertibles/" + safe.id() + "/conversions", """
                {"date": "2023-06-01", "stockClassId": "%s", "quantity": "62500", "reason": "Series A"}"""
                .formatted(preferred));
        Api.Response note = ok(base + "/convertible-issuances", """
                {"date": "2022-03-01", "stakeholderId": "%s", "convertibleType": "NOTE",
                 "investmentAmount": {"amount": "10000", "currency": "USD"},
                 "terms": {"conversionPrice": {"amount": "2", "currency": "USD"}, "interestRate": "0.05",
                           "maturityDate": "2024-03-01", "discount": "0.15", "timing": "POST_MONEY",
                           "valuationCap": {"amount": "8000000", "currency": "USD"}}}""".formatted(ann));
        String noteTransferred = ok(base + "/convertibles/" + note.id() + "/transfers", """
                {"date": "2022-09-01", "toStakeholderId": "%s", "consideration": "Sold"}""".formatted(fund))
                .json().get("securityIds").get(0).asString();
        ok(base + "/convertibles/" + noteTransferred + "/cancellations", """
                {"date": "2023-01-01", "reason": "Repaid"}""");
        ok(base + "/convertible-issuances", """
                {"date": "2022-04-01", "stakeholderId": "%s", "convertibleType": "NOTE",
                 "investmentAmount": {"amount": "20000", "currency": "USD"},
                 "terms": {"maturityDate": "2025-04-01"}}""".formatted(fund));
        ok(base + "/convertible-issuances", """
                {"date": "2022-05-01", "stakeholderId": "%s", "convertibleType": "CONVERTIBLE_SECURITY",
                 "investmentAmount": {"amount": "30000", "currency": "USD"},
                 "terms": {"stockClassId": "%s", "valuationCap": {"amount": "9000000", "currency": "USD"},
                           "discount": "0.1", "timing": "POST_MONEY", "interestRate": "0.02",
                           "maturityDate": "2026-05-01", "conversionPrice": {"amount": "3", "currency": "USD"}}}"""
                .formatted(ann, common));
        ok(base + "/convertible-issuances", """
                {"date": "2022-05-01", "stakeholderId": "%s", "convertibleType": "SAFE",
                 "investmentAmount": {"amount": "1000", "currency": "USD"}}""".formatted(ann));
        Api.Response voided = ok(base + "/convertible-issuances", """
                {"date": "2022-06-01", "stakeholderId": "%s", "convertibleType": "SAFE",
                 "investmentAmount": {"amount": "5000", "currency": "USD"}}""".formatted(ann));
        Api.Response last = ok(base + "/convertibles/" + voided.id() + "/retractions", """
                {"date": "2022-06-02", "reason": "Never signed"}""");
        api.read(base + "/cap-table", last);

        OcfRoundTrip.Result roundTrip = OcfRoundTrip.of(api, port, issuerId);
        assertThat(roundTrip.differences()).isEmpty();
        assertThat(roundTrip.importedIssuerId()).isNotNull();
        assertThat(api.get("/api/issuers/" + roundTrip.importedIssuerId() + "/warrants?status=OUTSTANDING").json())
                .hasSize(1);
    }

    private Api.Response ok(String path, String body) {
        Api.Response response = api.command(path, body);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response;
    }

    /**
     * A vesting start dated before its grant, and written before it in a file in date order, is recorded right after
     * the grant (the grant must exist), and vests from its own date.
     */
    @Test
    void aVestingStartDatedBeforeItsGrantIsRecordedWithTheGrant() {
        byte[] zip = OcfPackages.of("/ocf/packages/options").edit("Transactions.ocf.json", s -> {
            int start = s.indexOf("    {\n      \"object_type\": \"TX_VESTING_START\"");
            int end = s.indexOf("},", start) + 2;
            String vesting = s.substring(start, end).replace("\"date\": \"2022-12-31\"", "\"date\": \"2022-06-30\"");
            String without = s.substring(0, start) + s.substring(end + 1);
            int items = without.indexOf("[") + 2;
            return without.substring(0, items) + vesting + "\n" + without.substring(items);
        }).zip();
        JsonNode done = importPackage(zip, "?checksumMismatch=WARNING");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
        String base = "/api/issuers/" + done.get("issuerId").asString();
        JsonNode grant = api.get(base + "/grants/c0ebbb49-8499-4863-bf27-279bc842bf20?asOf=2023-07-01").json();
        assertThat(grant.get("vested").asString()).as(grant.toString()).isEqualTo("25000");
    }
}
