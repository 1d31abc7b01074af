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
                                org.capledger.api.value.StakeholderRelationship.OTHER))
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
}
