package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issuers with long histories are snapshotted, and commands on them keep working from the snapshot. */
class SnapshotTest extends EndToEndTest {

    @Autowired
    CommandGateway commands;

    @Test
    void longHistoriesAreSnapshottedAndStillDecideCorrectly() {
        String issuerId = createIssuer("Long History plc", "2010-01-01").json().get("issuerId").asString();
        String ann = registerStakeholder(issuerId, "Ann", "2010-01-01").id();
        String common = createStockClass(issuerId, "Common", "CS-", "1000", "2010-01-01").id();
        for (int i = 0; i < 250; i++) {
            commands.sendAndWait(new IssueStock(IssuerId.of(issuerId), SecurityId.random(),
                    java.time.LocalDate.of(2011, 1, 1).plusDays(i), StakeholderId.of(ann), StockClassId.of(common),
                    Quantity.of(2), Money.of("0.01", "USD"), null));
        }

        Long snapshotSequence = jdbc.queryForObject("SELECT max(sequencenumber) FROM snapshotevententry "
                + "WHERE aggregateidentifier = ?", Long.class, issuerId);
        assertThat(snapshotSequence).isNotNull().isGreaterThanOrEqualTo(100);

        // 500 of 1000 issued; the aggregate, loaded from its snapshot, still counts them
        Api.Response tooMany = issue(issuerId, ann, common, "501", "2020-01-01");
        assertThat(tooMany.status()).isEqualTo(422);
        Api.Response fits = api.post("/api/issuers/" + issuerId + "/stock-issuances",
                issueBody(ann, common, "500", "2020-01-01"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(fits.status()).isEqualTo(201);
        assertThat(fits.header("ETag")).isEqualTo("\"254\"");
        JsonNode security = api.read(fits.header("Location"), fits).json();
        assertThat(security.get("label").asString()).isEqualTo("CS-251");
        JsonNode asOf = api.get("/api/issuers/" + issuerId + "/cap-table?asOf=2011-01-10").json();
        assertThat(asOf.get("totals").get("sharesOutstanding").asString()).isEqualTo("20");
    }
}
