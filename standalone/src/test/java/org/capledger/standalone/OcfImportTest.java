package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OCF packages imported over REST ({@code POST /api/ocf/imports}, then polling the import): sample and hand-written
 * packages import; broken ones record nothing and report every problem.
 */
class OcfImportTest extends EndToEndTest {

    /** Uploads the package and waits for the import to end. */
    JsonNode importPackage(byte[] zip, String query) {
        Api.Response accepted = api.post("/api/ocf/imports" + query, zip, "application/zip");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).startsWith("/api/ocf/imports/");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = api.get(location).json();
            String state = status.get("status").asString();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return status;
            }
            sleep();
        }
        throw new AssertionError("the import did not end in 3 minutes");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

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
        assertThat(issuerId).isEqualTo("handwritten-issuer");
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
        assertThat(counts()).isEqualTo(before);
        JsonNode refusal = done.get("report").get(0);
        assertThat(refusal.get("file").asString()).isEqualTo("Transactions.ocf.json");
        assertThat(refusal.get("itemId").asString()).isEqualTo("si-1");
        assertThat(refusal.get("path").asString()).isEqualTo("$.items[0]");
        assertThat(refusal.get("message").asString()).startsWith("AUTHORIZED_SHARES_EXCEEDED");
    }
}
