package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A generated package of 10,000 transactions imports over REST (its time is in the README, measured here and printed).
 * The package is streamed: the upload to a file, the file item by item.
 */
class OcfLargeImportTest extends EndToEndTest {

    @Test
    void tenThousandTransactionsImport() throws IOException {
        Path zip = Files.createTempFile("generated-", ".ocf.zip");
        try {
            GeneratedOcfPackage generated = GeneratedOcfPackage.write(zip, 10_000);
            JsonNode done = importPackage(Files.readAllBytes(zip), "", java.time.Duration.ofMinutes(20));
            assertThat(done.get("status").asString()).as(done.get("report").toString()).isEqualTo("IMPORTED");
            assertThat(done.get("itemsTotal").asInt()).isGreaterThanOrEqualTo(10_000);
            String base = "/api/issuers/" + done.get("issuerId").asString();
            // projecting 6,000 events takes longer than a query waits for them (capledger.consistency-wait)
            assertThat(processors.awaitProcessed(done.get("position").asLong(), java.time.Duration.ofMinutes(5)))
                    .isTrue();
            JsonNode capTable = api.get(base + "/cap-table").json();
            assertThat(capTable.get("totals").get("sharesOutstanding").asString())
                    .isEqualTo(Long.toString(generated.outstanding));
            System.out.printf("OCF import of %d transactions (%d bytes zipped): %d ms, %d events%n",
                    done.get("itemsTotal").asInt() - 102, Files.size(zip), done.get("durationMillis").asLong(),
                    done.get("events").asLong());
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
